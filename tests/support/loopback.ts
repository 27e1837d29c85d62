// Requests to the gateway from another loopback address (127.0.0.2, 127.0.0.3, ...), as if
// from another client: the auth service counts failures per client address.
import http from "node:http";
import { env } from "./env.ts";

export interface LoopbackResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export function fromAddress(
  localAddress: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LoopbackResponse> {
  const url = new URL(`${env.apiUrl}${path}`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress,
        headers: {
          apikey: env.anonKey,
          "Content-Type": "application/json",
          "X-Supabase-Api-Version": "2024-01-01",
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A password sign-in from `localAddress`. */
export const signInFrom = (localAddress: string, email: string, password: string) =>
  fromAddress(localAddress, "POST", "/auth/v1/token?grant_type=password", { email, password });
