import { describe, expect, it } from "vitest";
import {
  auditFilters,
  auditPage,
  auditPageRequest,
  fieldChanges,
  formatValue,
  integrityVerdict,
  readAuditQuery,
  recordLabel,
  runSummary,
  writeAuditQuery,
  type AuditRow,
} from "./queries";

describe("audit rows become field-by-field changes", () => {
  it("an update lists exactly the changed fields, old -> new", () => {
    expect(
      fieldChanges({
        operation: "UPDATE",
        changed_fields: ["full_name"],
        old_row: { full_name: "Ana", version: 1 },
        new_row: { full_name: "Ana María", version: 2 },
      }),
    ).toEqual([{ field: "full_name", before: "Ana", after: "Ana María" }]);
  });
  it("an insert lists the values set, without bookkeeping columns", () => {
    expect(
      fieldChanges({
        operation: "INSERT",
        changed_fields: [],
        old_row: null,
        new_row: { code: "x", version: 1, updated_at: "t", note: null },
      }),
    ).toEqual([{ field: "code", before: null, after: "x" }]);
  });
  it("a delete lists what was removed", () => {
    expect(
      fieldChanges({ operation: "DELETE", changed_fields: [], old_row: { role_code: "manager" }, new_row: null }),
    ).toEqual([{ field: "role_code", before: "manager", after: null }]);
  });
  it("formats empty values as a dash and structures as JSON", () => {
    expect(formatValue(null)).toBe("—");
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(3)).toBe("3");
  });
});

const row = (id: number) => ({ id }) as AuditRow;
const ids = (rows: AuditRow[]) => rows.map((r) => r.id);

describe("the audit log page's state in the address", () => {
  it("reads filters and the key bound, and drops anything malformed", () => {
    const query = readAuditQuery(
      new URLSearchParams("table=staff&operation=UPDATE&from=2026-11-01&to=2026-13-45&before=120&after=7"),
    );
    expect(query).toEqual({
      table: "staff",
      actor: undefined,
      operation: "UPDATE",
      from: "2026-11-01",
      to: undefined,
      before: 120,
    });
    expect(readAuditQuery(new URLSearchParams("operation=DROP&before=-3&after=1e9x"))).toEqual({
      table: undefined,
      actor: undefined,
      operation: undefined,
      from: undefined,
      to: undefined,
      before: undefined,
      after: undefined,
    });
  });
  it("writes back only what is set, so a shared link reopens the same page", () => {
    const query = { table: "staff", actor: "u-1", after: 42 };
    expect(writeAuditQuery(query).toString()).toBe("table=staff&actor=u-1&after=42");
    expect(readAuditQuery(writeAuditQuery(query))).toMatchObject(query);
  });
});

describe("an audit log page asks the server", () => {
  it("for one row more than it shows, newest first, with the filters", () => {
    const request = auditPageRequest({ table: "staff", operation: "DELETE" }, 25);
    expect(request.pageSize).toBe(26);
    expect(request.sorters).toEqual([{ field: "id", order: "desc" }]);
    expect(request.filters).toEqual([
      { field: "table_name", operator: "eq", value: "staff" },
      { field: "operation", operator: "eq", value: "DELETE" },
    ]);
  });
  it("older entries by id < bound, newer entries by id > bound in ascending order", () => {
    expect(auditPageRequest({ before: 500 }).filters).toEqual([{ field: "id", operator: "lt", value: 500 }]);
    const newer = auditPageRequest({ after: 500 });
    expect(newer.filters).toEqual([{ field: "id", operator: "gt", value: 500 }]);
    expect(newer.sorters).toEqual([{ field: "id", order: "asc" }]);
  });
  it("dates as whole local days", () => {
    const [from, to] = auditFilters({ from: "2026-11-01", to: "2026-11-02" }) as { value: string }[];
    expect(new Date(from!.value).getDate()).toBe(1);
    expect(new Date(to!.value).getTime() - new Date(from!.value).getTime()).toBe(2 * 86_400_000 - 1);
  });
});

