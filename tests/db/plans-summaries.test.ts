// Plans and summaries, the person's file and reminders: a salesperson writes and submits their
// monthly plan and summaries; the summary's figures are the database's, from the records (equal
// to SQL written independently here); the manager reviews or sends back with a comment; the
// annual summary's suggestions land in the suggestions channel. The person's file shows each
// caller what the matrix lets them read; the bell lists what is due. Both ways through
// PostgREST with real JWTs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { arrangeId, arranger } from "../support/people.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const a = arranger("PS");
let region: string;
let branch: string;
let seller: string;
let colleague: string;
let sellerUser: TestUser;
let colleagueUser: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;
const thisMonth = new Date().toISOString().slice(0, 8) + "01";

beforeAll(async () => {
  [sellerUser, colleagueUser, manager, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  const boss = await a.person("Plan Boss", null, manager.id, { position: "regional_director" });
  region = await a.territory("REGION", { manager: boss });
  branch = await a.territory("BRANCH", { parent: region });
  seller = await a.person("Planning Seller", branch, sellerUser.id);
  colleague = await a.person("Planning Colleague", await a.territory("BRANCH2", { parent: region }), colleagueUser.id);
  await a.territory("AWAY", {
    manager: await a.person("Away Boss", null, otherManager.id, { position: "regional_director" }),
  });
}, 60_000);

type Report = {
  id: string;
  version: number;
  status: string;
  territory_id: string;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string;
  created_by: string | null;
};
async function change(client: TestUser["client"], table: "monthly_plans" | "summaries", id: string, fields: object) {
  const [row] = await sql<{ version: number }>(`select version from public.${table} where id = $1`, [id]);
  return client
    .from(table)
    .update({ version: row!.version, ...fields } as never)
    .eq("id", id)
    .select("*")
    .maybeSingle<Report & Record<string, unknown>>();
}

describe("a monthly plan", () => {
  it("is written and submitted by the person, reviewed by their manager, and kept from everyone else", async () => {
    const plan = {
      staff_id: seller,
      month: "2026-08-01",
      sales_target: 42000,
      target_breakdown: "Consumables 30,000; equipment 12,000",
      key_customers: "Hospital North, Clinic East",
      prospects: "Two new pharmacies in the branch",
      visits_planned: 24,
      known_problems: "Clinic East pays late: agree a schedule",
    };
    const { data: created, error } = await sellerUser.client
      .from("monthly_plans")
      .insert(plan)
      .select("*")
      .single<Report>();
    expect(error).toBeNull();
    expect(created).toMatchObject({
      status: "draft",
      territory_id: branch,
      created_by: sellerUser.id,
      submitted_at: null,
    });
    // Not for a colleague, nor by someone out of scope, nor with forged fields.
    expect(
      (
        await sellerUser.client
          .from("monthly_plans")
          .insert({ ...plan, staff_id: colleague })
          .select("id")
      ).data ?? [],
    ).toEqual([]);
    expect(
      (
        await otherManager.client
          .from("monthly_plans")
          .insert({ ...plan, month: "2026-07-01" })
          .select("id")
      ).data ?? [],
    ).toEqual([]);
    expect(
      (
        await sellerUser.client
          .from("monthly_plans")
          .insert({ ...plan, month: "2026-06-01", status: "reviewed" } as never)
      ).error?.code,
    ).toBe("42501");
    const id = created!.id;
    // The manager may not submit it for them, nor comment on a draft.
    expect((await change(manager.client, "monthly_plans", id, { status: "submitted" })).error?.details).toBe(
      "submit_by_person",
    );
    expect((await change(manager.client, "monthly_plans", id, { review_comment: "Early" })).error?.details).toBe(
      "review_by_other",
    );
    const { data: sent } = await change(sellerUser.client, "monthly_plans", id, { status: "submitted" });
    expect(sent?.status).toBe("submitted");
    expect(sent?.submitted_at).not.toBeNull();
    expect((await change(sellerUser.client, "monthly_plans", id, { prospects: "Changed" })).error?.details).toBe(
      "report_submitted",
    );
    expect(
      (await change(sellerUser.client, "monthly_plans", id, { status: "reviewed", review_comment: "Fine by me" })).error
        ?.details,
    ).toBe("review_by_other");
    expect((await change(manager.client, "monthly_plans", id, { status: "reviewed" })).error?.details).toBe(
      "review_comment_required",
    );
    expect(
      (await change(otherManager.client, "monthly_plans", id, { status: "reviewed", review_comment: "Out of scope" }))
        .data,
    ).toBeNull();
    expect(
      (await change(auditor.client, "monthly_plans", id, { status: "reviewed", review_comment: "Audited" })).data,
    ).toBeNull();
    const { data: reviewed } = await change(manager.client, "monthly_plans", id, {
      status: "reviewed",
      review_comment: "Good plan: add the dental chain to the prospects.",
    });
    expect(reviewed).toMatchObject({ status: "reviewed", reviewed_by: manager.id });
    expect(
      (await sellerUser.client.from("monthly_plans").select("review_comment").eq("id", id).single()).data
        ?.review_comment,
    ).toBe("Good plan: add the dental chain to the prospects.");
    expect((await colleagueUser.client.from("monthly_plans").select("id").eq("id", id)).data).toEqual([]);
    expect((await otherManager.client.from("monthly_plans").select("id").eq("id", id)).data).toEqual([]);
    expect((await auditor.client.from("monthly_plans").select("id").eq("id", id)).data).toHaveLength(1);
    expect((await sellerUser.client.from("monthly_plans").delete().eq("id", id).select("id")).error?.details).toBe(
      "report_submitted",
    );
  });

  it("sent back goes to draft with the reason, and the person changes and resubmits it", async () => {
    const { data } = await sellerUser.client
      .from("monthly_plans")
      .insert({ staff_id: seller, month: "2026-05-01", visits_planned: 10 })
      .select("id")
      .single();
    await change(sellerUser.client, "monthly_plans", data!.id, { status: "submitted" });
    const { data: back } = await change(manager.client, "monthly_plans", data!.id, {
      status: "draft",
      review_comment: "Ten visits is too few for the branch.",
    });
    expect(back).toMatchObject({ status: "draft", submitted_at: null, reviewed_by: manager.id, reviewed_at: null });
    expect(
      (await change(sellerUser.client, "monthly_plans", data!.id, { visits_planned: 20 })).data?.visits_planned,
    ).toBe(20);
    expect((await change(sellerUser.client, "monthly_plans", data!.id, { status: "submitted" })).data?.status).toBe(
      "submitted",
    );
  });
});

describe("a summary's figures", () => {
  it("are filled in from the records, equal to SQL written here, and frozen when submitted", async () => {
    const tier = (await sql<{ id: string }>("select id from public.customer_tiers where code = 'other'"))[0]!.id;
    const line = (await sql<{ id: string }>("select id from public.product_lines order by code limit 1"))[0]!.id;
    const customer = (code: string) =>
      arrangeId(
        "insert into public.customers (code, name, tier_id, territory_id, owner_id) values ($1, $1, $2, $3, $4) returning id",
        [`PS-${code}-${a.tag}`, tier, branch, seller],
      );
    const [oldCustomer, newCustomer] = [await customer("OLD"), await customer("NEW")];
    const sale = (c: string, day: string, amount: number) =>
      arrangeId(
        "insert into public.sales (customer_id, product_line_id, sale_date, amount, cost) values ($1, $2, $3, $4, $5) returning id",
        [c, line, day, amount, amount / 2],
      );
    await sale(oldCustomer, "2026-03-10", 500);
    const s1 = await sale(oldCustomer, "2026-04-03", 1200.5);
    const s2 = await sale(newCustomer, "2026-04-20", 800);
    await sale(newCustomer, "2026-05-02", 300);
    await sql(
      "insert into public.payments (sale_id, amount, paid_on) values ($1, 700, '2026-04-25'), ($2, 100, '2026-05-01')",
      [s1, s2],
    );
    for (const day of ["2026-04-02", "2026-04-15", "2026-04-28", "2026-05-03"])
      await sql("insert into public.visits (customer_id, staff_id, visited_on, purpose) values ($1, $2, $3, 'Visit')", [
        oldCustomer,
        seller,
        day,
      ]);
    await sql(
      "insert into public.monthly_plans (staff_id, month, sales_target, visits_planned) values ($1, '2026-04-01', 2500, 5)",
      [seller],
    );

    const { data: summary, error } = await sellerUser.client
      .from("summaries")
      .insert({ staff_id: seller, period: "month", period_start: "2026-04-01", results: "A good month." })
      .select("*")
      .single<Report & Record<string, unknown>>();
    expect(error).toBeNull();
    const [expected] = await sql<Record<string, string>>(
      `select
         (select coalesce(round(sum(s.amount * c.share_percent / 100), 2), 0) from public.sale_credits c
            join public.sales s on s.id = c.sale_id
           where c.staff_id = $1 and s.sale_date >= '2026-04-01' and s.sale_date < '2026-05-01')::text as sales_amount,
         (select coalesce(round(sum(p.amount * c.share_percent / 100), 2), 0) from public.payments p
            join public.sale_credits c on c.sale_id = p.sale_id
           where c.staff_id = $1 and p.paid_on >= '2026-04-01' and p.paid_on < '2026-05-01')::text as payments_collected,
         (select count(*) from public.visits v
           where v.staff_id = $1 and v.visited_on >= '2026-04-01' and v.visited_on < '2026-05-01')::text as visits_done,
         (select count(distinct s.customer_id) from public.sales s join public.sale_credits c on c.sale_id = s.id
           where c.staff_id = $1 and s.sale_date >= '2026-04-01' and s.sale_date < '2026-05-01'
             and not exists (select 1 from public.sales e where e.customer_id = s.customer_id and e.sale_date < '2026-04-01'))::text
           as new_customers,
         (select sales_target from public.monthly_plans where staff_id = $1 and month = '2026-04-01')::text as sales_planned,
         (select visits_planned from public.monthly_plans where staff_id = $1 and month = '2026-04-01')::text as visits_planned`,
      [seller],
    );
    const figures = (row: Record<string, unknown>) =>
      Object.fromEntries(
        ["sales_amount", "payments_collected", "visits_done", "new_customers", "sales_planned", "visits_planned"].map(
          (k) => [k, Number(row[k])],
        ),
      );
    expect(figures(summary!)).toEqual(figures(expected!));
    expect(figures(summary!)).toEqual({
      sales_amount: 2000.5,
      payments_collected: 700,
      visits_done: 3,
      new_customers: 1,
      sales_planned: 2500,
      visits_planned: 5,
    });
    // Forged figures are refused; a later sale refreshes a draft, not a submitted summary.
    expect(
      (
        await sellerUser.client
          .from("summaries")
          .update({ sales_amount: 1 } as never)
          .eq("id", summary!.id)
      ).error?.code,
    ).toBe("42501");
    await sale(oldCustomer, "2026-04-29", 99.5);
    const { data: fresh } = await change(sellerUser.client, "summaries", summary!.id, { causes: "Two big orders." });
    expect(Number(fresh?.sales_amount)).toBe(2100);
    await change(sellerUser.client, "summaries", summary!.id, { status: "submitted" });
    await sale(oldCustomer, "2026-04-30", 1000);
    const { data: reviewed } = await change(manager.client, "summaries", summary!.id, {
      status: "reviewed",
      review_comment: "Well done; chase Clinic East's payment.",
    });
    expect(Number(reviewed?.sales_amount)).toBe(2100);
    expect(reviewed?.reviewed_by).toBe(manager.id);
  });

  it("a week has no planned figures; a year's suggestions to the company become a suggestion when it is submitted", async () => {
    const { data: week } = await sellerUser.client
      .from("summaries")
      .insert({ staff_id: seller, period: "week", period_start: "2026-04-06" })
      .select("period_end, sales_planned, visits_planned")
      .single();
    expect(week).toEqual({ period_end: "2026-04-12", sales_planned: null, visits_planned: null });
    expect(
      (
        await sellerUser.client
          .from("summaries")
          .insert({ staff_id: seller, period: "week", period_start: "2026-04-07" })
      ).error?.code,
    ).toBe("23514");
    expect(
      (
        await sellerUser.client
          .from("summaries")
          .insert({ staff_id: seller, period: "month", period_start: "2026-06-01", gaps: "None" })
      ).error?.code,
    ).toBe("23514");
    const { data: year } = await sellerUser.client
      .from("summaries")
      .insert({
        staff_id: seller,
        period: "year",
        period_start: "2025-01-01",
        results: "Met the target.",
        personal_growth: "Learned the new product line.",
        gaps: "Collection is slow.",
        company_suggestions: "Give the branch a second car for visits.",
      })
      .select("id")
      .single();
    const { data: submitted } = await change(sellerUser.client, "summaries", year!.id, { status: "submitted" });
    expect(submitted?.suggestion_id).toBeTruthy();
    const { data: suggestion } = await manager.client
      .from("suggestions")
      .select("title, body, area, staff_id, territory_id, summary_id")
      .eq("id", String(submitted!.suggestion_id))
      .single();
    expect(suggestion).toEqual({
      title: "Suggestions from the annual summary 2025",
      body: "Give the branch a second car for visits.",
      area: "company",
      staff_id: seller,
      territory_id: branch,
      summary_id: year!.id,
    });
  });
});

describe("the person's file", () => {
  it("shows the manager and the person their sections and a colleague nothing", async () => {
    const { data: mine, error } = await sellerUser.client.rpc("person_file", { p_staff: seller });
    expect(error).toBeNull();
    const file = mine as { person: { id: string; is_me: boolean }; plans: unknown[]; summaries: unknown[] };
    expect(file.person).toMatchObject({ id: seller, is_me: true });
    expect(file.plans.length).toBeGreaterThan(0);
    const { data: managers } = await manager.client.rpc("person_file", { p_staff: seller });
    expect((managers as typeof file).person).toMatchObject({ id: seller, is_me: false });
    expect((managers as typeof file).summaries.length).toBe(file.summaries.length);
    expect((await colleagueUser.client.rpc("person_file", { p_staff: seller })).data).toBeNull();
    expect((await otherManager.client.rpc("person_file", { p_staff: seller })).data).toBeNull();
  });
});

describe("reminders", () => {
  it("list what is due for the signed-in person, and the reviewer's queue", async () => {
    type Reminder = {
      kind: string;
      subject_date: string | null;
      items: number;
      overdue: boolean;
      due_on: string | null;
    };
    const kinds = async (client: TestUser["client"]) => {
      const { data, error } = await client.rpc("my_reminders");
      if (error) throw new Error(error.message);
      return data as Reminder[];
    };
    const before = await kinds(colleagueUser.client);
    expect(before).toContainEqual(
      expect.objectContaining({ kind: "plan_due", subject_date: thisMonth, due_on: thisMonth.slice(0, 8) + "03" }),
    );
    const [{ n: rules } = { n: -1 }] = await sql<{ n: number }>(
      `select count(*)::int as n from public.regulations r
        where r.current_version is not null and r.status <> 'retired'
          and (r.applies_to_all_positions or exists (select 1 from public.regulation_positions rp
                where rp.regulation_id = r.id and rp.position_id = (select position_id from public.staff where id = $1)))
          and not exists (select 1 from public.acknowledgements k
                           where k.regulation_id = r.id and k.version_number = r.current_version and k.staff_id = $1)`,
      [colleague],
    );
    const toAcknowledge = before.find((r) => r.kind === "rules_to_acknowledge");
    expect(toAcknowledge?.items ?? 0).toBe(rules);
    const { data: count } = await colleagueUser.client.rpc("my_reminder_count");
    expect(count).toBe(before.reduce((sum, r) => sum + r.items, 0));

    const { data: plan } = await colleagueUser.client
      .from("monthly_plans")
      .insert({ staff_id: colleague, month: thisMonth, visits_planned: 12 })
      .select("id")
      .single();
    expect(
      (await kinds(colleagueUser.client)).some((r) => r.kind === "plan_due"),
      "a draft is not submitted",
    ).toBe(true);
    const queue = async () => (await kinds(manager.client)).find((r) => r.kind === "to_review")?.items ?? 0;
    const waiting = await queue();
    await change(colleagueUser.client, "monthly_plans", plan!.id, { status: "submitted" });
    expect((await kinds(colleagueUser.client)).some((r) => r.kind === "plan_due")).toBe(false);
    expect(await queue()).toBe(waiting + 1);
    expect((await kinds(otherManager.client)).some((r) => r.kind === "to_review")).toBe(false);
    expect(
      (await kinds(hr.client)).some((r) => r.kind === "plan_due"),
      "HR has no staff record here",
    ).toBe(false);
  });
});
