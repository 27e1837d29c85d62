// Applies Supabase's platform bootstrap (roles, auth schema, default privileges) to a
// fresh cluster and database. Not a migration: a hosted project already has all of it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { StackError } from "./process.ts";

const here = path.dirname(new URL(import.meta.url).pathname);

async function runFile(client: pg.Client, file: string, password: string): Promise<void> {
  const sql = (await readFile(path.join(here, file), "utf8")).replaceAll(
    "{{password}}",
    password.replaceAll("'", "''"),
  );
  try {
    await client.query("begin");
    await client.query(sql);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw new StackError(`bootstrap: ${file} failed: ${(error as Error).message}`);
  }
}

/** Creates the platform roles once per cluster. */
export async function bootstrapRoles(superuserUrl: string, password: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_roles where rolname = 'authenticator'");
    if (rowCount) return false;
    await runFile(client, "bootstrap-roles.sql", password);
    await client.query("alter database postgres owner to postgres");
    return true;
  } finally {
    await client.end();
  }
}

/** Creates schemas, extensions and the auth schema once per `postgres` database. */
export async function bootstrapDatabase(superuserUrl: string, password: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>("select to_regnamespace('auth') is not null as ok");
    if (rows[0]?.ok) return false;
    await runFile(client, "bootstrap-database.sql", password);
    return true;
  } finally {
    await client.end();
  }
}

/** Drops and recreates the `postgres` database (the cluster and its roles stay). */
export async function recreateDatabase(superuserUrl: (db?: string) => string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl("template1") });
  await client.connect();
  try {
    await client.query("drop database if exists postgres with (force)");
    await client.query(
      "create database postgres owner postgres template template0 encoding 'UTF8' locale_provider builtin builtin_locale 'C.UTF-8' locale 'C.UTF-8'",
    );
  } finally {
    await client.end();
  }
}
