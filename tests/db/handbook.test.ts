// The handbook: one call returns everything "the sales department management system" shows as
// in force on a day, through the caller's RLS. Checked against SQL written here: each rule's
// version in force that day, a rule not yet in force left out until its day, every position,
// each position's template in force; a salesperson's handbook holds only the rules that apply
// to them; a day out of range is a 400 that says why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { categoryId, moveRule, writeRule } from "../support/rules.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

interface Handbook {
  as_of: string;
  positions: { code: string }[];
  rules: { code: string; version_number: number; sanctions: unknown[] }[];
  templates: { position_id: string; valid_from: string; kpis: { kpi_id: string; weight: number }[] }[];
  kpis: { code: string }[];
  bands: { code: string }[];
  tiers: { code: string; visit_interval_days: number | null }[];
}

let hr: TestUser;
let secondHr: TestUser;
let seller: TestUser;
let manager: TestUser;
let auditor: TestUser;
let future: { id: string; code: string };
// Other test files write rules and positions at the same time: the comparisons keep to the
// seed's (and this file's own).
const seeded = (code: string) => /^[A-Z]{3}-\d{2}$/.test(code) || code === future.code;
const rulesOf = (h: Handbook) =>
  h.rules.filter((r) => seeded(r.code)).map((r) => ({ code: r.code, version_number: r.version_number }));
const keep = <T extends { code: string }>(rows: T[]) => rows.filter((r) => seeded(r.code));

const handbook = async (user: TestUser, day?: string) => {
  const { data, error } = await user.client.rpc("handbook", day ? { p_as_of: day } : {});
  if (error) throw new Error(error.message);
  return data as unknown as Handbook;
};

/** Every rule's version in force on a day, as the test reads the tables itself. */
const inForce = (day: string) =>
  sql<{ code: string; version_number: number }>(
    `select r.code, (select max(v.version_number) from public.regulation_versions v
                      where v.regulation_id = r.id and v.effective_date = (
                        select max(w.effective_date) from public.regulation_versions w
                         where w.regulation_id = r.id and w.effective_date <= $1)) as version_number
       from public.regulations r
      where (r.retired_at is null or r.retired_at::date > $1)
        and exists (select 1 from public.regulation_versions v where v.regulation_id = r.id and v.effective_date <= $1)
      order by r.code`,
    [day],
  );

beforeAll(async () => {
  [hr, secondHr, seller, manager, auditor] = await Promise.all([
    createTestUser(["hr_admin"]),
    createTestUser(["hr_admin"]),
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["auditor"]),
  ]);
  // A rule published now that comes into force next year.
  const nextYear = new Date().getFullYear() + 1;
  future = await writeRule(hr.client, await categoryId(), { effective: `${nextYear}-01-01` }, "HB");
  expect((await moveRule(hr.client, future.id, "in_review")).error).toBeNull();
  expect((await moveRule(secondHr.client, future.id, "published")).error).toBeNull();
}, 60_000);

describe("the handbook", () => {
  it("holds each rule's version in force that day, with its ladder, for HR", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const got = await handbook(hr, day);
    expect(got.as_of).toBe(day);
    expect(rulesOf(got)).toEqual(keep(await inForce(day)));
    expect(rulesOf(got).length).toBeGreaterThan(5);
    expect(got.rules.some((r) => r.sanctions.length > 0)).toBe(true);
    expect(got.rules.map((r) => r.code)).not.toContain(future.code);
  });

  it("opens as in force on a later day: the rule published for next year is there, and not before", async () => {
    const nextYear = new Date().getFullYear() + 1;
    const later = await handbook(hr, `${nextYear}-02-01`);
    expect(rulesOf(later)).toEqual(keep(await inForce(`${nextYear}-02-01`)));
    expect(later.rules.map((r) => r.code)).toContain(future.code);
    const earlier = await handbook(hr, "2025-06-01");
    expect(rulesOf(earlier)).toEqual(keep(await inForce("2025-06-01")));
  });

  it("lists every position, each position's template in force with its weights, bands and tiers", async () => {
    const positions = await sql<{ code: string }>("select code from public.positions order by sort_order, code");
    const got = await handbook(hr);
    expect(got.positions.map((p) => p.code)).toEqual(expect.arrayContaining(positions.map((p) => p.code)));
    // The seed's positions' templates (other files publish templates of their own positions).
    const templates = await sql<{ position_id: string; total: number }>(
      `select distinct on (t.position_id) t.position_id,
              (select sum(l.weight) from public.evaluation_template_kpis l where l.template_id = t.id)::float8 as total
         from public.evaluation_templates t
         join public.positions p on p.id = t.position_id and p.created_at = (select min(created_at) from public.positions)
        where t.published_at is not null and t.valid_from <= current_date
        order by t.position_id, t.valid_from desc`,
    );
    const seededTemplates = new Set(templates.map((t) => t.position_id));
    expect(templates.length).toBeGreaterThan(0);
    expect(
      got.templates
        .filter((t) => seededTemplates.has(t.position_id))
        .map((t) => ({ position_id: t.position_id, total: t.kpis.reduce((n, k) => n + Number(k.weight), 0) }))
        .sort((a, b) => a.position_id.localeCompare(b.position_id)),
    ).toEqual(templates.sort((a, b) => a.position_id.localeCompare(b.position_id)));
    expect(templates.every((t) => t.total === 100)).toBe(true);
    const bands = await sql<{ code: string }>("select code from public.rating_bands order by lower_bound desc");
    expect(got.bands.map((b) => b.code)).toEqual(bands.map((b) => b.code));
    expect(got.tiers.find((t) => t.code === "vip")?.visit_interval_days).toBe(30);
  });

  it("gives a salesperson only the rules they may read", async () => {
    const got = await handbook(seller);
    const { data: readable } = await seller.client
      .from("regulations")
      .select("code")
      .not("current_version", "is", null);
    const codes = new Set((readable ?? []).map((r) => r.code));
    expect(got.rules.length).toBeGreaterThan(0);
    expect(got.rules.every((r) => codes.has(r.code))).toBe(true);
    expect(keep(got.rules).length).toBeLessThan(keep((await handbook(hr)).rules).length);
  });

  it("refuses a day out of range with a 400 that says why", async () => {
    const { error, status } = await hr.client.rpc("handbook", { p_as_of: "1999-12-31" });
    expect(status).toBe(400);
    expect(error?.message).toBe("Choose a day from 2000-01-01 to ten years from today.");
  });
});

