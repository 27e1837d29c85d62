// Settings shared by every module of the local stack: ports, secrets, keys and paths.
// Two profiles exist: "dev" (the ports `supabase start` uses) and "test" (a throwaway
// stack on its own ports, so `npm test` can run while `npm run dev` is up).
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { signJwt } from "./jwt.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The JWT secret the Supabase CLI uses for local projects. Never used by a hosted project. */
export const JWT_SECRET =
  process.env.SUPABASE_LOCAL_JWT_SECRET ?? "super-secret-jwt-token-with-at-least-32-characters-long";

/** The demo project keys: the same HS256 payloads the Supabase CLI signs locally. */
export const ANON_KEY = signJwt({ iss: "supabase-demo", role: "anon", exp: 1983812996 }, JWT_SECRET);
export const SERVICE_ROLE_KEY = signJwt({ iss: "supabase-demo", role: "service_role", exp: 1983812996 }, JWT_SECRET);

export type Profile = "dev" | "test" | "bench";

export interface StackConfig {
  profile: Profile;
  /** Folder holding the Postgres cluster, logs and caches. */
  dataDir: string;
  ports: {
    gateway: number;
    db: number;
    postgrest: number;
    auth: number;
    functions: number;
    vite: number;
  };
  /** Password of the bootstrap superuser and the service logins (local only). */
  dbPassword: string;
  /** Public URL of the gateway (what supabase-js gets as SUPABASE_URL). */
  apiUrl: string;
  /** Where the app is served (redirect target for recovery links). */
  siteUrl: string;
  /** Keep the database between runs (dev) or throw it away (test). */
  persistent: boolean;
}

const basePorts = { gateway: 54321, db: 54322, postgrest: 54330, auth: 54331, functions: 54332, vite: 5173 };

function offsetPorts(offset: number): StackConfig["ports"] {
  return {
    gateway: basePorts.gateway + offset,
    db: basePorts.db + offset,
    postgrest: basePorts.postgrest + offset,
    auth: basePorts.auth + offset,
    functions: basePorts.functions + offset,
    vite: basePorts.vite + offset,
  };
}

/** A folder only this checkout uses under the system temp dir (always reachable by the postgres OS user). */
export function tempFolderFor(name: string): string {
  const key = createHash("sha1").update(repoRoot).digest("hex").slice(0, 10);
  return path.join(tmpdir(), `sales-panel-${key}`, name);
}

export function loadConfig(profile: Profile): StackConfig {
  const offset = profile === "dev" ? 0 : profile === "test" ? 1000 : 2000;
  const ports = offsetPorts(offset);
  const envPort = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  if (profile === "dev") {
    ports.gateway = envPort("SUPABASE_LOCAL_PORT") ?? ports.gateway;
    ports.vite = envPort("VITE_PORT") ?? ports.vite;
  }
  const dataDir =
    profile === "dev"
      ? (process.env.SUPABASE_LOCAL_DATA_DIR ?? path.join(repoRoot, ".supabase-local", "dev"))
      : profile === "bench"
        ? (process.env.SUPABASE_BENCH_DATA_DIR ?? path.join(repoRoot, ".supabase-local", "bench"))
        : tempFolderFor(`test-${process.pid}`);
  const apiUrl = `http://127.0.0.1:${ports.gateway}`;
  return {
    profile,
    dataDir,
    ports,
    dbPassword: "postgres",
    apiUrl,
    siteUrl: `http://127.0.0.1:${ports.vite}`,
    persistent: profile !== "test",
  };
}
