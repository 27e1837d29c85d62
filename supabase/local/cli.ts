// Shared by the command-line entries: one-line errors, and stopping children on Ctrl-C.
import { StackError } from "./process.ts";

export function fail(error: unknown): never {
  const message =
    error instanceof StackError
      ? error.message
      : error instanceof Error
        ? `${error.message.split("\n")[0]}`
        : String(error);
  process.stderr.write(`\x1b[31merror:\x1b[0m ${message}\n`);
  process.exit(1);
}

/** Runs `cleanup` once on Ctrl-C / SIGTERM / a fatal error, then exits. */
export function onShutdown(cleanup: () => Promise<void>): (code?: number) => Promise<void> {
  let done = false;
  const shutdown = async (code = 0) => {
    if (done) return;
    done = true;
    await cleanup().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));
  // A crash must not leave orphan children: report one line, stop them, exit.
  const crash = (error: unknown) => {
    process.stderr.write(
      `\x1b[31merror:\x1b[0m ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`,
    );
    void shutdown(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  return shutdown;
}
