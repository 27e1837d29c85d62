// What the database holds whatever the matrix says, tried through PostgREST with real
// tokens: auditors never write, nobody locks the matrix editor out, nobody grants
// themself a role or a permission, built-in roles stay; and a matrix edit applies on the
// very next request of an already signed-in person.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, signInDemo } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";
import { tableFixtures } from "./fixtures/tables.ts";

afterAll(closePools);

const admin = () => serviceClient();

async function tempRole(): Promise<string> {
  const code = `tmp_${randomUUID().slice(0, 8)}`;
  const { error } = await admin().from("app_roles").insert({ code, label_en: code, label_es: code, label_zh: code });
  if (error) throw error;
  return code;
}

describe("a matrix edit applies on the next request", () => {
  it("an already signed-in person gains and loses a right with no re-login", async () => {
    const role = await tempRole();
    const person = await createTestUser([role]);
    const before = await person.client.from("app_roles").select("code");
    expect(before.data).toEqual([]);
    const { data: cell } = await admin()
      .from("role_permissions")
      .insert({ role_code: role, resource: "app_roles", action: "read", scope: "all" })
      .select("id")
      .single();
    const after = await person.client.from("app_roles").select("code");
    expect((after.data ?? []).length).toBeGreaterThanOrEqual(4);
    await admin().from("role_permissions").delete().eq("id", cell!.id);
    const again = await person.client.from("app_roles").select("code");
    expect(again.data).toEqual([]);
  });

  it("saving the matrix through the RPC is one transaction: a bad cell leaves every cell as it was", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const role = await tempRole();
    const { error } = await hr.client.rpc("save_permission_matrix", {
      p_changes: [
        { role_code: role, resource: "app_roles", action: "read", scope: "all", expected_scope: null },
        { role_code: role, resource: "app_roles", action: "read_all_the_things", scope: "all", expected_scope: null },
      ],
      p_reason: "Test",
    });
    expect(error).not.toBeNull();
    const cells = await sql("select * from public.role_permissions where role_code = $1", [role]);
    expect(cells).toEqual([]);
  });

  it("a stale expected scope is refused with a conflict instead of overwriting", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const role = await tempRole();
    await admin()
      .from("role_permissions")
      .insert({ role_code: role, resource: "user_roles", action: "read", scope: "own" });
    const { error } = await hr.client.rpc("save_permission_matrix", {
      p_changes: [{ role_code: role, resource: "user_roles", action: "read", scope: "all", expected_scope: null }],
      p_reason: "Test",
    });
    expect(error?.code).toBe("PT409");
    expect((await sql("select scope from public.role_permissions where role_code = $1", [role]))[0]?.scope).toBe("own");
  });
});

describe("auditors never write", () => {
  it("a person holding auditor and HR roles is refused every insert, update and delete on every table", async () => {
    const person = await createTestUser(["auditor", "hr_admin"]);
    for (const fixture of tableFixtures) {
      const table = person.client.from(fixture.table as "app_roles");
      const key = await fixture.arrange();
      const inserted = await table.insert((await fixture.createPayload(person)) as never).select("*");
      expect(inserted.error !== null || (inserted.data ?? []).length === 0, `insert ${fixture.table}`).toBe(true);
      const updated = await table
        .update(fixture.patch as never)
        .eq(fixture.key as "code", key)
        .select("*");
      expect(updated.error !== null || (updated.data ?? []).length === 0, `update ${fixture.table}`).toBe(true);
      const deleted = await table
        .delete()
        .eq(fixture.key as "code", key)
        .select("*");
      expect(deleted.error !== null || (deleted.data ?? []).length === 0, `delete ${fixture.table}`).toBe(true);
      await fixture.cleanup?.(key);
    }
  });

  it("the matrix refuses to give the auditor role a write permission", async () => {
    const hr = await signInDemo("hr_admin");
    const { error } = await hr
      .from("role_permissions")
      .insert({ role_code: "auditor", resource: "app_roles", action: "update", scope: "all" });
    expect(error?.details).toBe("auditor_never_writes");
  });

  it("the demo auditor's crafted writes fail", async () => {
    const auditor = await signInDemo("auditor");
    expect(
      (await auditor.from("app_roles").update({ label_en: "Hacked" }).eq("code", "manager").select()).data,
    ).toEqual([]);
    expect((await auditor.rpc("save_permission_matrix", { p_changes: [], p_reason: "Test" })).error?.code).toBe(
      "42501",
    );
    expect((await sql("select label_en from public.app_roles where code = 'manager'"))[0]?.label_en).toBe("Manager");
  });
});

