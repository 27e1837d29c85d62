import { describe, expect, it } from "vitest";
import { effectiveRows, type EffectiveRow } from "./queries";

describe("effective permissions as rows", () => {
  it("lists every resource x action of the matrix in the matrix's order, with what the person holds", () => {
    const held = [{ resource: "staff", action: "read", scope: "territory", granted_by: ["manager"] }] as EffectiveRow[];
    const rows = effectiveRows(
      [
        { resource: "staff", action: "update" },
        { resource: "app_roles", action: "read" },
        { resource: "staff", action: "read" },
      ],
      held,
      { resources: [{ code: "staff" }, { code: "app_roles" }], actions: [{ code: "read" }, { code: "update" }] },
    );
    expect(rows.map((r) => `${r.resource}:${r.action}`)).toEqual(["staff:read", "staff:update", "app_roles:read"]);
    expect(rows[0]!.effective?.scope).toBe("territory");
    expect(rows[1]!.effective).toBeUndefined();
  });
});
