// Applies supabase/migrations/*.sql in file-name order as the `postgres` role, each file in
// its own transaction, recorded in supabase_migrations.schema_migrations as the Supabase CLI
// records it (with its text); then supabase/seed.sql on a fresh database only. A migration is
// frozen once applied: when a recorded file's text has changed, start-up stops and says so.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "./config.ts";
import { StackError } from "./process.ts";

export const migrationsDir = path.join(repoRoot, "supabase", "migrations");
export const seedFile = path.join(repoRoot, "supabase", "seed.sql");
const fileName = /^([0-9]+)_(.*)\.sql$/;

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

export async function listMigrations(dir = migrationsDir): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return files.flatMap((file) => {
    const match = fileName.exec(file);
    return match ? [{ version: match[1]!, name: match[2]!, file }] : [];
  });
}

/** A short fingerprint of a migration's text (what was applied vs what is on disk). */
export const checksum = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/** "line 12: syntax error at or near ..." from Postgres's error position. */
function describe(error: unknown, sql: string): string {
  const e = error as { message?: string; position?: string; where?: string; detail?: string };
  let where = "";
  if (e.position) {
    const line = sql.slice(0, Number(e.position)).split("\n").length;
    where = ` (line ${line})`;
  }
  return `${e.message ?? String(error)}${where}${e.detail ? ` - ${e.detail}` : ""}`;
}

export async function applyMigrations(
  postgresUrl: string,
  log: (line: string) => void = () => undefined,
  dir = migrationsDir,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    const { rows } = await client.query<{ version: string; statements: string[] | null }>(
      "select version, statements from supabase_migrations.schema_migrations",
    );
    const done = new Map(rows.map((r) => [r.version, (r.statements ?? []).join("")]));
    for (const migration of await listMigrations(dir)) {
      const sql = await readFile(path.join(dir, migration.file), "utf8");
      const recorded = done.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== "" && checksum(recorded) !== checksum(sql)) {
          throw new StackError(
            `migration ${migration.file} was changed after it was applied (checksum ${checksum(recorded)} recorded, ${checksum(sql)} now): ` +
              `restore it (git checkout -- supabase/migrations/${migration.file}) and put the change in a new migration, or rebuild this local database with npm run db:reset`,
          );
        }
        continue;
      }
      try {
        await client.query("reset all");
        await client.query("begin");
        await client.query(sql);
        await client.query(
          "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
          [migration.version, migration.name, [sql]],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw new StackError(`migration ${migration.file} failed: ${describe(error, sql)}`);
      }
      applied.push(migration.file);
      log(`applied ${migration.file}`);
    }
    await client.query("notify pgrst, 'reload schema'");
  } finally {
    await client.end();
  }
  return applied;
}

export async function applySeed(postgresUrl: string, file = seedFile): Promise<boolean> {
  let sql: string;
  try {
    sql = await readFile(file, "utf8");
  } catch {
    return false;
  }
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(sql);
    await client.query(
      "insert into supabase_migrations.seed_files (path, hash) values ($1, $2) on conflict (path) do update set hash = excluded.hash",
      [path.relative(repoRoot, file), createHash("sha256").update(sql).digest("hex")],
    );
    await client.query("commit");
    await client.query("notify pgrst, 'reload schema'");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw new StackError(`seed ${path.basename(file)} failed: ${describe(error, sql)}`);
  } finally {
    await client.end();
  }
  return true;
}
