// A migration is frozen once applied: the stack records each file's text and refuses to start,
// with one line naming the file and the fix, when a recorded migration was edited afterwards.
// Tried on a database of its own, with migrations of its own.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../supabase/local/migrate.ts";
import { env } from "../support/env.ts";
import { closePools, sql } from "../support/sql.ts";

const database = `frozen_${randomUUID().slice(0, 8)}`;
const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));

afterAll(async () => {
  await sql(`drop database if exists ${database} with (force)`);
  await closePools();
  rmSync(dir, { recursive: true, force: true });
});

describe("applied migrations are frozen", () => {
  it("an edited migration stops start-up with the file named; a new one is applied", async () => {
    await sql(`create database ${database}`);
    const url = new URL(env.dbUrl);
    url.pathname = `/${database}`;
    const target = url.toString();
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(
      "create schema supabase_migrations; create table supabase_migrations.schema_migrations (version text primary key, statements text[], name text)",
    );
    await client.end();

    writeFileSync(path.join(dir, "20300101000000_first.sql"), "create table first_table (id int);\n");
    expect(await applyMigrations(target, () => undefined, dir)).toEqual(["20300101000000_first.sql"]);
    // Unchanged: nothing to do, no complaint.
    expect(await applyMigrations(target, () => undefined, dir)).toEqual([]);

    writeFileSync(path.join(dir, "20300101000000_first.sql"), "create table first_table (id bigint);\n");
    writeFileSync(path.join(dir, "20300102000000_second.sql"), "create table second_table (id int);\n");
    await expect(applyMigrations(target, () => undefined, dir)).rejects.toThrow(
      /^migration 20300101000000_first\.sql was changed after it was applied \(checksum [0-9a-f]{12} recorded, [0-9a-f]{12} now\): restore it .*npm run db:reset$/,
    );

    writeFileSync(path.join(dir, "20300101000000_first.sql"), "create table first_table (id int);\n");
    expect(await applyMigrations(target, () => undefined, dir)).toEqual(["20300102000000_second.sql"]);
  });
});
