// `npm run db:reset`: recreates the dev database from supabase/migrations and seed.sql.
// Works whether or not `npm run dev` is running (its services reconnect by themselves).
import pg from "pg";
import { loadConfig } from "./config.ts";
import { bootstrapDatabase, bootstrapRoles, recreateDatabase } from "./bootstrap.ts";
import { fail } from "./cli.ts";
import { applyMigrations, applySeed } from "./migrate.ts";
import { SUPERUSER, startPostgres, type PostgresHandle } from "./postgres.ts";

const config = loadConfig((process.env.SUPABASE_PROFILE as "dev" | "bench" | undefined) ?? "dev");
const superuserUrl = (db = "postgres") =>
  `postgresql://${SUPERUSER}:${encodeURIComponent(config.dbPassword)}@127.0.0.1:${config.ports.db}/${db}`;
const say = (line: string) => process.stdout.write(`[db:reset] ${line}\n`);

async function running(): Promise<boolean> {
  const client = new pg.Client({ connectionString: superuserUrl(), connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let started: PostgresHandle | undefined;
try {
  if (!(await running())) {
    say("starting postgres");
    started = await startPostgres({
      dataDir: config.dataDir,
      port: config.ports.db,
      password: config.dbPassword,
      fast: false,
      log: say,
    });
  }
  await bootstrapRoles(superuserUrl(), config.dbPassword);
  say("recreating the database");
  await recreateDatabase(superuserUrl);
  await bootstrapDatabase(superuserUrl(), config.dbPassword);
  const postgresUrl = `postgresql://postgres:${encodeURIComponent(config.dbPassword)}@127.0.0.1:${config.ports.db}/postgres`;
  await applyMigrations(postgresUrl, say);
  await applySeed(postgresUrl);
  say("done: migrations and seed applied");
} catch (error) {
  await started?.stop();
  fail(error);
}
await started?.stop();
