// The global audit log in the browser: paged by key (Older shows strictly older entries,
// Newer and Newest come back, the address keeps the page), filtered on the server, and
// exported whole without a count.
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { demo, signInDemo } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";
import { AuditLogPageObject } from "./pages/audit.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";

const session = openBrowser();
afterAll(closePools);

const descending = (ids: number[]) => ids.every((id, i) => i === 0 || ids[i - 1]! > id);

describe("the audit log", () => {
  it("pages by key: Older shows strictly older entries, Newer and Newest lead back, a reload keeps the page", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.auditor.email, demo.auditor.password);
    const log = new AuditLogPageObject(page);
    // Matrix cells: plenty of entries (other test files add more meanwhile; newer ids only).
    await log.open("?table=role_permissions");
    const first = await log.ids();
    expect(first).toHaveLength(25);
    expect(descending(first)).toBe(true);
    expect(await log.button("newer").isDisabled()).toBe(true);
    expect(await log.button("newest").isDisabled()).toBe(true);

    await log.go("older");
    expect(page.url()).toContain(`before=${first[24]}`);
    const second = await log.ids();
    expect(second.length).toBeGreaterThan(0);
    expect(descending(second)).toBe(true);
    expect(Math.max(...second)).toBeLessThan(first[24]!);

    await page.reload();
    await log.settled();
    expect(await log.ids()).toEqual(second);

    // Newer leads back to the entries just above the second page: the first page's.
    await log.go("newer");
    expect(await log.ids()).toEqual(first);
    // Other test files write matrix cells meanwhile: Newest shows the newest entries now, which
    // start at or above the first page's.
    await log.go("older");
    await log.go("newest");
    const newest = await log.ids();
    expect(newest).toHaveLength(25);
    expect(descending(newest)).toBe(true);
    expect(newest[0]).toBeGreaterThanOrEqual(first[0]!);
    expect(page.url()).not.toMatch(/before=|after=/);
  });

  it("filters on the server, and a filter change starts from the newest entries", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.auditor.email, demo.auditor.password);
    const log = new AuditLogPageObject(page);
    await log.open();
    await log.go("older");
    await log.filter("operation", "Created");
    expect(page.url()).toContain("operation=INSERT");
    expect(page.url()).not.toContain("before=");
    const operations = await log.operations();
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations)).toEqual(new Set(["Created"]));
  });

  it("exports every entry the filter matches, each once, though nothing was counted", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.auditor.email, demo.auditor.password);
    const log = new AuditLogPageObject(page);
    await log.open("?table=resources");
    const csv = await log.export();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const [{ n }] = (await sql<{ n: string }>(
      "select count(*) as n from public.audit_log where table_name = 'resources'",
    )) as [{ n: string }];
    expect(rows).toHaveLength(Number(n));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => r.table === "resources")).toBe(true);
  });

  it("names each record and each person by e-mail, and HR anchors the log with a checkpoint that Verify integrity then checks", async () => {
    const hr = await signInDemo("hr_admin");
    const title = `Checkpointed ${Date.now()}`;
    await hr
      .from("positions")
      .insert({ code: `cp_${Date.now()}`, title_en: title })
      .select()
      .single();
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const log = new AuditLogPageObject(page);
    await log.open("?table=positions");
    const labels = await log.recordLabels();
    // Positions are named by title, with their code: no cut uuid. (Another browser file may
    // have added positions since, so the entry is looked for, not taken to be the first.)
    expect(labels.some((l) => l.includes(title))).toBe(true);
    expect(labels.filter((l) => /^[0-9a-f]{8}…$/.test(l))).toEqual([]);
    expect(await log.actorOf(title)).toMatch(/ \(hr@example\.com\)$/);

    const made = await log.integrity("Make a checkpoint");
    expect(made).toMatch(/Checkpoint #\d+ signed at entry #\d+/);
    const verdict = await log.integrity("Verify integrity");
    expect(verdict).toMatch(/intact and matches all \d+ signed checkpoints/);
  });

  it("offers the auditor Verify integrity but no checkpoint button", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.auditor.email, demo.auditor.password);
    const log = new AuditLogPageObject(page);
    await log.open();
    expect(await page.getByRole("button", { name: "Verify integrity" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Make a checkpoint" }).count()).toBe(0);
    expect(await log.integrity("Verify integrity")).toMatch(/intact/);
  });
});
