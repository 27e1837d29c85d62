// i18next with three locales, each loaded on demand (the login page carries no language's
// strings in its bundle, only the one it shows, fetched before the first render). English is
// the fallback. The chosen language is remembered.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { I18nProvider } from "@refinedev/core";

export const locales = ["en", "es", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
const storageKey = "panel.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  const browser = typeof navigator === "undefined" ? "en" : navigator.language;
  if (browser.toLowerCase().startsWith("zh")) return "zh-CN";
  if (browser.toLowerCase().startsWith("es")) return "es";
  return "en";
}

const loaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("../locales/en.json"),
  es: () => import("../locales/es.json"),
  "zh-CN": () => import("../locales/zh-CN.json"),
};

/** Makes a locale's strings available (fetching its file the first time). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, "translation")) return;
  const strings = await loaders[locale]();
  i18n.addResourceBundle(locale, "translation", strings.default, true, true);
}

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyDocumentLanguage(locale: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

async function switchTo(locale: Locale): Promise<void> {
  await loadLocale(locale);
  applyDocumentLanguage(locale);
  await i18n.changeLanguage(locale);
}

/** Resolves once the remembered (or browser) language is loaded: render after it. */
export const i18nReady: Promise<void> = switchTo(initialLocale()).catch(() => switchTo("en"));

export async function changeLocale(locale: Locale): Promise<void> {
  localStorage.setItem(storageKey, locale);
  await switchTo(locale);
}

export const i18nProvider: I18nProvider = {
  translate: (key: string, options?: Record<string, unknown>, defaultMessage?: string) => {
    const value = i18n.t(key, { ...(options ?? {}), defaultValue: defaultMessage ?? key });
    return typeof value === "string" ? value : key;
  },
  changeLocale: (lang: string) => (isLocale(lang) ? changeLocale(lang) : Promise.resolve()),
  getLocale: () => i18n.language,
};

/** The label column of a row with label_en / label_es / label_zh for the current language. */
export function localizedLabel(
  row: { label_en: string; label_es: string; label_zh: string },
  locale = i18n.language,
): string {
  if (locale === "es") return row.label_es || row.label_en;
  if (locale === "zh-CN") return row.label_zh || row.label_en;
  return row.label_en;
}

/** A row's name in the reader's language (`name_en`, `name_es`, `name_zh`; English when missing). */
export function localizedName(
  row: { name_en: string; name_es: string; name_zh: string },
  locale = i18n.language,
): string {
  return localizedLabel({ label_en: row.name_en, label_es: row.name_es, label_zh: row.name_zh }, locale);
}

export { i18n };
