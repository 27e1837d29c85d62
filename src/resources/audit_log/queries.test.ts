import { describe, expect, it } from "vitest";
import { fieldChanges, formatValue } from "./queries";

describe("audit rows become field-by-field changes", () => {
  it("an update lists exactly the changed fields, old -> new", () => {
    expect(
      fieldChanges({ operation: "UPDATE", changed_fields: ["full_name"], old_row: { full_name: "Ana", version: 1 }, new_row: { full_name: "Ana María", version: 2 } }),
    ).toEqual([{ field: "full_name", before: "Ana", after: "Ana María" }]);
  });
  it("an insert lists the values set, without bookkeeping columns", () => {
    expect(fieldChanges({ operation: "INSERT", changed_fields: [], old_row: null, new_row: { code: "x", version: 1, updated_at: "t", note: null } })).toEqual([
      { field: "code", before: null, after: "x" },
    ]);
  });
  it("a delete lists what was removed", () => {
    expect(fieldChanges({ operation: "DELETE", changed_fields: [], old_row: { role_code: "manager" }, new_row: null })).toEqual([
      { field: "role_code", before: "manager", after: null },
    ]);
  });
  it("formats empty values as a dash and structures as JSON", () => {
    expect(formatValue(null)).toBe("—");
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(3)).toBe("3");
  });
});