describe("editions", () => {
  const publish = async (user: TestUser, note: string, asOf?: string) =>
    user.client
      .from("handbook_editions")
      .insert({ note, ...(asOf ? { as_of: asOf } : {}) })
      .select("id, number, as_of, content, published_by")
      .single();

  it("HR publishes the whole handbook as the next edition; nobody else may", async () => {
    const { data: edition, error } = await publish(hr, "First");
    expect(error).toBeNull();
    expect(edition!.published_by).toBe(hr.id);
    // The department's whole handbook, not the publisher's view: every rule in force today.
    const day = new Date().toISOString().slice(0, 10);
    expect(rulesOf(edition!.content as unknown as Handbook)).toEqual(keep(await inForce(day)));
    const { data: next } = await publish(secondHr, "Second");
    expect(next!.number).toBeGreaterThan(edition!.number);
    for (const other of [manager, auditor, seller]) {
      const { error: refused } = await publish(other, "Not mine");
      expect(refused, "publish").not.toBeNull();
    }
    // Frozen: not even HR changes or removes one.
    const { error: changed } = await hr.client
      .from("handbook_editions")
      .update({ note: "Edited" })
      .eq("id", edition!.id);
    expect(changed).not.toBeNull();
    const { data: removed } = await hr.client.from("handbook_editions").delete().eq("id", edition!.id).select();
    expect(removed ?? []).toEqual([]);
    const [kept] = await sql<{ note: string }>("select note from public.handbook_editions where id = $1", [
      edition!.id,
    ]);
    expect(kept!.note).toBe("First");
  });

  it("an edition stays as it was after the rules change, and the comparison lists exactly that change", async () => {
    const { data: before } = await publish(hr, "Before the new rule");
    const rule = await writeRule(hr.client, await categoryId(), { effective: "2026-01-01" }, "HE");
    expect((await moveRule(hr.client, rule.id, "in_review")).error).toBeNull();
    expect((await moveRule(secondHr.client, rule.id, "published")).error).toBeNull();
    const { data: after } = await publish(hr, "After the new rule");

    const [stored] = await sql<{ content: Handbook }>("select content from public.handbook_editions where id = $1", [
      before!.id,
    ]);
    expect(stored!.content.rules.map((r) => r.code)).not.toContain(rule.code);
    expect(stored!.content).toEqual(before!.content);
    expect((after!.content as unknown as Handbook).rules.map((r) => r.code)).toContain(rule.code);

    const { data: changes, error } = await auditor.client.rpc("handbook_edition_diff", {
      p_from: before!.id,
      p_to: after!.id,
    });
    expect(error).toBeNull();
    // Other files publish rules meanwhile: the change list holds this rule, added, and no
    // change to any seeded rule.
    const mine = (changes ?? []).filter((c) => c.chapter === "rules" && (c.item === rule.code || seeded(c.item)));
    expect(mine.map(({ chapter, item, change }) => ({ chapter, item, change }))).toEqual([
      { chapter: "rules", item: rule.code, change: "added" },
    ]);
  });

  it("the auditor reads every edition; a manager and a salesperson read none, nor compare them", async () => {
    const { data: one } = await publish(hr, "Read");
    const { data: read } = await auditor.client.from("handbook_editions").select("id").eq("id", one!.id);
    expect(read).toEqual([{ id: one!.id }]);
    for (const other of [manager, seller]) {
      const { data } = await other.client.from("handbook_editions").select("id");
      expect(data).toEqual([]);
      const { error, status } = await other.client.rpc("handbook_edition_diff", { p_from: one!.id, p_to: one!.id });
      expect(status).toBe(404);
      expect(error?.message).toBe("No edition with this id that you may read.");
    }
  });
});