describe("no lockout of the matrix editor", () => {
  it("removing the only cell that lets anyone edit the matrix is refused", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const { error } = await hr.client
      .from("role_permissions")
      .delete()
      .match({ role_code: "hr_admin", resource: "permissions", action: "update" })
      .select();
    expect(error?.details).toBe("matrix_lockout");
    expect(
      await sql(
        "select 1 from public.role_permissions where role_code = 'hr_admin' and resource = 'permissions' and action = 'update'",
      ),
    ).toHaveLength(1);
  });

  it("deleting the hr_admin role is refused (built-in)", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const { error } = await hr.client.from("app_roles").delete().eq("code", "hr_admin").select();
    expect(error?.details).toBe("builtin_role");
  });

  it("the lockout check runs even for the service role: taking every editor's role away at once is refused", async () => {
    const editors = await sql<{ id: string }>("select id::text from public.user_roles where role_code = 'hr_admin'");
    const { error } = await admin().from("user_roles").delete().eq("role_code", "hr_admin").select();
    expect(error?.details).toBe("matrix_lockout");
    expect(await sql("select id::text from public.user_roles where role_code = 'hr_admin'")).toHaveLength(
      editors.length,
    );
  });
});

describe("nobody grants themself a role or a permission", () => {
  it("HR cannot give themself another role", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const { error } = await hr.client.from("user_roles").insert({ user_id: hr.id, role_code: "manager" });
    expect(error?.details).toBe("no_self_grant");
  });

  it("HR cannot widen the permissions of a role they hold", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const role = await tempRole();
    await admin().from("user_roles").insert({ user_id: hr.id, role_code: role });
    const { error } = await hr.client
      .from("role_permissions")
      .insert({ role_code: role, resource: "profiles", action: "read", scope: "all" });
    expect(error?.details).toBe("no_self_grant");
  });

  it("HR can still narrow or edit a role they do not hold", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const role = await tempRole();
    const { error } = await hr.client
      .from("role_permissions")
      .insert({ role_code: role, resource: "profiles", action: "read", scope: "all" });
    expect(error).toBeNull();
  });
});

describe("built-in roles", () => {
  it("cannot be deleted, whoever asks", async () => {
    for (const code of ["hr_admin", "manager", "auditor", "salesperson"]) {
      const { error } = await admin().from("app_roles").delete().eq("code", code).select();
      expect(error?.details, code).toBe("builtin_role");
    }
  });

  it("custom roles can be created, renamed in every language, and deleted by HR", async () => {
    const hr = await createTestUser(["hr_admin"]);
    const code = `tmp_${randomUUID().slice(0, 8)}`;
    expect(
      (
        await hr.client
          .from("app_roles")
          .insert({ code, label_en: "Trainer", label_es: "Formador", label_zh: "培训师" })
          .select()
          .single()
      ).error,
    ).toBeNull();
    const renamed = await hr.client
      .from("app_roles")
      .update({ label_es: "Formadora", version: 1 })
      .eq("code", code)
      .select()
      .single();
    expect(renamed.data?.label_es).toBe("Formadora");
    const stale = await hr.client.from("app_roles").update({ label_es: "Otra", version: 1 }).eq("code", code).select();
    expect(stale.error?.code).toBe("PT409");
    expect((await hr.client.from("app_roles").delete().eq("code", code).select()).data).toHaveLength(1);
  });
});
