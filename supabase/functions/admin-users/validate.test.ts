import { describe, expect, it } from "vitest";
import { randomPassword, validate } from "./validate.ts";

describe("admin-users input", () => {
  it("accepts a login to create and normalises the email", () => {
    expect(
      validate({ action: "create", email: " Ana@Example.com ", full_name: " Ana ", roles: ["manager", "manager"] }),
    ).toEqual({
      ok: true,
      value: { action: "create", email: "ana@example.com", full_name: "Ana", roles: ["manager"] },
    });
  });
  it("names the field that is wrong", () => {
    expect(validate({ action: "create", email: "nope", full_name: "A", roles: [] })).toMatchObject({
      ok: false,
      field: "email",
    });
    expect(validate({ action: "create", email: "a@b.co", full_name: "", roles: [] })).toMatchObject({
      ok: false,
      field: "full_name",
    });
    expect(validate({ action: "create", email: "a@b.co", full_name: "A", password: "short", roles: [] })).toMatchObject(
      { ok: false, field: "password" },
    );
    expect(validate({ action: "create", email: "a@b.co", full_name: "A", roles: ["Bad Role"] })).toMatchObject({
      ok: false,
      field: "roles",
    });
    expect(validate({ action: "deactivate", user_id: "123" })).toMatchObject({ ok: false, field: "user_id" });
    expect(validate({ action: "drop_tables" })).toMatchObject({ ok: false, field: "action" });
    expect(validate([1, 2])).toMatchObject({ ok: false, field: "body" });
  });
  it("makes random passwords long enough for the policy", () => {
    expect(randomPassword()).toMatch(/^[0-9a-f]{48}$/);
    expect(randomPassword()).not.toBe(randomPassword());
  });
});
