// Reads supabase/config.toml, the one place the project's Supabase settings are written, so
// the local stack uses the values a hosted project gets (rate limits, expiries, redirects)
// instead of restating them. Understands what that file uses: [section] and [a.b] headers,
// `key = value` with strings, numbers, booleans and one-line arrays of strings, # comments.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./config.ts";

export type TomlValue = string | number | boolean | string[];
export type TomlTable = Record<string, Record<string, TomlValue>>;

function parseValue(raw: string, where: string): TomlValue {
  const text = raw.trim();
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text === "true" || text === "false") return text === "true";
  if (text.startsWith("[")) {
    const inner = text.slice(1, -1).trim();
    if (!inner) return [];
    return inner.split(",").map((part) => {
      const value = parseValue(part, where);
      if (typeof value !== "string") throw new Error(`config.toml ${where}: arrays hold strings only`);
      return value;
    });
  }
  const number = Number(text.replace(/_/g, ""));
  if (!Number.isFinite(number)) throw new Error(`config.toml ${where}: cannot read value ${text}`);
  return number;
}

/** Sections by their header name ("auth", "auth.rate_limit"); keys before any header go under "". */
export function parseToml(text: string): TomlTable {
  const table: TomlTable = { "": {} };
  let section = "";
  text.split("\n").forEach((line, index) => {
    const stripped = line.replace(/\s+#.*$/, "").trim();
    if (!stripped || stripped.startsWith("#")) return;
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(stripped);
    if (header) {
      section = header[1]!;
      table[section] ??= {};
      return;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(stripped);
    if (!pair) throw new Error(`config.toml line ${index + 1}: cannot read "${stripped}"`);
    table[section]![pair[1]!] = parseValue(pair[2]!, `line ${index + 1}`);
  });
  return table;
}

let cached: TomlTable | undefined;
export function projectConfig(): TomlTable {
  cached ??= parseToml(readFileSync(path.join(repoRoot, "supabase", "config.toml"), "utf8"));
  return cached;
}

export function numberSetting(section: string, key: string): number {
  const value = projectConfig()[section]?.[key];
  if (typeof value !== "number") throw new Error(`supabase/config.toml: [${section}] ${key} must be a number`);
  return value;
}

/** "60s", "1h" style durations of config.toml, in seconds. */
export function secondsSetting(section: string, key: string): number {
  const value = projectConfig()[section]?.[key];
  const match = typeof value === "string" ? /^(\d+)(s|m|h)$/.exec(value) : null;
  if (!match) throw new Error(`supabase/config.toml: [${section}] ${key} must be a duration like "60s"`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as "s" | "m" | "h"];
}
