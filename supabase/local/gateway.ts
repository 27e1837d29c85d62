// The API gateway on the port `supabase start` uses: routes /rest/v1, /auth/v1 and
// /functions/v1 as Supabase's gateway does, requires a project `apikey`, copies it into
// `Authorization` when no user token is sent, and answers CORS for the dev server.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { ANON_KEY, SERVICE_ROLE_KEY } from "./config.ts";
import { StackError, assertPortFree } from "./process.ts";

export interface Upstreams {
  rest: number;
  auth: number;
  functions: number;
}

const exposeHeaders = [
  "Content-Range",
  "Range-Unit",
  "Content-Location",
  "Location",
  "Preference-Applied",
  "X-Supabase-Api-Version",
  "X-Total-Count",
  "Link",
  "sb-request-id",
].join(", ");

const defaultAllowHeaders =
  "authorization, x-client-info, apikey, content-type, x-supabase-api-version, prefer, range, range-unit, accept-profile, content-profile, x-upsert, accept";

/** Paths reached from links in e-mails: no apikey, as on hosted (Kong's "open" auth routes). */
const openAuthPaths = new Set(["/verify", "/callback", "/authorize"]);

function cors(req: IncomingMessage): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": req.headers.origin ?? "*",
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": exposeHeaders,
    Vary: "Origin",
  };
}

function reply(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json", ...cors(req) });
  res.end(JSON.stringify(body));
}

export function route(pathname: string): { upstream: keyof Upstreams; path: string } | undefined {
  for (const [prefix, upstream] of [
    ["/rest/v1", "rest"],
    ["/auth/v1", "auth"],
    ["/functions/v1", "functions"],
  ] as const) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return { upstream, path: pathname.slice(prefix.length) || "/" };
    }
  }
  return undefined;
}

export function createGateway(upstreams: Upstreams): http.Server {
  const validKeys = new Set([ANON_KEY, SERVICE_ROLE_KEY]);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://gateway.local");
    if (req.method === "OPTIONS") {
      res.writeHead(200, {
        ...cors(req),
        "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? defaultAllowHeaders,
        "Access-Control-Max-Age": "3600",
        "Content-Length": "0",
      });
      res.end();
      return;
    }
    const target = route(url.pathname);
    if (!target) return reply(req, res, 404, { message: "no Route matched with those values" });

    const headers: http.OutgoingHttpHeaders = { ...req.headers };
    const keyRequired =
      target.upstream !== "functions" && !(target.upstream === "auth" && openAuthPaths.has(target.path));
    const apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get("apikey") ?? undefined;
    if (keyRequired) {
      if (!apikey) return reply(req, res, 401, { message: "No API key found in request" });
      if (!validKeys.has(apikey)) return reply(req, res, 401, { message: "Invalid API key" });
    }
    if (!headers.authorization && apikey && validKeys.has(apikey)) headers.authorization = `Bearer ${apikey}`;
    headers.host = `127.0.0.1:${upstreams[target.upstream]}`;
    if (target.upstream === "auth" || target.upstream === "functions") {
      headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    }

    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: upstreams[target.upstream],
        method: req.method,
        path: `${target.path}${url.search}`,
        headers,
      },
      (upstreamRes) => {
        // The gateway owns CORS (PostgREST and the functions add their own headers).
        const responseHeaders: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(upstreamRes.headers)) {
          if (!name.startsWith("access-control-") && name !== "vary") responseHeaders[name] = value;
        }
        Object.assign(responseHeaders, cors(req));
        res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders);
        upstreamRes.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (res.headersSent) return res.destroy();
      const service =
        target.upstream === "rest" ? "database API" : target.upstream === "auth" ? "auth service" : "functions runtime";
      reply(req, res, 503, { code: "service_unavailable", message: `The ${service} is unavailable` });
    });
    req.pipe(upstream);
  });
}

export async function startGateway(port: number, upstreams: Upstreams): Promise<{ stop(): Promise<void> }> {
  await assertPortFree(port, "gateway");
  const server = createGateway(upstreams);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new StackError(`gateway: cannot listen on port ${port}: ${error.message}`)));
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
