// A throwaway database built from the migrations alone (no seed), for generators that must
// describe exactly what the migrations make: db:types --check and db:schema.
import { rmSync } from "node:fs";
import { loadConfig } from "./config.ts";
import { bootstrapDatabase, bootstrapRoles } from "./bootstrap.ts";
import { applyMigrations } from "./migrate.ts";
import { startPostgres } from "./postgres.ts";

/** Runs `work` with the URL (as `postgres`) of a fresh database the migrations were applied to. */
export async function withMigratedDatabase<T>(work: (postgresUrl: string) => Promise<T>, portOffset = 50): Promise<T> {
  const config = loadConfig("test");
  config.ports.db += portOffset;
  config.dataDir = `${config.dataDir}-scratch-${portOffset}`;
  const db = await startPostgres({
    dataDir: config.dataDir,
    port: config.ports.db,
    password: config.dbPassword,
    fast: true,
    log: () => undefined,
  });
  try {
    await bootstrapRoles(db.superuserUrl(), config.dbPassword);
    await bootstrapDatabase(db.superuserUrl(), config.dbPassword);
    const postgresUrl = `postgresql://postgres:${config.dbPassword}@127.0.0.1:${config.ports.db}/postgres`;
    await applyMigrations(postgresUrl);
    return await work(postgresUrl);
  } finally {
    await db.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
    rmSync(db.pgdata, { recursive: true, force: true });
  }
}
