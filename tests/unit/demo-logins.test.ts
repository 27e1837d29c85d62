// The demo logins are written once (supabase/local/demo-logins.ts); the README's table and the
// seed must say the same.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../supabase/local/config.ts";
import { demoLogins } from "../../supabase/local/demo-logins.ts";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const seed = readFileSync(path.join(repoRoot, "supabase", "seed.sql"), "utf8");

describe("the demo logins", () => {
  it("are listed in the README with their e-mail and password, and no other", () => {
    const rows = [...readme.matchAll(/^\| [^|]+ \| `([^`]+@example\.com)` \| `([^`]+)` \|$/gm)].map((m) => ({
      email: m[1],
      password: m[2],
    }));
    expect(rows).toEqual(demoLogins.map((l) => ({ email: l.email, password: l.password })));
  });

  it("are the ones the seed creates", () => {
    for (const login of demoLogins) expect(seed).toContain(`'${login.email}', '${login.password}'`);
  });
});
