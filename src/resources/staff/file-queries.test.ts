import { describe, expect, it } from "vitest";
import { toPersonFile } from "./file-queries";

const empty = {
  person: { id: "s1", full_name: "Ana", is_me: true, hire_date: "2020-01-01", status: "active" },
  positions: [],
  territories: [],
  targets: [],
  evaluations: [],
  violations: [],
  rewards: [],
  attendance: {},
  training: [],
  suggestions: [],
  plans: [],
  summaries: [],
};

describe("the person's file", () => {
  it("is null for a person the reader may not read", () => {
    expect(toPersonFile(null)).toBeNull();
  });

  it("keeps every section the function returns", () => {
    expect(toPersonFile(empty)?.person.full_name).toBe("Ana");
  });

  it("refuses an answer that is not a file", () => {
    expect(() => toPersonFile([])).toThrow();
    expect(() => toPersonFile({ ...empty, training: null })).toThrow(/training/);
    expect(() => toPersonFile({ positions: [] })).toThrow();
  });
});
