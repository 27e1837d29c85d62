// What a person reads on screen, in any of the three languages: a locale key as a pattern that
// matches its English, Spanish or Chinese text exactly (page objects find things by it).
import en from "../../../src/locales/en.json";
import es from "../../../src/locales/es.json";
import zh from "../../../src/locales/zh-CN.json";

function lookup(locale: unknown, key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locale);
  if (typeof value !== "string") throw new Error(`no text for ${key}`);
  return value;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The text of `key` in any language, as the end of a name: a button's name starts with its
 * icon's label ("save Save"), a changed value ends with " *". `values` fill its {{placeholders}}.
 */
export function text(key: string, values: Record<string, string | number> = {}): RegExp {
  const fill = (template: string) =>
    template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  const variants = [en, es, zh].map((locale) => escape(fill(lookup(locale, key))));
  return new RegExp(`(^|\\s)(${[...new Set(variants)].join("|")})( \\*)?$`);
}
