// The requests the main pages send, built from the app's own select strings (loaded from
// src/ through Vite, so the bench measures what the pages ask for), and real sign-ins.
import pg from "pg";
import { demoLogins } from "../../supabase/local/demo-logins.ts";
import { createServer } from "vite";
import { repoRoot } from "../../supabase/local/config.ts";
import type { Stack } from "../../supabase/local/stack.ts";

export interface Session {
  label: string;
  token: string;
  userId: string | null;
}

export interface BenchRequest {
  path: string;
  method: "GET" | "POST";
  body?: unknown;
  /** PostgREST count mode the page asks for ("none": the page asks for no count). */
  count?: CountMode;
}

export type CountMode = "exact" | "estimated" | "none";

export interface PageQuery {
  name: string;
  /** A list page (held to the p95 and RLS/bypass targets) rather than an RPC computation. */
  list: boolean;
  request(session: Session): BenchRequest;
  /** The service role's request for the same rows (default: the same request, all rows; null: none). */
  bypass?(session: Session): BenchRequest | null;
  /** Only for these sessions (by label); by default every session but the salesperson. */
  sessions?: string[];
  /** Its own p95 target (default: the list target). */
  p95Ms?: number;
  /** Requests per measurement when fewer than the lists' do (computations that cost more each). */
  requests?: number;
}

/** The sessions the field-data pages are measured for (their targets are per territory). */
export const fieldSessions = ["territory manager", "salesperson"];