describe("what the server returned becomes a page and its neighbours", () => {
  it("the first page: no newer page, an older one when the extra row came back", () => {
    const page = auditPage({ table: "staff" }, [row(30), row(29), row(28)], 2);
    expect(ids(page.rows)).toEqual([30, 29]);
    expect(page.newer).toBeNull();
    expect(page.older).toEqual({ table: "staff", before: 29 });
    expect(auditPage({}, [row(30), row(29)], 2).older).toBeNull();
  });
  it("an older page leads back to newer entries and on to older ones only if there are more", () => {
    const page = auditPage({ before: 29 }, [row(28), row(27)], 2);
    expect(ids(page.rows)).toEqual([28, 27]);
    expect(page.newer).toEqual({ after: 28 });
    expect(page.older).toBeNull();
  });
  it("a newer page is shown newest first, and reaching the newest entries asks for the first page", () => {
    const page = auditPage({ after: 10 }, [row(11), row(12), row(13)], 2);
    expect(ids(page.rows)).toEqual([12, 11]);
    expect(page.newer).toEqual({ after: 12 });
    expect(page.older).toEqual({ before: 11 });
    expect(page.atNewest).toBe(false);
    expect(auditPage({ after: 10 }, [row(11)], 2).atNewest).toBe(true);
  });
});

describe("a logged record's label", () => {
  const row = (
    new_row: Record<string, unknown> | null,
    old_row: Record<string, unknown> | null = null,
    record_id = "6f1c2d3e-aaaa-bbbb-cccc-000000000001",
  ) => ({ record_id, new_row, old_row }) as Parameters<typeof recordLabel>[0];
  it("is the name with the code beside it", () => {
    expect(recordLabel(row({ full_name: "Ana López", email: "ana@x.example" }))).toEqual({ label: "Ana López" });
    expect(recordLabel(row({ name: "North", code: "NOR" }))).toEqual({ label: "North", code: "NOR" });
    expect(recordLabel(row({ title_en: "Sales manager", code: "sales_manager" }))).toEqual({
      label: "Sales manager",
      code: "sales_manager",
    });
  });
  it("comes from the old row of a deletion, and is the code when there is no name", () => {
    expect(recordLabel(row(null, { code: "ATT-01" }))).toEqual({ label: "ATT-01" });
  });
  it("falls back to a version number and the short id, never a bare uuid cut", () => {
    expect(recordLabel(row({ version_number: 2 }))).toEqual({ label: "#2 · 6f1c2d3e…" });
    expect(recordLabel(row({}, null, "hr_admin"))).toEqual({ label: "hr_admin" });
  });
});

describe("the integrity verdict", () => {
  const chain = { ok: true, rows_checked: 120, first_broken_id: null, reason: null };
  it("says intact with the number of checkpoints when everything holds", () => {
    expect(integrityVerdict({ chain, checkpoints: { checked: 3, first_mismatch: null }, configured: true })).toEqual({
      ok: true,
      key: "audit_log.verify.ok",
      values: { count: 120, checkpoints: 3 },
    });
  });
  it("reports a broken chain before any checkpoint", () => {
    const broken = { ok: false, rows_checked: 120, first_broken_id: 77, reason: "edited" };
    expect(integrityVerdict({ chain: broken, checkpoints: null, configured: true })).toMatchObject({
      ok: false,
      key: "audit_log.verify.broken",
      values: { id: 77 },
    });
  });
  it("names the first checkpoint that no longer matches", () => {
    const mismatch = { id: 4, created_at: "2026-12-01T10:00:00Z", last_id: 90, reason: "row_missing" as const };
    expect(
      integrityVerdict({ chain, checkpoints: { checked: 5, first_mismatch: mismatch }, configured: true }),
    ).toEqual({
      ok: false,
      key: "audit_log.verify.checkpointBroken",
      values: { id: 4, at: mismatch.created_at, reason: "row_missing" },
    });
  });
  it("says the chain is intact but unanchored when no key is configured", () => {
    expect(integrityVerdict({ chain, checkpoints: null, configured: false })).toMatchObject({
      ok: true,
      key: "audit_log.verify.okUnanchored",
    });
  });
});

describe("a computation run's entry", () => {
  it("names the computation and the rows its statement wrote, and is nothing for a row's own entry", () => {
    expect(
      runSummary({
        record_id: "split_targets",
        old_row: null,
        new_row: { run: { computation: "split_targets", year: 2026, kpi_id: null }, rows: 48570 },
      }),
    ).toEqual({ computation: "split_targets", rows: 48570 });
    expect(
      runSummary({
        record_id: "run_evaluations",
        old_row: { run: { computation: "run_evaluations" }, rows: 3 },
        new_row: null,
      }),
    ).toEqual({ computation: "run_evaluations", rows: 3 });
    expect(runSummary({ record_id: "x", old_row: null, new_row: { full_name: "Ana", run: "fast" } })).toBeNull();
  });
});
