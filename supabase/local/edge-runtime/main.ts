// Local stand-in for Supabase's edge runtime "main" worker, run by the real Deno.
// It loads every supabase/functions/<name>/index.ts (each calls Deno.serve as on hosted),
// keeps their handlers and serves them at /<name>, verifying the caller's JWT first the
// way the hosted runtime does (verify_jwt = true unless config.toml turns it off).
type Handler = (request: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;

const functionsDir = Deno.env.get("FUNCTIONS_DIR")!;
const port = Number(Deno.env.get("FUNCTIONS_PORT"));
const jwtSecret = Deno.env.get("SUPABASE_JWT_SECRET")!;
const noVerify = new Set((Deno.env.get("FUNCTIONS_NO_VERIFY_JWT") ?? "").split(",").filter(Boolean));

const handlers = new Map<string, Handler>();
let loading: string | null = null;
const realServe = Deno.serve.bind(Deno);

// Capture the handler a function passes to Deno.serve instead of opening a port per function.
function captureServe(...args: unknown[]): unknown {
  const handler =
    (args.find((a) => typeof a === "function") as Handler | undefined) ??
    (args[0] as { handler?: Handler } | undefined)?.handler;
  if (!loading || !handler) throw new Error("Deno.serve called outside a function module");
  handlers.set(loading, handler);
  return {
    finished: Promise.resolve(),
    shutdown: () => Promise.resolve(),
    ref() {},
    unref() {},
    addr: { hostname: "127.0.0.1", port, transport: "tcp" },
  };
}
(Deno as unknown as { serve: unknown }).serve = captureServe;

for await (const entry of Deno.readDir(functionsDir)) {
  if (!entry.isDirectory || entry.name.startsWith("_") || entry.name.startsWith(".") || entry.name === "node_modules")
    continue;
  const file = `${functionsDir}/${entry.name}/index.ts`;
  try {
    await Deno.stat(file);
  } catch {
    continue;
  }
  loading = entry.name;
  await import(`file://${file}`);
  loading = null;
}

const encoder = new TextEncoder();
const key = await crypto.subtle.importKey("raw", encoder.encode(jwtSecret), { name: "HMAC", hash: "SHA-256" }, false, [
  "verify",
]);

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replaceAll("-", "+")
    .replaceAll("_", "/")
    .padEnd(Math.ceil(value.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function validJwt(token: string): Promise<boolean> {
  const [header, body, signature] = token.split(".");
  if (!header || !body || !signature) return false;
  try {
    const ok = await crypto.subtle.verify("HMAC", key, fromBase64Url(signature), encoder.encode(`${header}.${body}`));
    if (!ok) return false;
    const payload = JSON.parse(new TextDecoder().decode(fromBase64Url(body)));
    return typeof payload.exp !== "number" || payload.exp > Date.now() / 1000;
  } catch {
    return false;
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

realServe(
  {
    port,
    hostname: "127.0.0.1",
    onListen: () => console.log(`functions listening on ${port}: ${[...handlers.keys()].join(", ")}`),
  },
  async (request, info) => {
    const url = new URL(request.url);
    const name = url.pathname.split("/").filter(Boolean)[0] ?? "";
    const handler = handlers.get(name);
    if (!handler) return json(404, { code: "NOT_FOUND", message: "Requested function was not found" });
    if (request.method !== "OPTIONS" && !noVerify.has(name)) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
      if (!match || !(await validJwt(match[1]!))) return json(401, { code: 401, message: "Invalid JWT" });
    }
    try {
      return await handler(request, info);
    } catch (error) {
      console.error(`[${name}]`, error);
      return json(500, { code: "WORKER_ERROR", message: "Function exited due to an error (please check logs)" });
    }
  },
);
