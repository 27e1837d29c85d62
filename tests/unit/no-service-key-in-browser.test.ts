// The browser never holds a service key: nothing under src/ names it or the service role.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE_ROLE_KEY } from "../../supabase/local/config.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe("browser code", () => {
  it("contains no service-role key and no reference to one", () => {
    const src = path.resolve(import.meta.dirname, "../../src");
    for (const file of files(src)) {
      const text = readFileSync(file, "utf8");
      expect(text.includes(SERVICE_ROLE_KEY), file).toBe(false);
      // No code reads a service key from the environment or configuration.
      if (/\.tsx?$/.test(file)) expect(/SERVICE_ROLE|service_role_key|serviceRoleKey/.test(text), file).toBe(false);
    }
  });
});
