// What the test runner (tests/run.ts) hands to every test file.
function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (it starts the test stack)`);
  return value;
}

export const env = {
  get apiUrl() {
    return need("TEST_API_URL");
  },
  get anonKey() {
    return need("TEST_ANON_KEY");
  },
  get serviceRoleKey() {
    return need("TEST_SERVICE_ROLE_KEY");
  },
  get jwtSecret() {
    return need("TEST_JWT_SECRET");
  },
  get dbUrl() {
    return need("TEST_DB_URL");
  },
  get postgresUrl() {
    return need("TEST_POSTGRES_URL");
  },
  /** The auth service's site URL (where recovery links land by default). */
  get siteUrl() {
    return need("TEST_SITE_URL");
  },
  get appUrl() {
    return need("TEST_APP_URL");
  },
  get controlUrl() {
    return `http://127.0.0.1:${need("TEST_CONTROL_PORT")}`;
  },
};

/** Stops, starts or restarts a service of the test stack (fault tests). */
export async function controlStack(
  verb: "stop" | "start" | "restart",
  service: "postgrest" | "auth" | "postgres",
): Promise<void> {
  const response = await fetch(`${env.controlUrl}/${verb}/${service}`, { method: "POST" });
  if (!response.ok) throw new Error(`could not ${verb} ${service}: ${await response.text()}`);
}

/** The last recovery link the auth service e-mailed to this address (the test runner keeps them). */
export async function lastMailedLink(email: string): Promise<string | undefined> {
  const response = await fetch(`${env.controlUrl}/mail/${encodeURIComponent(email)}`);
  return response.ok ? response.text() : undefined;
}
