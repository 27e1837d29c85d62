// Refine's Supabase data provider, made strict: every error becomes a translated message,
// and a write that RLS (or a stale version) filtered to zero rows is an error, not a
// silent success. One-record writes ask PostgREST for a single object, so the server itself
// answers 406 (PGRST116) and rolls back when the write matched no row, or more than one.
import type { BaseKey, DataProvider } from "@refinedev/core";
import { dataProvider as supabaseDataProvider, generateFilter } from "@refinedev/supabase";
import type { SupabaseClient } from "@supabase/supabase-js";
import { isPastTheEnd, toHttpError, zeroRowError } from "./errors";
import { serviceHealth } from "./serviceHealth";
import { maxRowsPerRequest, supabaseClient } from "./supabaseClient";

/** The part of postgrest-js the writes below use, without per-table typing. */
interface WriteResult {
  data: unknown[] | null;
  error: unknown;
  status: number;
}
interface SingleResult {
  data: unknown;
  error: unknown;
  status: number;
}
interface FilterBuilder extends PromiseLike<WriteResult> {
  eq(column: string, value: BaseKey): FilterBuilder;
  in(column: string, values: BaseKey[]): FilterBuilder;
  select(columns: string): FilterBuilder;
  single(): PromiseLike<SingleResult>;
}
interface TableBuilder {
  update(values: object): FilterBuilder;
  delete(): FilterBuilder;
}

/** Maps an error to the app's, and tells the health watcher when the service is away. */
function fail(error: unknown, status?: number): never {
  const mapped = toHttpError(error, status);
  if (mapped.appError.kind === "unavailable" || mapped.appError.kind === "network") serviceHealth.reportDown();
  throw mapped;
}

async function rethrow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    fail(error);
  }
}

/** Runs a one-record write as a single object: no row (RLS, a stale version) is the server's 406. */
async function confirmOne(query: FilterBuilder): Promise<unknown> {
  const { data, error, status } = await query.single();
  if (error) fail(error, status);
  if (data === null || data === undefined) throw zeroRowError();
  return data;
}

/** Runs a write that must return its rows; fewer rows than expected means RLS or a stale version refused it. */
async function confirmRows(query: FilterBuilder, expected: number): Promise<unknown[]> {
  const { data, error, status } = await query;
  if (error) fail(error, status);
  if (!data || data.length < expected) throw zeroRowError();
  return data;
}

/**
 * `meta.count: "none"`: the page alone, no count at all (a log of a million rows, read
 * under RLS, pays for any count). `total` is then a lower bound: the rows up to this page,
 * plus one when the page came back full (more may follow). That is enough to offer a next
 * page, and Refine's export stops at the first short page.
 */
export const noCount = "none" as const;

type ListParams = Parameters<DataProvider["getList"]>[0];

async function listWithoutCount(client: SupabaseClient, { resource, pagination, filters, sorters, meta }: ListParams) {
  const { currentPage = 1, pageSize = 10 } = pagination ?? {};
  const from = (currentPage - 1) * pageSize;
  const query = client.from(resource).select(meta?.select ?? "*");
  for (const sorter of sorters ?? []) query.order(sorter.field, { ascending: sorter.order === "asc" });
  for (const filter of filters ?? []) generateFilter(filter, query);
  const { data, error, status } = await query.range(from, from + pageSize - 1);
  if (error) fail(error, status);
  const rows = (data ?? []) as unknown as Awaited<ReturnType<DataProvider["getList"]>>["data"];
  return { data: rows, total: from + rows.length + (rows.length === pageSize ? 1 : 0) };
}

export function createDataProvider(
  client: SupabaseClient,
  { maxRows = maxRowsPerRequest } = {},
): Required<DataProvider> {
  const base = supabaseDataProvider(client);
  const table = (resource: string) => client.from(resource) as unknown as TableBuilder;
  /**
   * A page past the end (an old link, rows deleted since) is an empty page with the real
   * total, not an error: the table then offers the pages that exist.
   */
  const readPage = async (params: ListParams): ReturnType<DataProvider["getList"]> => {
    try {
      return await base.getList(params);
    } catch (error) {
      if (!isPastTheEnd(error) || (params.pagination?.currentPage ?? 1) <= 1) throw error;
      const { total } = await base.getList({
        ...params,
        pagination: { ...params.pagination, currentPage: 1, pageSize: 1 },
      });
      return { data: [], total };
    }
  };
  const provider: Required<DataProvider> = {
    ...base,
    getList: (async (params) => {
      if (params.meta?.count === noCount && params.pagination?.mode !== "off") return listWithoutCount(client, params);
      const first = await rethrow(() => readPage(params));
      // "All rows" (pagination off) meets PostgREST's max_rows (1,000 per answer): when an
      // answer is that full, read the rest page by page, in a stable order.
      if (params.pagination?.mode !== "off" || first.data.length < maxRows) return first;
      // The key breaks ties (two people of the same name), so no row falls between two pages.
      const key = params.meta?.idColumnName ?? "id";
      const sorters = [...(params.sorters ?? []).filter((s) => s.field !== key), { field: key, order: "asc" as const }];
      // The pages ask no count: a page past the end is then an empty answer, never a 416 (rows
      // an exact multiple of the cap, or deleted while paging), and no page counts the table.
      const data: typeof first.data = [];
      for (let currentPage = 1; ; currentPage++) {
        const page = await rethrow(() =>
          listWithoutCount(client, {
            ...params,
            sorters,
            pagination: { mode: "server", currentPage, pageSize: maxRows },
          }),
        );
        data.push(...page.data);
        if (page.data.length < maxRows) break;
      }
      return { data, total: data.length };
    }) as DataProvider["getList"],
    getMany: ((params) => rethrow(() => base.getMany(params))) as Required<DataProvider>["getMany"],
    create: ((params) => rethrow(() => base.create(params))) as DataProvider["create"],
    createMany: ((params) => rethrow(() => base.createMany(params))) as Required<DataProvider>["createMany"],
    getOne: (async (params) => {
      const result = await rethrow(() => base.getOne(params));
      if (result.data === undefined) throw zeroRowError();
      return result;
    }) as DataProvider["getOne"],
    update: (async ({ resource, id, variables, meta }) => {
      const row = await confirmOne(
        table(resource)
          .update(variables as object)
          .eq(meta?.idColumnName ?? "id", id)
          .select(meta?.select ?? "*"),
      );
      return { data: row };
    }) as DataProvider["update"],
    updateMany: (async ({ resource, ids, variables, meta }) => {
      const rows = await confirmRows(
        table(resource)
          .update(variables as object)
          .in(meta?.idColumnName ?? "id", ids)
          .select(meta?.select ?? "*"),
        ids.length,
      );
      return { data: rows };
    }) as Required<DataProvider>["updateMany"],
    deleteOne: (async ({ resource, id, meta }) => {
      const row = await confirmOne(
        table(resource)
          .delete()
          .eq(meta?.idColumnName ?? "id", id)
          .select(meta?.select ?? "*"),
      );
      return { data: row };
    }) as DataProvider["deleteOne"],
    deleteMany: (async ({ resource, ids, meta }) => {
      const rows = await confirmRows(
        table(resource)
          .delete()
          .in(meta?.idColumnName ?? "id", ids)
          .select(meta?.select ?? "*"),
        ids.length,
      );
      return { data: rows };
    }) as Required<DataProvider>["deleteMany"],
  };
  return provider;
}

export const dataProvider = createDataProvider(supabaseClient as unknown as SupabaseClient);
