// Child processes and ports: spawn a service with its output in a log file, wait until it
// answers, notice when it dies, stop it by its own pid. Every failure is a one-line StackError.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import net from "node:net";
import path from "node:path";

/** An error the stack reports as one line, without a stack trace. */
export class StackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackError";
  }
}

/** Refuses to start when a port is taken, naming the service that wanted it. */
export async function assertPortFree(port: number, service: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new StackError(
          error.code === "EADDRINUSE"
            ? `${service}: port ${port} is already in use (stop what runs there, or set another port)`
            : `${service}: cannot listen on port ${port} (${error.code ?? error.message})`,
        ),
      );
    });
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve()));
  });
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    alive,
  }: { timeoutMs?: number; intervalMs?: number; alive?: () => string | null } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = alive?.();
    if (dead) throw new StackError(dead);
    try {
      if (await probe()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new StackError(`${what} did not become ready within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function httpReady(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.status < 500;
}

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Null while running; otherwise why it stopped. */
  exitReason(): string | null;
  stop(): Promise<void>;
}

/** Starts a binary with its stdout and stderr in `<logDir>/<name>.log`. */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    logDir: string;
    uid?: number;
    gid?: number;
    /** Signal for a graceful stop (Postgres: SIGINT is its "fast" shutdown). */
    stopSignal?: NodeJS.Signals;
    onExit?: (reason: string) => void;
  },
): Service {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${name}.log`);
  const log: WriteStream = createWriteStream(logFile, { flags: "a" });
  let exit: string | null = null;
  let stopping = false;
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    uid: options.uid,
    gid: options.gid,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.on("error", (error: NodeJS.ErrnoException) => {
    exit = `${name} could not start: ${error.code === "ENOENT" ? `${command} not found` : error.message}`;
  });
  child.on("exit", (code, signal) => {
    exit ??= `${name} exited (${signal ?? `code ${code}`}); see ${logFile}`;
    if (!stopping) options.onExit?.(exit);
  });
  return {
    name,
    child,
    logFile,
    exitReason: () => exit,
    async stop() {
      stopping = true;
      if (exit !== null || child.exitCode !== null || child.pid === undefined) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill(options.stopSignal ?? "SIGTERM");
      });
      log.end();
    },
  };
}