/** Signs in through the auth service like the app does and returns the access token. */
export async function signIn(stack: Stack, email: string, password: string, label: string): Promise<Session> {
  const response = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { apikey: stack.anonKey, "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token: string; user: { id: string } };
  return { label, token: body.access_token, userId: body.user.id };
}

interface Selects {
  staffListSelect: string;
  territoryTreeResource: string;
  territoryTreeSelect: string;
  regulationListSelect: string;
  auditListSelect: string;
  staffListCount: CountMode;
  auditListCount: CountMode;
  auditPageSize: number;
  orgChartPerPosition: number;
  coveragePageSize: number;
  coverageOrder: readonly string[];
  customerListSelect: string;
  targetGridSelect: string;
  topTerritories: TopTerritories;
  evaluationListSelect: string;
  evaluationSelect: string;
  actualSelect: string;
  rewardSelect: string;
  violationSelect: string;
  meetingSelect: string;
  attendanceSelect: string;
  discountRequestSelect: string;
  suggestionSelect: string;
  monthlyPlanSelect: string;
  summarySelect: string;
}

type TopTerritories = typeof import("../../src/resources/targets/queries.ts").topTerritories;

async function loadSelects(): Promise<Selects> {
  const vite = await createServer({
    root: repoRoot,
    logLevel: "silent",
    server: { middlewareMode: true, hmr: false },
    appType: "custom",
    optimizeDeps: { noDiscovery: true },
  });
  try {
    const load = (file: string) => vite.ssrLoadModule(file) as Promise<Record<string, unknown>>;
    const staff = await load("/src/resources/staff/queries.ts");
    const territories = await load("/src/resources/territories/queries.ts");
    const regulations = await load("/src/resources/regulations/queries.ts");
    const audit = await load("/src/resources/audit_log/queries.ts");
    const positions = await load("/src/resources/positions/queries.ts");
    const customers = await load("/src/resources/customers/queries.ts");
    const targetsModule = await load("/src/resources/targets/queries.ts");
    const evaluations = await load("/src/resources/evaluations/queries.ts");
    const actuals = await load("/src/resources/kpi_actuals/queries.ts");
    const rewards = await load("/src/resources/rewards/queries.ts");
    const violations = await load("/src/resources/violations/queries.ts");
    const meetings = await load("/src/resources/meetings/queries.ts");
    const discounts = await load("/src/resources/discount_requests/queries.ts");
    const suggestions = await load("/src/resources/suggestions/queries.ts");
    const plans = await load("/src/resources/monthly_plans/queries.ts");
    const summaries = await load("/src/resources/summaries/queries.ts");
    return {
      staffListSelect: String(staff.staffListSelect),
      territoryTreeResource: String(territories.territoryTreeResource),
      territoryTreeSelect: String(territories.territoryTreeSelect),
      regulationListSelect: String(regulations.regulationListSelect),
      auditListSelect: String(audit.auditListSelect),
      staffListCount: staff.staffListCount as CountMode,
      auditListCount: audit.auditListCount as CountMode,
      auditPageSize: Number(audit.auditPageSize),
      orgChartPerPosition: Number(positions.orgChartPerPosition),
      coveragePageSize: Number(regulations.coveragePageSize),
      coverageOrder: regulations.coverageOrder as readonly string[],
      customerListSelect: String(customers.customerListSelect),
      targetGridSelect: String(targetsModule.targetGridSelect),
      topTerritories: targetsModule.topTerritories as TopTerritories,
      evaluationListSelect: String(evaluations.evaluationListSelect),
      evaluationSelect: String(evaluations.evaluationSelect),
      actualSelect: String(actuals.actualSelect),
      rewardSelect: String(rewards.rewardSelect),
      violationSelect: String(violations.violationSelect),
      meetingSelect: String(meetings.meetingSelect),
      attendanceSelect: String(meetings.attendanceSelect),
      discountRequestSelect: String(discounts.discountRequestSelect),
      suggestionSelect: String(suggestions.suggestionSelect),
      monthlyPlanSelect: String(plans.monthlyPlanSelect),
      summarySelect: String(summaries.summarySelect),
    };
  } finally {
    await vite.close();
  }
}

const enc = encodeURIComponent;

export async function pageQueries(stack: Stack): Promise<PageQuery[]> {
  const s = await loadSelects();
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  const one = async (sql: string) => (await db.query<{ v: string }>(sql)).rows[0]?.v ?? "";
  // A rule in force and one person with a long history (both from the reference set).
  const rule = await one("select id::text as v from public.regulations where code = 'BEN-001'");
  const person = await one("select s.id::text as v from public.staff s where s.email = 'sales@example.com'");
  // Each field-data session's scope: the manager's region (NOR) and the salesperson's area.
  const scope = async (code: string) =>
    (
      await db.query<{ root: string; ids: string[] }>(
        `select r.id::text as root, array_agg(t.id::text order by t.code) as ids
           from public.territories r join public.territories t on t.path <@ r.path where r.code = $1 group by r.id`,
        [code],
      )
    ).rows[0];
  // A salesperson's own scope is their territory alone (not the areas below it) and the
  // customers they own there.
  const own = (
    await db.query<{ root: string; staff: string }>(
      `select s.territory_id::text as root, s.id::text as staff from public.staff s where s.email = 'sales@example.com'`,
    )
  ).rows[0];
  const scopes: Record<string, { root: string; ids: string[]; owner?: string } | undefined> = {
    "territory manager": await scope("NOR"),
    salesperson: own && { root: own.root, ids: [own.root], owner: own.staff },
  };
  const customerCount = await one("select count(*)::text as v from public.customers where code like 'BC-%'");
  // Two editions of the handbook to compare, published by HR the first time the bench runs on
  // this database (each freezes the whole reference handbook as in force on its day).
  const editions = async () =>
    (
      await db.query<{ id: string }>(
        "select id::text from public.handbook_editions where note like 'Bench edition %' order by number",
      )
    ).rows;
  if ((await editions()).length < 2) {
    await db.query("begin");
    await db.query(
      `select set_config('request.jwt.claims', json_build_object('sub', p.id, 'role', 'authenticated')::text, true)
         from public.profiles p where p.email = $1`,
      [demoLogins.find((l) => l.role === "hr_admin")!.email],
    );
    await db.query("set local role authenticated");
    await db.query(
      `insert into public.handbook_editions (as_of, note)
       values (current_date - 400, 'Bench edition A (a year ago)'), (current_date, 'Bench edition B (today)')`,
    );
    await db.query("commit");
  }
  const [editionA, editionB] = await editions();
  // Last month's evaluation of someone in the manager's region (both HR and the manager read it).
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 10);
  const evaluation = await one(
    `select e.id::text as v from public.evaluations e join public.territories t on t.id = e.territory_id
      where e.month = '${lastMonth}' and t.path <@ (select r.path from public.territories r where r.code = 'NOR')
      order by e.id limit 1`,
  );
  const salesKpi = await one("select id::text as v from public.kpis where code = 'sales_amount'");
  // A past meeting of an area in the manager's region, with its ten marks.
  const meeting = await one(
    `select m.id::text as v from public.meetings m join public.territories t on t.id = m.territory_id
      where m.title like 'Meeting %' and m.held_on < current_date
        and t.path <@ (select r.path from public.territories r where r.code = 'NOR')
      order by m.held_on desc, m.id limit 1`,
  );
  // The person's page as the manager opens it: a salesperson of their region with a full file
  // (the most training sessions, then summaries).
  const filePerson = await one(
    `select s.id::text as v from public.staff s join public.territories t on t.id = s.territory_id
      where t.path <@ (select r.path from public.territories r where r.code = 'NOR')
      order by (select count(*) from public.meeting_attendance a where a.staff_id = s.id) desc,
               (select count(*) from public.summaries x where x.staff_id = s.id) desc, s.id
      limit 1`,
  );
  // Every territory with its parent, for the targets grid's levels below.
  const territoryList = (
    await db.query<{ id: string; code: string; name: string; parent_id: string | null }>(
      "select id::text, code, name, parent_id::text from public.territories",
    )
  ).rows;
  await db.end();
  if (!filePerson)
    throw new Error("the bench database has no staff in the north region: run `npm run seed:large` again");
  if (!rule || !person) throw new Error("the bench database lacks the reference rows: run `npm run seed:large` again");
  if (Number(customerCount) === 0)
    throw new Error("the bench database has no field data: run `npm run seed:large` again");
  if (!evaluation) throw new Error("the bench database has no evaluations: run `npm run seed:large` again");
  if (!meeting) throw new Error("the bench database has no meetings: run `npm run seed:large` again");
  const page = (size: number) => `offset=0&limit=${size}`;
  const scopeOf = (session: Session) => {
    const found = scopes[session.label];
    if (!found) throw new Error(`no territory scope for ${session.label}`);
    return found;
  };
  // The pages' own defaults: the visit plan's last six months, this one included.
  const now = new Date();
  const monthStart = (back: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  /** A list's first page as it opens: 25 rows with the exact count. */
  const firstPage = (table: string, select: string, query: string): BenchRequest => ({
    method: "GET",
    count: "exact",
    path: `/rest/v1/${table}?select=${enc(select)}${query}&${page(25)}`,
  });
  const customerList = (filter: string) => firstPage("customers", s.customerListSelect, `${filter}&order=name.asc`);
  const overdue = (body: Record<string, string>): BenchRequest => ({
    method: "POST",
    count: "exact",
    path: `/rest/v1/rpc/overdue_customers?order=days_overdue.desc,code.asc&${page(25)}`,
    body,
  });
  const planVsDone = (body: Record<string, string>, filter = ""): BenchRequest => ({
    method: "POST",
    path: `/rest/v1/rpc/visit_plan_vs_done${filter}`,
    body: { p_from: monthStart(5), p_to: monthEnd, ...body },
  });
  const fieldQueries: PageQuery[] = [
    {
      name: "customer list",
      list: true,
      sessions: fieldSessions,
      // The list as it opens: a salesperson's "My customers" (those they own), everyone else's
      // every customer they may see.
      request: (session) => {
        const { owner } = scopeOf(session);
        return customerList(owner ? `&owner_id=eq.${owner}` : "");
      },
      bypass: (session) => {
        const { owner, ids } = scopeOf(session);
        return customerList(owner ? `&owner_id=eq.${owner}` : `&territory_id=in.(${ids.join(",")})`);
      },
    },
    {
      name: "overdue visits",
      list: true,
      sessions: fieldSessions,
      request: () => overdue({}),
      bypass: (session) => {
        const { root, owner } = scopeOf(session);
        return overdue(owner ? { p_owner: owner } : { p_territory: root });
      },
    },
    {
      name: "visit plan vs done (6 months)",
      list: true,
      sessions: fieldSessions,
      request: () => planVsDone({}),
      // A salesperson's plan vs done is their own rows: without RLS, their territory's, filtered
      // to them (the function computes their territory's peers too, then PostgREST keeps theirs).
      bypass: (session) => {
        const scope = scopeOf(session);
        return scope.owner
          ? planVsDone({ p_territory: scope.root }, `?staff_id=eq.${scope.owner}`)
          : planVsDone({ p_territory: scope.root });
      },
    },
  ];
  // The performance pages: the targets grid (a year and a KPI), last month's evaluations and one
  // evaluation with its lines, as the manager (their region) and HR (everyone).
  const managerScope = scopes["territory manager"];
  const inRegion = (session: Session) =>
    session.label === "territory manager" && managerScope ? `&territory_id=in.(${managerScope.ids.join(",")})` : "";
  // The targets grid is read level by level, as the page reads it (target_grid): as it opens,
  // the top territories the reader sees and their children's own rows with the top ones'
  // people; then with a territory opened below the top one (its children's rows and its people
  // added). The manager reads their region's territories, HR every territory.
  const readableTerritories = (session: Session) => {
    const region = session.label === "territory manager" ? new Set(managerScope?.ids ?? []) : null;
    return region ? territoryList.filter((t) => region.has(t.id)) : territoryList;
  };
  const targetGrid = (session: Session, openOneBelow: boolean): BenchRequest => {
    const readable = readableTerritories(session);
    const tops = new Set(s.topTerritories(readable));
    // The first territory below the top ones (by code) that has territories of its own.
    const below = openOneBelow
      ? readable
          .filter((t) => t.parent_id && tops.has(t.parent_id) && readable.some((c) => c.parent_id === t.id))
          .sort((a, b) => a.code.localeCompare(b.code))[0]
      : undefined;
    return {
      method: "POST",
      path: `/rest/v1/rpc/target_grid?select=${enc(s.targetGridSelect)}`,
      body: { p_year: now.getUTCFullYear(), p_kpi: salesKpi, p_opened: below ? [below.id] : [] },
    };
  };
  const evaluationList = (filter: string) =>
    firstPage(
      "evaluations",
      s.evaluationListSelect,
      `&month=eq.${lastMonth}${filter}&order=total_score.desc.nullslast,id.asc`,
    );
  // The actuals list as it opens (last month, newest first) and the rewards list (newest first).
  const actualList = (filter: string) =>
    firstPage("kpi_actuals", s.actualSelect, `&month=eq.${lastMonth}${filter}&order=updated_at.desc`);
  const rewardList = (filter: string) => firstPage("rewards", s.rewardSelect, `${filter}&order=awarded_on.desc`);
  // The violations list as it opens (newest first).
  const violationList = (filter: string) =>
    firstPage("violations", s.violationSelect, `${filter}&order=occurred_on.desc`);
  // The meetings list as it opens (newest first) and one meeting's attendance sheet.
  const meetingList = (filter: string) => firstPage("meetings", s.meetingSelect, `${filter}&order=held_on.desc`);
  const attendanceSheet: BenchRequest = {
    method: "GET",
    path: `/rest/v1/meeting_attendance?select=${enc(s.attendanceSelect)}&meeting_id=eq.${meeting}`,
  };
  // The discount-request queue as it opens: pending, newest first.
  const discountQueue = (filter: string) =>
    firstPage("discount_requests", s.discountRequestSelect, `&status=eq.pending${filter}&order=created_at.desc`);
  const performanceQueries: PageQuery[] = [
    {
      name: "targets grid",
      list: true,
      request: (session) => targetGrid(session, false),
    },
    {
      name: "a territory opened in the targets grid",
      list: true,
      request: (session) => targetGrid(session, true),
    },
    {
      name: "evaluations of a month",
      list: true,
      request: () => evaluationList(""),
      bypass: (session) => evaluationList(inRegion(session)),
    },
    {
      name: "KPI actuals of a month",
      list: true,
      request: () => actualList(""),
      bypass: (session) => actualList(inRegion(session)),
    },
    {
      name: "rewards",
      list: true,
      request: () => rewardList(""),
      bypass: (session) => rewardList(inRegion(session)),
    },
    {
      name: "violations",
      list: true,
      request: () => violationList(""),
      bypass: (session) => violationList(inRegion(session)),
    },
    {
      name: "meetings",
      list: true,
      request: () => meetingList(""),
      bypass: (session) => meetingList(inRegion(session)),
    },
    {
      name: "discount-request queue",
      list: true,
      request: () => discountQueue(""),
      bypass: (session) => discountQueue(inRegion(session)),
    },
    {
      name: "a meeting's attendance sheet",
      list: true,
      request: () => attendanceSheet,
    },
    {
      name: "one evaluation",
      list: true,
      request: () => ({
        method: "GET",
        path: `/rest/v1/evaluations?select=${enc(s.evaluationSelect)}&id=eq.${evaluation}`,
      }),
    },
  ];
  // The dashboard's cards as the territory manager opens the page (this year, January to this
  // month, the sales KPI, everything they may see), each its own RPC. The service role's
  // equivalent is the same call for the manager's region where a card takes one.
  const year = now.getUTCFullYear();
  const thisMonth = now.getUTCMonth() + 1;
  const managerRoot = managerScope?.root ?? "";
  const card = (fn: string, body: Record<string, unknown>, bypassBody: Record<string, unknown> | null): PageQuery => ({
    name: `dashboard: ${fn.replace(/^dashboard_/, "").replace(/_/g, " ")}`,
    list: true,
    sessions: ["territory manager"],
    p95Ms: 100,
    requests: 60,
    request: () => ({ method: "POST", path: `/rest/v1/rpc/${fn}`, body }),
    bypass: () => (bypassBody ? { method: "POST", path: `/rest/v1/rpc/${fn}`, body: bypassBody } : null),
  });
  const yearDays = { p_from: `${year}-01-01`, p_to: monthEnd };
  const dashboardQueries: PageQuery[] = [
    card("dashboard_achievement", { p_kpi: salesKpi, p_year: year, p_from_month: 1, p_to_month: thisMonth }, null),
    card(
      "dashboard_months",
      { p_kpi: salesKpi, p_year: year },
      { p_kpi: salesKpi, p_year: year, p_territory: managerRoot },
    ),
    card("dashboard_sales", { p_year: year }, { p_year: year, p_territory: managerRoot }),
    card("dashboard_outstanding", {}, { p_territory: managerRoot }),
    card("dashboard_bands", {}, { p_territory: managerRoot }),
    card("dashboard_plans", {}, { p_territory: managerRoot }),
    card("dashboard_overdue", {}, { p_territory: managerRoot }),
    card("dashboard_visit_compliance", yearDays, { ...yearDays, p_territory: managerRoot }),
    card("dashboard_violations", yearDays, { ...yearDays, p_territory: managerRoot }),
    card("dashboard_acknowledgements", {}, null),
    card("dashboard_ranking", { p_kpi: salesKpi, p_year: year, p_from_month: 1, p_to_month: thisMonth }, null),
    {
      // The handbook's one call (every rule's version in force in three languages, every
      // position, KPI, template, band and tier), as HR reads it: the data a render waits for.
      name: "handbook (its data, today)",
      list: true,
      sessions: ["HR"],
      p95Ms: 2000,
      requests: 20,
      request: () => ({ method: "POST", path: "/rest/v1/rpc/handbook", body: {} }),
    },
    {
      // Two editions compared chapter by chapter (a year apart: the reference rules' later
      // versions changed), as HR opens the comparison.
      name: "handbook editions compared",
      list: true,
      sessions: ["HR"],
      p95Ms: 2000,
      requests: 20,
      request: () => ({
        method: "POST",
        path: "/rest/v1/rpc/handbook_edition_diff",
        body: { p_from: editionA!.id, p_to: editionB!.id },
      }),
    },
  ];
  // The person's file: the lists as they open (newest first), the person's page as the
  // manager opens it (one call, every section through their policies) and the bell's count.
  const suggestionList = (filter: string) =>
    firstPage("suggestions", s.suggestionSelect, `${filter}&order=submitted_at.desc`);
  const summaryList = (filter: string) => firstPage("summaries", s.summarySelect, `${filter}&order=period_start.desc`);
  const planList = (filter: string) => firstPage("monthly_plans", s.monthlyPlanSelect, `${filter}&order=month.desc`);
  const fileQueries: PageQuery[] = [
    {
      name: "suggestions",
      list: true,
      request: () => suggestionList(""),
      bypass: (session) => suggestionList(inRegion(session)),
    },
    {
      name: "summaries",
      list: true,
      request: () => summaryList(""),
      bypass: (session) => summaryList(inRegion(session)),
    },
    {
      name: "monthly plans",
      list: true,
      request: () => planList(""),
      bypass: (session) => planList(inRegion(session)),
    },
    {
      name: "the person's page",
      list: true,
      sessions: ["territory manager"],
      p95Ms: 100,
      request: () => ({ method: "POST", path: "/rest/v1/rpc/person_file", body: { p_staff: filePerson } }),
    },
    {
      name: "reminders count",
      list: true,
      sessions: ["territory manager", "HR", "salesperson"],
      p95Ms: 20,
      request: () => ({ method: "POST", path: "/rest/v1/rpc/my_reminder_count", body: {} }),
      // The service role is nobody: it has no reminders to compare with.
      bypass: () => null,
    },
  ];
  return [
    ...fieldQueries,
    ...performanceQueries,
    ...fileQueries,
    ...dashboardQueries,
    {
      name: "staff list",
      list: true,
      request: () => ({
        method: "GET",
        count: s.staffListCount,
        path: `/rest/v1/staff?select=${enc(s.staffListSelect)}&order=full_name.asc&${page(25)}`,
      }),
    },
    {
      name: "territories tree",
      list: true,
      request: () => ({
        method: "GET",
        path: `/rest/v1/${s.territoryTreeResource}?select=${enc(s.territoryTreeSelect)}`,
      }),
    },
    {
      name: "org chart",
      list: true,
      request: () => ({
        method: "POST",
        path: "/rest/v1/rpc/org_chart_members",
        body: { p_per_position: s.orgChartPerPosition },
      }),
    },
    {
      name: "regulations list",
      list: true,
      request: () => firstPage("regulations", s.regulationListSelect, "&order=code.asc"),
    },
    ...(
      [
        ["en", "discount"],
        ["es", "descuento"],
        ["zh", "折扣"],
      ] as const
    ).map(([lang, term]) => ({
      name: `regulation search (${lang})`,
      list: false,
      request: (): BenchRequest => ({
        method: "POST",
        path: "/rest/v1/rpc/search_regulations",
        body: { p_query: term, p_limit: 50 },
      }),
    })),
    // The coverage page: counts per territory, and the first page of people with their count.
    {
      name: "coverage by territory",
      list: false,
      request: () => ({
        method: "POST",
        path: "/rest/v1/rpc/regulation_coverage_groups",
        body: { p_regulation: rule },
      }),
    },
    {
      name: "coverage people",
      list: true,
      request: () => ({
        method: "POST",
        count: "exact",
        path: `/rest/v1/rpc/regulation_coverage?order=${s.coverageOrder.map((c) => `${c}.asc`).join(",")}&${page(s.coveragePageSize)}`,
        body: { p_regulation: rule },
      }),
    },
    // The log page asks for one row more than it shows (is there an older page?).
    {
      name: "audit log",
      list: true,
      request: () => ({
        method: "GET",
        count: s.auditListCount,
        path: `/rest/v1/audit_log?select=${enc(s.auditListSelect)}&order=id.desc&${page(s.auditPageSize + 1)}`,
      }),
    },
    {
      name: "one record's history",
      list: true,
      request: () => ({
        method: "GET",
        count: "exact",
        path: `/rest/v1/audit_log?select=*&table_name=eq.staff&record_id=eq.${person}&order=id.desc&${page(20)}`,
      }),
    },
    {
      name: "effective permissions",
      list: false,
      request: (session) => ({
        method: "POST",
        path: "/rest/v1/rpc/effective_permissions",
        body: { p_user: session.userId },
      }),
    },
  ];
}

/** A non-sales person inside the manager's region (both HR and the manager may edit them). */
export async function staffInRegion(stack: Stack): Promise<string> {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `select s.id::text as id from public.staff s join public.territories t on t.id = s.territory_id
        where t.path <@ (select r.path from public.territories r where r.code = 'NOR') and s.status = 'active'
          and not exists (select 1 from public.positions p where p.id = s.position_id and p.default_role_code = 'salesperson')
        order by s.email limit 1`,
    );
    if (!rows[0]) throw new Error("no editable person in the manager's region");
    return rows[0].id;
  } finally {
    await db.end();
  }
}
