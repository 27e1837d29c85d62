// Serves supabase/functions/<name>/index.ts with the real Deno (from the `deno` npm package),
// as Supabase's edge runtime does, with SUPABASE_URL and the project keys in the environment.
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ANON_KEY, JWT_SECRET, SERVICE_ROLE_KEY, repoRoot } from "./config.ts";
import { StackError, assertPortFree, startService, waitFor, type Service } from "./process.ts";
import { projectConfig } from "./toml.ts";

export const functionsDir = path.join(repoRoot, "supabase", "functions");

function denoBinary(): string {
  if (process.env.DENO_BIN) return process.env.DENO_BIN;
  try {
    const require = createRequire(import.meta.url);
    const bin = path.join(path.dirname(require.resolve("deno/package.json")), "deno");
    if (existsSync(bin)) return bin;
  } catch {
    // fall through
  }
  throw new StackError("functions: the deno binary is missing (npm install adds the deno package; or set DENO_BIN)");
}

/** Functions that config.toml marks `verify_jwt = false`. */
function functionsWithoutJwtCheck(): string[] {
  return Object.entries(projectConfig())
    .filter(([section, keys]) => section.startsWith("functions.") && keys.verify_jwt === false)
    .map(([section]) => section.slice("functions.".length));
}

export async function startFunctions(options: {
  port: number;
  apiUrl: string;
  dataDir: string;
  /** AUDIT_CHECKPOINT_SECRET of the audit-integrity function. */
  checkpointSecret: string;
  onExit?: (reason: string) => void;
}): Promise<Service> {
  await assertPortFree(options.port, "functions");
  const denoDir = path.join(options.dataDir, "deno");
  mkdirSync(denoDir, { recursive: true });
  const caFile = process.env.DENO_CERT ?? process.env.SSL_CERT_FILE ?? process.env.NODE_EXTRA_CA_CERTS;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DENO_DIR: denoDir,
    DENO_NO_UPDATE_CHECK: "1",
    DENO_TLS_CA_STORE: "system,mozilla",
    ...(caFile && existsSync(caFile) ? { DENO_CERT: caFile } : {}),
    NO_COLOR: "1",
    FUNCTIONS_DIR: functionsDir,
    FUNCTIONS_PORT: String(options.port),
    FUNCTIONS_NO_VERIFY_JWT: functionsWithoutJwtCheck().join(","),
    SUPABASE_URL: options.apiUrl,
    SUPABASE_ANON_KEY: ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
    SUPABASE_JWT_SECRET: JWT_SECRET,
    SUPABASE_DB_URL: "",
    AUDIT_CHECKPOINT_SECRET: options.checkpointSecret,
  };
  const service = startService(
    "functions",
    denoBinary(),
    [
      "run",
      "--quiet",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-sys",
      `--config=${path.join(functionsDir, "deno.json")}`,
      path.join(repoRoot, "supabase", "local", "edge-runtime", "main.ts"),
    ],
    { env, cwd: functionsDir, logDir: path.join(options.dataDir, "logs"), onExit: options.onExit },
  );
  await waitFor(
    "functions",
    async () => {
      const response = await fetch(`http://127.0.0.1:${options.port}/`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return response.status === 404;
    },
    { timeoutMs: 120_000, alive: () => service.exitReason() },
  );
  return service;
}
