import { describe, expect, it } from "vitest";
import { toTerritoryPayload } from "./payload";
import type { TerritoryFormValues, TerritoryRow } from "./queries";

const values: TerritoryFormValues = {
  code: "N-1",
  name: "  North ",
  parent_id: "",
  manager_id: "",
  market_notes: "Ports",
  custom_fields: { climate: "", zone: "A" },
  version: 7,
};

describe("what a territory save sends", () => {
  it("a new territory keeps its code, trims the name, nulls empty links and drops empty custom values", () => {
    expect(toTerritoryPayload("create", values, undefined)).toEqual({
      ...values,
      name: "North",
      parent_id: null,
      manager_id: null,
      custom_fields: { zone: "A" },
    });
  });

  it("an edit never sends the code and merges custom fields over the stored ones", () => {
    const stored = { custom_fields: { climate: "dry", size: "L" } } as unknown as TerritoryRow;
    const sent = toTerritoryPayload("edit", values, stored);
    expect(sent).not.toHaveProperty("code");
    expect(sent.custom_fields).toEqual({ size: "L", zone: "A" });
    expect(sent.version).toBe(7);
  });
});
