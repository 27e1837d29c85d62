// An import gets its own minute; every other request keeps the role's statement_timeout.
// PostgREST 12.2+ hoists a function's statement_timeout into the request; the request check
// does the same on the local 12.0.2 (the 10,000-row imports in org-rules and field-import
// run through it).
import { afterAll, describe, expect, it } from "vitest";
import { asRole, closePools } from "../support/sql.ts";

afterAll(closePools);

async function timeoutAfterCheck(path: string): Promise<string> {
  return asRole({ role: "authenticated", sub: "00000000-0000-4000-a000-000000000001" }, async (client) => {
    await client.query("select set_config('statement_timeout', '8s', true)");
    await client.query("select set_config('request.path', $1, true)", [path]);
    await client.query("select private.check_request()");
    const { rows } = await client.query<{ statement_timeout: string }>("show statement_timeout");
    return rows[0]!.statement_timeout;
  });
}

describe("request timeouts", () => {
  it.each(["import_staff", "import_territories", "import_customers", "import_sales", "import_payments"])(
    "a call of %s runs with the function's own 60 s",
    async (fn) => {
      expect(await timeoutAfterCheck(`/rpc/${fn}`)).toBe("1min");
    },
  );

  it.each(["/rpc/overdue_customers", "/rpc/no_such_function", "/staff", "/rpc/", ""])(
    "a request to %j keeps the role's 8 s",
    async (path) => {
      expect(await timeoutAfterCheck(path)).toBe("8s");
    },
  );
});
