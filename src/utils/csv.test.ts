import { describe, expect, it } from "vitest";
import { neutralizeCell, neutralizeRecord } from "./csv";

describe("CSV cells are neutralised against formula injection", () => {
  it("prefixes cells starting with = + - @ tab or CR", () => {
    for (const bad of ["=SUM(A1:A2)", "+1", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x")']) {
      expect(neutralizeCell(bad)).toBe(`'${bad}`);
    }
  });
  it("leaves ordinary text, numbers and empty values alone", () => {
    expect(neutralizeCell("Ana López")).toBe("Ana López");
    expect(neutralizeCell("a=b")).toBe("a=b");
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(null)).toBeNull();
    expect(neutralizeCell(true)).toBe(true);
  });
  it("serialises objects and neutralises every field of a record", () => {
    expect(neutralizeRecord({ a: "=1", b: { x: 1 }, c: 2 })).toEqual({ a: "'=1", b: '{"x":1}', c: 2 });
  });
});
