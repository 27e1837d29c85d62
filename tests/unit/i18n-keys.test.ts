// Every locale has exactly the keys English has, and no value is left empty.
import { describe, expect, it } from "vitest";
import en from "../../src/locales/en.json";
import es from "../../src/locales/es.json";
import zhCN from "../../src/locales/zh-CN.json";

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value !== "object" || value === null) return { [prefix]: String(value) };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (acc, [key, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

const english = flatten(en);

describe("locale files", () => {
  for (const [name, locale] of [
    ["es", es],
    ["zh-CN", zhCN],
  ] as const) {
    it(`${name} has the same keys as English`, () => {
      const keys = Object.keys(flatten(locale)).sort();
      expect(keys).toEqual(Object.keys(english).sort());
    });
    it(`${name} keeps every {{placeholder}} of the English text`, () => {
      const flat = flatten(locale);
      for (const [key, text] of Object.entries(english)) {
        const placeholders = (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
        expect((flat[key]?.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort(), key).toEqual(placeholders);
      }
    });
  }
  it("no value is empty", () => {
    for (const locale of [en, es, zhCN]) {
      for (const [key, text] of Object.entries(flatten(locale))) expect(text.trim(), key).not.toBe("");
    }
  });
});
