// `npm test`: starts a throwaway local Supabase on its own ports (so it can run while
// `npm run dev` is up), builds the app against it, serves it, then runs every Vitest
// project (unit, component, db/api, e2e) and stops everything. Extra arguments go to
// Vitest, e.g. `npm test -- --project db tests/db/access.test.ts`.
import { spawn } from "node:child_process";
import path from "node:path";
import { build } from "vite";
import { loadConfig, repoRoot } from "../supabase/local/config.ts";
import { fail, onShutdown } from "../supabase/local/cli.ts";
import { startStack, type Stack } from "../supabase/local/stack.ts";
import { serveStatic } from "./support/static-server.ts";
import { startControlServer } from "./support/control-server.ts";

const config = loadConfig("test");
let stack: Stack | undefined;
let app: { url: string; stop(): Promise<void> } | undefined;
let control: { stop(): Promise<void> } | undefined;
const started = Date.now();
const say = (line: string) =>
  process.stdout.write(`\x1b[2m[test ${((Date.now() - started) / 1000).toFixed(1)}s]\x1b[0m ${line}\n`);
const shutdown = onShutdown(async () => {
  await control?.stop();
  await app?.stop();
  await stack?.stop();
});

try {
  // Recovery e-mails are kept for the tests (control server: GET /mail/<address>).
  const mails = new Map<string, string>();
  stack = await startStack(config, { log: say, mailer: ({ to, link }) => mails.set(to.toLowerCase(), link) });
  const args = process.argv.slice(2);
  const wantsE2e = args.length === 0 || args.some((a) => a.includes("e2e") || a.includes("a11y"));
  if (wantsE2e) {
    say("building the app against the test stack");
    const outDir = path.join(config.dataDir, "app");
    process.env.VITE_SUPABASE_URL = stack.apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
    await build({ root: repoRoot, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    app = await serveStatic(outDir, config.ports.vite);
  }
  control = await startControlServer(stack, config.ports.vite + 1, mails);
  say("running vitest");
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, "node_modules", "vitest", "vitest.mjs"), "run", ...args],
      {
        cwd: repoRoot,
        stdio: "inherit",
        env: {
          ...process.env,
          // vite's build() sets NODE_ENV=production in this process; tests run React in test mode.
          NODE_ENV: "test",
          TEST_API_URL: stack!.apiUrl,
          TEST_ANON_KEY: stack!.anonKey,
          TEST_SERVICE_ROLE_KEY: stack!.serviceRoleKey,
          TEST_JWT_SECRET: stack!.jwtSecret,
          TEST_DB_URL: stack!.dbUrl,
          TEST_POSTGRES_URL: stack!.postgresUrl,
          TEST_APP_URL: app?.url ?? "",
          TEST_SITE_URL: config.siteUrl,
          TEST_DATA_DIR: config.dataDir,
          TEST_CONTROL_PORT: String(config.ports.vite + 1),
        },
      },
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
  say(`done in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  await shutdown(code);
} catch (error) {
  await app?.stop().catch(() => undefined);
  await stack?.stop().catch(() => undefined);
  fail(error);
}
