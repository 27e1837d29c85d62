// The app's data provider against the real PostgREST: "all rows" lists are not cut at
// PostgREST's row cap (max_rows, 1,000; lowered here so a test database is enough), and
// nothing is read twice.
import { afterAll, describe, expect, it } from "vitest";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { createDataProvider } from "../../src/providers/dataProvider.ts";
import { demo, signInDemo } from "../support/clients.ts";
import { env } from "../support/env.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

describe("lists with pagination off", () => {
  it("return every row past the server's row cap, each once (cap lowered to 100 to page through the audit log)", async () => {
    // The latest 400 entries and whatever other tests add meanwhile: past the cap four times
    // over, and the time does not grow with the whole log (each page counts what it pages).
    const [{ n: before, first }] = (await sql<{ n: string; first: string }>(
      "select count(*) as n, min(id)::text as first from (select id from public.audit_log order by id desc limit 400) w",
    )) as [{ n: string; first: string }];
    expect(Number(before)).toBeGreaterThan(300);
    // A client that records what it asks PostgREST for.
    const urls: string[] = [];
    const hr = createClient(env.apiUrl, env.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: (input, init) => (urls.push(String(input)), fetch(input, init)) },
    });
    expect(
      (await hr.auth.signInWithPassword({ email: demo.hr_admin.email, password: demo.hr_admin.password })).error,
    ).toBeNull();
    urls.length = 0;
    const provider = createDataProvider(hr as unknown as SupabaseClient, { maxRows: 100 });
    const { data, total } = await provider.getList({
      resource: "audit_log",
      pagination: { mode: "off" },
      filters: [{ field: "id", operator: "gte", value: first }],
      meta: { select: "id" },
    });
    const ids = data.map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(total).toBe(ids.length);
    // Other tests write to the log meanwhile: at least what was there before.
    expect(ids.length).toBeGreaterThanOrEqual(Number(before));
    // It did page: one plain request, then pages of 100 in a stable order.
    const pages = urls.filter((u) => u.includes("/rest/v1/audit_log") && u.includes("limit=100"));
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(Number(before) / 100));
    expect(pages.every((u) => u.includes("order=id.asc"))).toBe(true);
  });

  it("when the rows are an exact multiple of the cap, stops at the last full page without asking past the end", async () => {
    const statuses: number[] = [];
    const hr = createClient(env.apiUrl, env.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: {
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (String(input).includes("/rest/v1/kpis")) statuses.push(response.status);
          return response;
        },
      },
    });
    expect(
      (await hr.auth.signInWithPassword({ email: demo.hr_admin.email, password: demo.hr_admin.password })).error,
    ).toBeNull();
    // The seeds' eight qualitative criteria, read with a cap of 4 (two full pages, nothing after).
    const codes = [
      "communication",
      "adaptability",
      "coordination",
      "conduct",
      "diligence",
      "responsibility",
      "dedication",
      "best_effort",
    ];
    const n = codes.length;
    const provider = createDataProvider(hr as unknown as SupabaseClient, { maxRows: 4 });
    const { data } = await provider.getList({
      resource: "kpis",
      pagination: { mode: "off" },
      filters: [{ field: "code", operator: "in", value: codes }],
      meta: { select: "id" },
    });
    expect(data).toHaveLength(n);
    expect(statuses.every((s) => s < 400)).toBe(true);
  });

  it("sorted on a column many rows share, the pages break ties by the key, so no row is lost or read twice", async () => {
    const urls: string[] = [];
    const hr = createClient(env.apiUrl, env.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: (input, init) => (urls.push(decodeURIComponent(String(input))), fetch(input, init)) },
    });
    expect(
      (await hr.auth.signInWithPassword({ email: demo.hr_admin.email, password: demo.hr_admin.password })).error,
    ).toBeNull();
    // The rows up to now only: other tests' new rows would land inside the sorted groups and
    // shift every later page, which no key order can prevent while the list grows. And the
    // latest 1,500 of them: fifteen pages of three shared values are ties enough, and the time
    // does not grow with the log (each page sorts the whole window).
    const [{ n: before, first, last }] = (await sql<{ n: string; first: string; last: string }>(
      `select count(*) as n, min(id)::text as first, max(id)::text as last
         from (select id from public.audit_log order by id desc limit 1500) w`,
    )) as [{ n: string; first: string; last: string }];
    urls.length = 0;
    const provider = createDataProvider(hr as unknown as SupabaseClient, { maxRows: 100 });
    const { data } = await provider.getList({
      resource: "audit_log",
      pagination: { mode: "off" },
      filters: [
        { field: "id", operator: "gte", value: first },
        { field: "id", operator: "lte", value: last },
      ],
      sorters: [{ field: "operation", order: "asc" }],
      meta: { select: "id, operation" },
    });
    const ids = data.map((r) => Number(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Number(before));
    const pages = urls.filter((u) => u.includes("/rest/v1/audit_log") && u.includes("limit=100"));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((u) => u.includes("order=operation.asc,id.asc"))).toBe(true);
  });

  it("a short list is read in one request, as before", async () => {
    const hr = await signInDemo("hr_admin");
    const provider = createDataProvider(hr as unknown as SupabaseClient);
    const { data } = await provider.getList({ resource: "positions", pagination: { mode: "off" } });
    const [{ n }] = (await sql<{ n: string }>("select count(*) as n from public.positions")) as [{ n: string }];
    expect(data.length).toBe(Number(n));
  });
});

