// Starts the local Supabase in order: Postgres, platform bootstrap, migrations (+ seed on a
// fresh database), PostgREST, auth, functions, gateway. Returns a handle that stops them all
// (and can restart one, for fault tests).
import { rmSync } from "node:fs";
import path from "node:path";
import { ANON_KEY, SERVICE_ROLE_KEY, JWT_SECRET, type StackConfig } from "./config.ts";
import { bootstrapDatabase, bootstrapRoles } from "./bootstrap.ts";
import { applyMigrations, applySeed } from "./migrate.ts";
import { startPostgres, type PostgresHandle } from "./postgres.ts";
import { startPostgrest } from "./postgrest.ts";
import { startAuth, type AuthHandle } from "./auth/index.ts";
import { numberSetting, secondsSetting } from "./toml.ts";
import { checkpointSecret, schedulePeriodicCheckpoints } from "./checkpoints.ts";
import { startFunctions } from "./functions.ts";
import { startGateway } from "./gateway.ts";
import type { Service } from "./process.ts";

export interface Stack {
  config: StackConfig;
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** Superuser connection string (tests and tooling only). */
  dbUrl: string;
  /** Connection string of the non-superuser `postgres` role migrations run as. */
  postgresUrl: string;
  restart(service: "postgrest" | "auth" | "postgres"): Promise<void>;
  stopService(service: "postgrest" | "auth" | "postgres"): Promise<void>;
  startService(service: "postgrest" | "auth" | "postgres"): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** Receives password-reset links (dev prints them). */
  mailer?: (message: { to: string; kind: "recovery"; link: string }) => void;
  /** Called when a child process dies on its own. */
  onCrash?: (reason: string) => void;
  withFunctions?: boolean;
  postgrestPool?: number;
  /** Ask the audit-integrity function for a signed checkpoint every so many minutes (dev). */
  checkpointEveryMinutes?: number;
}

export async function startStack(config: StackConfig, options: StartOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const logDir = path.join(config.dataDir, "logs");
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };
  const pgOptions = {
    dataDir: config.dataDir,
    port: config.ports.db,
    password: config.dbPassword,
    fast: config.profile !== "dev",
    log,
  };
  const postgresUrl = `postgresql://postgres:${encodeURIComponent(config.dbPassword)}@127.0.0.1:${config.ports.db}/postgres`;
  let db: PostgresHandle | undefined;
  let rest: Service | undefined;
  let auth: AuthHandle | undefined;
  const startRest = async () => {
    rest = await startPostgrest({
      port: config.ports.postgrest,
      dbPort: config.ports.db,
      password: config.dbPassword,
      logDir,
      poolSize: options.postgrestPool,
      onExit: options.onCrash,
    });
  };
  const startAuthService = async () => {
    auth = await startAuth({
      port: config.ports.auth,
      dbPort: config.ports.db,
      password: config.dbPassword,
      settings: {
        jwtSecret: JWT_SECRET,
        apiUrl: config.apiUrl,
        siteUrl: config.siteUrl,
        additionalRedirectUrls: [config.siteUrl.replace("127.0.0.1", "localhost")],
        // The rest as config.toml sets it for a hosted project.
        jwtExpSeconds: numberSetting("auth", "jwt_expiry"),
        refreshTokenReuseIntervalSeconds: numberSetting("auth", "refresh_token_reuse_interval"),
        minPasswordLength: numberSetting("auth", "minimum_password_length"),
        otpExpSeconds: numberSetting("auth.email", "otp_expiry"),
        emailMaxFrequencySeconds: secondsSetting("auth.email", "max_frequency"),
        signInsPerAddress: numberSetting("auth.rate_limit", "sign_in_sign_ups"),
        tokenVerifications: numberSetting("auth.rate_limit", "token_verifications"),
        mailer: options.mailer,
      },
    });
  };
  try {
    log("starting postgres");
    db = await startPostgres(pgOptions);
    stops.push(() => db!.stop());
    await bootstrapRoles(db.superuserUrl(), config.dbPassword);
    const freshDatabase = await bootstrapDatabase(db.superuserUrl(), config.dbPassword);
    log("applying migrations");
    await applyMigrations(postgresUrl, log);
    if (freshDatabase) {
      log("applying seed.sql");
      await applySeed(postgresUrl);
    }
    log("starting postgrest");
    await startRest();
    stops.push(() => rest!.stop());
    log("starting auth");
    await startAuthService();
    stops.push(() => auth!.stop());
    if (options.withFunctions !== false) {
      log("starting functions (deno)");
      const functions = await startFunctions({
        port: config.ports.functions,
        apiUrl: config.apiUrl,
        dataDir: config.dataDir,
        checkpointSecret: checkpointSecret(config.dataDir, config.persistent),
        onExit: options.onCrash,
      });
      stops.push(() => functions.stop());
    }
    log("starting gateway");
    const gateway = await startGateway(config.ports.gateway, {
      rest: config.ports.postgrest,
      auth: config.ports.auth,
      functions: config.ports.functions,
    });
    stops.push(() => gateway.stop());
    if (options.checkpointEveryMinutes && options.withFunctions !== false) {
      const stopCheckpoints = schedulePeriodicCheckpoints(
        config.apiUrl,
        SERVICE_ROLE_KEY,
        options.checkpointEveryMinutes,
        log,
      );
      stops.push(async () => stopCheckpoints());
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const stopService = async (service: "postgrest" | "auth" | "postgres") => {
    if (service === "postgrest") await rest?.stop();
    if (service === "auth") await auth?.stop();
    if (service === "postgres") await db?.stop();
  };
  const startOne = async (service: "postgrest" | "auth" | "postgres") => {
    if (service === "postgrest") await startRest();
    if (service === "auth") await startAuthService();
    if (service === "postgres") db = await startPostgres(pgOptions);
  };
  return {
    config,
    apiUrl: config.apiUrl,
    anonKey: ANON_KEY,
    serviceRoleKey: SERVICE_ROLE_KEY,
    jwtSecret: JWT_SECRET,
    dbUrl: db.superuserUrl(),
    postgresUrl,
    stopService,
    startService: startOne,
    async restart(service) {
      await stopService(service);
      await startOne(service);
    },
    async stop() {
      await stopAll();
      if (!config.persistent) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
