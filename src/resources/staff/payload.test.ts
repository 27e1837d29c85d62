import { describe, expect, it } from "vitest";
import { staffExportRow } from "./export";
import { toStaffPayload, toStaffUpdate } from "./payload";
import type { StaffFormValues, StaffExportRow, StaffRow } from "./queries";

const values = {
  full_name: "  Ana Ruiz ",
  email: " ana@example.com ",
  phone: " +34 600 ",
  position_id: "p1",
  manager_id: "",
  territory_id: "",
  user_id: "",
  hire_date: "2026-01-01",
  status: "active",
  notes: "",
  custom_fields: { shirt: "M", languages: [], empty: "" },
  version: 3,
  territories: { code: "N" },
} as unknown as StaffFormValues;

describe("what a staff save sends", () => {
  it("a new person: trimmed text, nulls for empty links, empty custom values dropped", () => {
    expect(toStaffPayload(values)).toMatchObject({
      full_name: "Ana Ruiz",
      email: "ana@example.com",
      phone: "+34 600",
      manager_id: null,
      territory_id: null,
      user_id: null,
      custom_fields: { shirt: "M" },
    });
  });

  it("an edit: only editable columns, custom fields merged over the stored ones, the version kept", () => {
    const stored = { custom_fields: { vehicle: "van", shirt: "S" } } as unknown as StaffRow;
    const sent = toStaffUpdate(values, stored) as Record<string, unknown>;
    expect(sent).not.toHaveProperty("territories");
    expect(sent.custom_fields).toEqual({ vehicle: "van", shirt: "M" });
    expect(sent.version).toBe(3);
  });
});

describe("the staff CSV export", () => {
  it("has the import's columns, custom fields as cf_<key> with several values joined, and neutralised cells", () => {
    const row = {
      full_name: "=HYPERLINK(1)",
      email: "a@b.c",
      phone: "",
      hire_date: "2026-01-01",
      status: "active",
      custom_fields: { languages: ["es", "en"] },
      positions: { code: "SALES" },
      territories: { code: "N" },
      manager: { email: "boss@b.c" },
    } as unknown as StaffExportRow;
    const out = staffExportRow(row, [{ key: "languages" }, { key: "vehicle" }]);
    expect(out).toMatchObject({
      position: "SALES",
      territory: "N",
      manager_email: "boss@b.c",
      cf_languages: "es;en",
    });
    expect(String(out.full_name).startsWith("=")).toBe(false);
    expect(Object.keys(out)).toContain("cf_vehicle");
  });
});