describe("a page past the end", () => {
  it("is an empty page with the real total (PostgREST answers 416), so the table can offer the pages that exist", async () => {
    const hr = await signInDemo("hr_admin");
    const provider = createDataProvider(hr as unknown as SupabaseClient);
    const [{ n }] = (await sql<{ n: string }>("select count(*) as n from public.positions")) as [{ n: string }];
    const past = await provider.getList({
      resource: "positions",
      pagination: { mode: "server", currentPage: 999, pageSize: 25 },
    });
    expect(past).toEqual({ data: [], total: Number(n) });
    // Other errors still fail.
    await expect(
      provider.getList({
        resource: "positions",
        pagination: { mode: "server", currentPage: 2, pageSize: 25 },
        filters: [{ field: "no_such_column", operator: "eq", value: 1 }],
      }),
    ).rejects.toBeTruthy();
  });
});

describe("lists that ask no count (the audit log)", () => {
  it("send no count and report a total that only says whether more rows follow", async () => {
    const prefers: (string | null)[] = [];
    const hr = createClient(env.apiUrl, env.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: (input, init) => (prefers.push(new Headers(init?.headers).get("Prefer")), fetch(input, init)) },
    });
    expect(
      (await hr.auth.signInWithPassword({ email: demo.hr_admin.email, password: demo.hr_admin.password })).error,
    ).toBeNull();
    prefers.length = 0;
    const provider = createDataProvider(hr as unknown as SupabaseClient);
    const first = await provider.getList({
      resource: "audit_log",
      sorters: [{ field: "id", order: "desc" }],
      pagination: { currentPage: 1, pageSize: 10, mode: "server" },
      meta: { select: "id", count: "none" },
    });
    expect(first.data).toHaveLength(10);
    expect(first.total).toBe(11);
    expect(prefers.some((p) => p?.includes("count="))).toBe(false);
    // The next page by key: strictly older entries.
    const last = Number(first.data[9]!.id);
    const older = await provider.getList({
      resource: "audit_log",
      filters: [{ field: "id", operator: "lt", value: last }],
      sorters: [{ field: "id", order: "desc" }],
      pagination: { currentPage: 1, pageSize: 10, mode: "server" },
      meta: { select: "id", count: "none" },
    });
    expect(older.data.every((r) => Number(r.id) < last)).toBe(true);
  });

  it("a page-by-page read (as Refine's export does) ends at the first short page with every row once", async () => {
    const hr = await signInDemo("hr_admin");
    const provider = createDataProvider(hr as unknown as SupabaseClient);
    const [{ n }] = (await sql<{ n: string }>(
      "select count(*) as n from public.audit_log where table_name = 'resources'",
    )) as [{ n: string }];
    expect(Number(n)).toBeGreaterThan(5);
    const seen: number[] = [];
    for (let currentPage = 1; currentPage < 100; currentPage++) {
      const { data, total } = await provider.getList({
        resource: "audit_log",
        filters: [{ field: "table_name", operator: "eq", value: "resources" }],
        sorters: [{ field: "id", order: "asc" }],
        pagination: { currentPage, pageSize: 5, mode: "server" },
        meta: { select: "id", count: "none" },
      });
      seen.push(...data.map((r) => Number(r.id)));
      if (total === seen.length) break;
    }
    expect(seen).toHaveLength(Number(n));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
