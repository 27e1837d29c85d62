// Starts the auth service on its port, connected to Postgres as `supabase_auth_admin`.
import type { Server } from "node:http";
import pg from "pg";
import { StackError, assertPortFree } from "../process.ts";
import { createAuthServer, type AuthSettings } from "./server.ts";

export interface AuthHandle {
  port: number;
  stop(): Promise<void>;
}

export async function startAuth(options: {
  port: number;
  dbPort: number;
  password: string;
  settings: AuthSettings;
}): Promise<AuthHandle> {
  await assertPortFree(options.port, "auth");
  const pool = new pg.Pool({
    connectionString: `postgresql://supabase_auth_admin:${encodeURIComponent(options.password)}@127.0.0.1:${options.dbPort}/postgres`,
    max: 10,
    idleTimeoutMillis: 10_000,
  });
  pool.on("error", () => undefined); // a dropped idle connection is replaced on next use
  const server: Server = createAuthServer(pool, options.settings);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) =>
      reject(new StackError(`auth: cannot listen on port ${options.port}: ${error.message}`)),
    );
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    port: options.port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
