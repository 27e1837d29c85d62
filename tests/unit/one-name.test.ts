// One name per concept: a resource's name is its table's (or the matrix's, mapped in one
// place), its folder's, its route's and its i18n namespace's.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../src/locales/en.json";
import { resources, routeOf } from "../../src/resources.tsx";

const root = path.resolve(import.meta.dirname, "../..");
const actions = ["list", "create", "edit", "show"] as const;
const suffix = { list: "", create: "/create", edit: "/edit/:id", show: "/show/:id" };

/** Namespaces for things shared by every page, or features that are no resource of their own. */
const shared = [
  "app",
  "header",
  "languages",
  "menu",
  "buttons",
  "actions",
  "table",
  "notifications",
  "warnWhenUnsavedChanges",
  "documentTitle",
  "pages",
  "status",
  "errors",
  "csvImport",
  "why",
  "impact",
  "service",
  // The workflow monthly plans and summaries share, and the header's bell.
  "reports",
  "reminders",
];

describe("one name per concept", () => {
  it("every page of a resource is routed at /<name with - for _> and lives in src/resources/<name>/<action>.tsx", () => {
    for (const resource of resources) {
      for (const action of actions) {
        const route = resource[action];
        if (route === undefined) continue;
        expect(route, `${resource.name} ${action}`).toBe(`${routeOf(resource.name)}${suffix[action]}`);
        expect(
          existsSync(path.join(root, "src/resources", resource.name, `${action}.tsx`)),
          `${resource.name}/${action}`,
        ).toBe(true);
      }
    }
  });

  it("every i18n namespace is a resource, a table, or one of the shared ones, and every resource has its own", () => {
    const names = new Set(resources.map((r) => r.name));
    const tables = new Set(
      readdirSync(path.join(root, "supabase/schema/public/tables")).map((file) => file.replace(/\.sql$/, "")),
    );
    for (const ns of Object.keys(en)) {
      expect(names.has(ns) || tables.has(ns) || shared.includes(ns), `namespace ${ns}`).toBe(true);
    }
    for (const name of names) expect(Object.keys(en), `namespace for ${name}`).toContain(name);
  });
});
