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
 * icon's label ("save Save"), a changed value ends with " *".
 */
export function text(key: string): RegExp {
  const variants = [en, es, zh].map((locale) => escape(lookup(locale, key)));
  return new RegExp(`(^|\\s)(${[...new Set(variants)].join("|")})( \\*)?$`);
}
