import { describe, expect, it } from "vitest";
import { auditExportRow } from "./export";
import type { AuditRow } from "./queries";

describe("the audit log's CSV row", () => {
  it("names the record and the actor, joins lists and neutralises formula-like values", () => {
    const row = {
      id: 9,
      occurred_at: "2026-12-01T10:00:00Z",
      table_name: "staff",
      record_id: "abc",
      operation: "UPDATE",
      changed_fields: ["email", "phone"],
      actor_kind: "user",
      actor_name: "@SUM(A1)",
      actor_email: "hr@example.com",
      actor_id: "u1",
      actor_roles: ["hr_admin", "manager"],
      old_row: { full_name: "Ana" },
      new_row: { full_name: "Ana Ruiz" },
    } as unknown as AuditRow;
    const out = auditExportRow(row);
    expect(out).toMatchObject({
      record: "Ana Ruiz",
      changed_fields: "email phone",
      actor_email: "hr@example.com",
      actor_roles: "hr_admin manager",
    });
    expect(String(out.actor).startsWith("@")).toBe(false);
  });

  it("a service-role or migration change names the kind of actor", () => {
    const row = {
      actor_kind: "service_role",
      actor_name: null,
      changed_fields: [],
      actor_roles: [],
    } as unknown as AuditRow;
    expect(auditExportRow({ ...row, record_id: "1", old_row: null, new_row: null }).actor).toBe("service_role");
  });
});
