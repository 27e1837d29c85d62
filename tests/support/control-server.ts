// Lets fault tests (in Vitest workers) stop and start services of the stack that the
// test runner owns: POST /stop/<service>, /start/<service>, /restart/<service>; and reads the
// last recovery link e-mailed to an address: GET /mail/<address> (404 when none).
import http from "node:http";
import type { Stack } from "../../supabase/local/stack.ts";

const services = new Set(["postgrest", "auth", "postgres"]);

export async function startControlServer(
  stack: Stack,
  port: number,
  mails: Map<string, string>,
): Promise<{ stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const [, verb, service] = (req.url ?? "").split("/");
    if (req.method === "GET" && verb === "mail" && service) {
      const link = mails.get(decodeURIComponent(service).toLowerCase());
      if (!link) return void res.writeHead(404).end();
      return void res.writeHead(200, { "Content-Type": "text/plain" }).end(link);
    }
    if (
      req.method !== "POST" ||
      !service ||
      !services.has(service) ||
      !["stop", "start", "restart"].includes(verb ?? "")
    ) {
      res.writeHead(404).end();
      return;
    }
    const name = service as "postgrest" | "auth" | "postgres";
    const work =
      verb === "stop" ? stack.stopService(name) : verb === "start" ? stack.startService(name) : stack.restart(name);
    work.then(
      () => res.writeHead(204).end(),
      (error: unknown) => res.writeHead(500, { "Content-Type": "text/plain" }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
