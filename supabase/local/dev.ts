// `npm run dev`: the whole local Supabase plus the Vite dev server, in one terminal.
// Ctrl-C stops every child process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { loadConfig, repoRoot } from "./config.ts";
import { demoLogins } from "./demo-logins.ts";
import { assertPortFree } from "./process.ts";
import { startStack, type Stack } from "./stack.ts";
import { fail, onShutdown } from "./cli.ts";

const config = loadConfig("dev");
let stack: Stack | undefined;
let vite: ChildProcess | undefined;
let stopping = false;
const shutdown = onShutdown(async () => {
  stopping = true;
  if (vite && vite.exitCode === null) {
    await new Promise<void>((resolve) => {
      vite!.once("exit", () => resolve());
      vite!.kill("SIGTERM");
    });
  }
  await stack?.stop();
});
const say = (line: string) => process.stdout.write(`\x1b[2m[local]\x1b[0m ${line}\n`);

try {
  await assertPortFree(config.ports.vite, "vite");
  stack = await startStack(config, {
    log: say,
    mailer: ({ to, link }) => say(`password reset link for ${to}: ${link}`),
    checkpointEveryMinutes: 15,
    onCrash: (reason) => {
      process.stderr.write(`\x1b[31merror:\x1b[0m ${reason}\n`);
      void shutdown(1);
    },
  });
  vite = spawn(
    process.execPath,
    [
      path.join(repoRoot, "node_modules", "vite", "bin", "vite.js"),
      "--port",
      String(config.ports.vite),
      "--strictPort",
      "--host",
      "127.0.0.1",
    ],
    {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey },
    },
  );
  vite.on("exit", (code) => {
    if (!stopping && code !== 0 && code !== null) {
      process.stderr.write(`\x1b[31merror:\x1b[0m vite exited with code ${code}\n`);
      void shutdown(1);
    }
  });
  say("ready");
  process.stdout.write(`
  App:        ${config.siteUrl}
  API:        ${stack.apiUrl}  (/rest/v1, /auth/v1, /functions/v1)
  Database:   postgresql://postgres:${config.dbPassword}@127.0.0.1:${config.ports.db}/postgres
  Anon key:   ${stack.anonKey}

  Demo logins:
${demoLogins.map((l) => `    ${l.role.padEnd(12)} ${l.email.padEnd(24)} ${l.password}`).join("\n")}

  Ctrl-C stops everything.
`);
} catch (error) {
  await stack?.stop().catch(() => undefined);
  fail(error);
}
