// The three invariants (a deactivated login does nothing, an auditor never writes, a preview
// never writes) are written once, in private.refusing_invariant. Each is stated here once and
// checked in every place that decides: the policies' scopes (private.user_scopes), the
// effective permissions a person is shown, the explainer's decision, and a real request.
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, signInDemo, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

async function refusal(user: string, action: string, inPreview: boolean): Promise<string | null> {
  const [row] = await sql<{ r: string | null }>("select private.refusing_invariant($1, $2, $3) as r", [
    user,
    action,
    inPreview,
  ]);
  return row!.r;
}

async function scopes(user: string, resource: string, action: string, inPreview: boolean): Promise<string> {
  const [row] = await sql<{ s: string }>("select private.user_scopes($1, $2, $3, $4)::text as s", [
    user,
    resource,
    action,
    inPreview,
  ]);
  return row!.s;
}

async function shown(person: TestUser): Promise<string[]> {
  const hr = await signInDemo("hr_admin");
  const { data, error } = await hr.rpc("effective_permissions", { p_user: person.id });
  if (error) throw error;
  return (data ?? []).map((p) => `${p.resource}:${p.action}`);
}

async function explained(person: TestUser, resource: string, action: string): Promise<string> {
  const hr = await signInDemo("hr_admin");
  const { data, error } = await hr.rpc("explain_access", { p_user: person.id, p_resource: resource, p_action: action });
  if (error) throw error;
  return (data as { decision: string }).decision;
}

describe("each access invariant is decided in one place and applied everywhere", () => {
  it("a deactivated login does nothing: no scopes, nothing shown, the explainer says inactive, reads return no rows", async () => {
    const person = await createTestUser(["hr_admin"]);
    expect(await refusal(person.id, "read", false)).toBeNull();
    expect(await scopes(person.id, "staff", "read", false)).toBe("{all}");
    await sql("update public.profiles set is_active = false where id = $1", [person.id]);

    expect(await refusal(person.id, "read", false)).toBe("inactive");
    expect(await scopes(person.id, "staff", "read", false)).toBe("{}");
    expect(await shown(person)).toEqual([]);
    expect(await explained(person, "staff", "read")).toBe("inactive");
    const { data } = await person.client.from("app_roles").select("code");
    expect(data ?? []).toEqual([]);
  });

  it("an auditor never writes: reads kept, every write refused in scopes, in what is shown, by the explainer and by the table", async () => {
    const person = await createTestUser(["auditor", "hr_admin"]);
    expect(await refusal(person.id, "read", false)).toBeNull();
    expect(await refusal(person.id, "update", false)).toBe("auditor_never_writes");
    expect(await scopes(person.id, "staff", "update", false)).toBe("{}");
    expect(await scopes(person.id, "staff", "read", false)).toBe("{all}");
    const permissions = await shown(person);
    expect(permissions).toContain("staff:read");
    const [writes] = await sql<{ n: number }>(
      "select count(*)::int as n from public.permission_actions where is_write and code = any ($1)",
      [permissions.map((p) => p.split(":")[1])],
    );
    expect(writes!.n).toBe(0);
    expect(await explained(person, "staff", "update")).toBe("auditor_never_writes");
    const { data } = await person.client
      .from("app_roles")
      .update({ label_en: "Changed" })
      .eq("code", "auditor")
      .select();
    expect(data ?? []).toEqual([]);
  });

  it("a preview never writes: the same person's write scopes are empty inside a preview and whole outside it", async () => {
    const person = await createTestUser(["hr_admin"]);
    expect(await refusal(person.id, "update", true)).toBe("preview_read_only");
    expect(await refusal(person.id, "read", true)).toBeNull();
    expect(await scopes(person.id, "staff", "update", true)).toBe("{}");
    expect(await scopes(person.id, "staff", "update", false)).toBe("{all}");
    expect(await scopes(person.id, "staff", "read", true)).toBe("{all}");
  });
});
