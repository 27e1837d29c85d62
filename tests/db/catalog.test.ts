// Structural checks over the live catalogue, in the spirit of Supabase's database linter
// (splinter): RLS and policies on every table, audit triggers everywhere, pinned
// search_path, no exposed definer functions, indexed foreign keys, documented tables.
import { afterAll, describe, expect, it } from "vitest";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const exposed = ["public", "graphql_public"];

describe("tables in public", () => {
  it("all have row-level security enabled", async () => {
    const rows = await sql(
      "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity",
    );
    expect(rows).toEqual([]);
  });

  // Who wrote a suggestion is the one table kept out of the log: an entry would name a hidden
  // author to whoever reads every history (tests/db/suggestions.test.ts). It is written once,
  // with its suggestion (whose own entries are audited), and never changes.
  it("all carry the audit triggers for insert, update and delete (except the log itself and suggestion authors)", async () => {
    const rows = await sql<{ relname: string; events: string[] }>(`
      select c.relname, array(select t.tgname::text from pg_trigger t where t.tgrelid = c.oid and t.tgname like 'audit\\_%' order by 1) as events
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' and c.relname not in ('audit_log', 'suggestion_authors')`);
    const missing = rows
      .filter((r) => r.events.join(",") !== "audit_delete,audit_insert,audit_update")
      .map((r) => r.relname);
    expect(missing).toEqual([]);
  });

  it("every policy is for one command and the authenticated role only, never anon", async () => {
    const rows = await sql(`
      select tablename, policyname, cmd, roles::text from pg_policies
       where schemaname = 'public' and (cmd = 'ALL' or roles <> '{authenticated}')`);
    expect(rows).toEqual([]);
  });

  it("no table has two permissive policies for the same command", async () => {
    const rows = await sql(
      `select tablename, cmd, count(*) from pg_policies where schemaname = 'public' and permissive = 'PERMISSIVE' group by 1, 2 having count(*) > 1`,
    );
    expect(rows).toEqual([]);
  });

  it("policies wrap auth.* calls in (select ...) and never read user_metadata", async () => {
    const rows = await sql<{ policyname: string; qual: string | null; with_check: string | null }>(
      `select policyname, qual, with_check from pg_policies where schemaname = 'public'`,
    );
    for (const r of rows) {
      for (const expr of [r.qual, r.with_check]) {
        if (!expr) continue;
        if (/auth\.(uid|jwt|role|email)\(\)/.test(expr)) expect(/select\s+auth\./i.test(expr), r.policyname).toBe(true);
        expect(/user_metadata/.test(expr), r.policyname).toBe(false);
      }
    }
  });

  it("write policies are never `using (true)`", async () => {
    const rows = await sql(
      `select tablename, policyname from pg_policies where schemaname = 'public' and cmd <> 'SELECT' and (coalesce(qual, 'true') = 'true' and coalesce(with_check, 'true') = 'true')`,
    );
    expect(rows).toEqual([]);
  });

  it("anon holds no privilege on any table, and no API role may truncate", async () => {
    const rows = await sql(`
      select c.relname, r.rolname, p.privilege
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        cross join (values ('anon'), ('authenticated'), ('service_role')) r(rolname)
        cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) p(privilege)
       where n.nspname = 'public' and c.relkind = 'r'
         and has_table_privilege(r.rolname, c.oid, p.privilege)
         and (r.rolname = 'anon' or p.privilege in ('TRUNCATE', 'REFERENCES', 'TRIGGER'))`);
    expect(rows).toEqual([]);
  });

  it("every foreign key has an index starting with its columns", async () => {
    const rows = await sql(`
      select c.conrelid::regclass::text as tbl, c.conname
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       where c.contype = 'f' and n.nspname = 'public'
         and not exists (
           select 1 from pg_index i
            where i.indrelid = c.conrelid
              and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)`);
    expect(rows).toEqual([]);
  });

  it("every table has a primary key and a comment", async () => {
    const rows = await sql(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and (obj_description(c.oid, 'pg_class') is null
              or not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p'))`);
    expect(rows).toEqual([]);
  });
});

describe("functions", () => {
  it("every function we own pins search_path", async () => {
    const rows = await sql(`
      select n.nspname || '.' || p.proname as fn
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prokind = 'f'
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
         and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`);
    expect(rows).toEqual([]);
  });

  it("no SECURITY DEFINER function in an exposed schema is executable by anon or authenticated", async () => {
    const rows = await sql(
      `select n.nspname || '.' || p.proname as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.prosecdef and n.nspname = any($1)
          and (has_function_privilege('anon', p.oid, 'EXECUTE') or has_function_privilege('authenticated', p.oid, 'EXECUTE'))`,
      [exposed],
    );
    expect(rows).toEqual([]);
  });

  it("nothing in public or private is executable by anon, except PostgREST's pre-request check", async () => {
    const rows = await sql<{ fn: string }>(`
      select n.nspname || '.' || p.proname as fn
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'EXECUTE')
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`);
    // PostgREST runs db-pre-request as the request's role, anonymous requests included.
    expect(rows.map((r) => r.fn).sort()).toEqual(["private.check_request", "private.preview_session_id"]);
  });

  it("the SECURITY DEFINER helpers callable by signed-in people are exactly the reviewed ones, in the unexposed private schema", async () => {
    // Each reads past RLS on purpose and checks the caller itself; adding one means adding it here.
    const reviewed = [
      // my_scopes: the caller's own scopes, which every policy helper asks.
      "access",
      "my_scopes",
      "custom_field_errors",
      "custom_fields_from_csv",
      "effective_permissions",
      "is_sales_position",
      "own_territories",
      "responsible_territories",
      "set_login_active",
      "staff_emails_taken",
      "staff_ids_by_email",
      "territory_ids_by_code",
      "verify_audit_chain",
      // Rulebook: the caller's own position and applicable rules, staff in the caller's scope,
      // and the workflow (checks the matrix, step order and four-eyes itself).
      "my_applicable_regulations",
      "my_position_ids",
      "staff_in_scope",
      "transition_regulation",
      // Access explainer and previews: the pre-request guard (reads preview sessions), starting
      // and ending one's own preview, the explainer, counting rows in a scope for the impact of
      // a matrix change, and recording a matrix version.
      "check_request",
      "end_preview",
      "explain_access",
      "record_matrix_version",
      "rows_in_scope",
      "start_preview",
      // Audit checkpoints: each checkpoint beside the log as it is now (checks the caller may read the whole log).
      "audit_checkpoint_facts",
      // Field data: the caller's own staff record (the visit and plan policies compare with it),
      // and applying a re-tiering (checks customer_tiers: retier for all rows itself).
      "my_staff_id",
      "apply_retiering",
      // The field policies' scope as one array (the caller's own scopes, and every territory's
      // id for scope all), and plan vs done's counts, which count only what the caller may read.
      "territory_scope",
      "visits_per_month",
      "plans_per_month",
      // Whether the statement's role bypasses RLS (then plan vs done counts every row).
      "caller_bypasses_rls",
      // The customer import names a code already taken by a customer the importer cannot see
      // (the unique code would refuse the row anyway; this says which line).
      "customer_codes_taken",
      // KPI measures per person, computed from all of a person's records, only for the people
      // the caller may read (the staff read rule, checked inside).
      "measure_values",
      // Targets: splitting a year's annual targets (applies the caller's read, change, add and
      // remove rules of targets itself, and refuses a row they may not add).
      "split_targets",
      // Evaluations: computing a month for the caller's scope, and each workflow step (each
      // checks the matrix in scope, the step order, four-eyes and the next level itself).
      "run_evaluations",
      "save_evaluation_scores",
      "submit_evaluation",
      "approve_evaluation",
      "return_evaluation",
      "acknowledge_evaluation",
      // Period close and amendments (each checks the matrix in scope and four-eyes itself).
      "close_period",
      "request_amendment",
      "decide_amendment",
      // Rewards: confirming or declining one (checks rewards approve in scope and that the
      // decider is not the recipient itself).
      "decide_reward",
      // Violations: deciding one (violations approve in scope, not the person's own) and the
      // person's statement (theirs only, while a draft).
      "decide_violation",
      "add_violation_statement",
      // Meetings: the meetings one is invited to (the read policies), inviting (checks meetings
      // update scope for every invitee) and turning a mark into a violation (meetings read and
      // violations create scope).
      "my_meeting_ids",
      "invite_to_meeting",
      "attendance_to_violation",
      // Training: sessions each person completed, only for people the caller may read (the
      // staff read rule) and the caller themselves (their reminders).
      "trainings_completed",
      // Suggestions: the ones one wrote (the read policy), submitting one's own (the author
      // kept apart when hidden, the audit entry naming nobody), and opening a draft rule from an
      // adopted one (checks suggestions update scope and regulations create itself).
      "my_suggestion_ids",
      "submit_suggestion",
      "suggestion_to_rule",
      // Reminders: what is due for the caller, from their own records only, each kind as their
      // matrix lets them see it, and counts in the scope where they may read and update.
      "my_reminders",
      // Discount requests: one's own authority (the requests screen and the decision) and
      // deciding one (approve scope, authority covering the discount, never the requester).
      "my_discount_authority",
      "decide_discount_request",
      // Detectors: running the switched-on checks now (checks detectors update itself), and the
      // violations read policy's own staff id (none unless the caller's scope is own).
      "run_detectors",
      "own_staff_id",
      // Dashboards: the kept sales totals per territory and month, only for territories whose
      // sales (payments, for the payment figures) the caller may read.
      "sales_per_month",
      // The KPI-actuals import: finds and writes only people whose territory that month is in
      // the caller's kpi_actuals scope (their history and the month's close, read as owner).
      "import_kpi_actuals",
    ];
    const rows = await sql<{ fn: string }>(`
      select n.nspname || '.' || p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and has_function_privilege('authenticated', p.oid, 'EXECUTE')
         and n.nspname not in ('auth', 'extensions', 'pg_catalog', 'information_schema')
       order by 1`);
    expect(rows.map((r) => r.fn)).toEqual(reviewed.map((f) => `private.${f}`).sort());
  });
});

/** UPDATE and DELETE statements of a function body that have no WHERE clause. */
function writesWithoutWhere(src: string): string[] {
  const code = src.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
  const found: string[] = [];
  for (const statement of code.split(";")) {
    const write =
      /(?<!\b(?:for|do|of|or)\s+)\b(update\s+(?:only\s+)?[\w."]+(?:\s+(?:as\s+)?\w+)?\s+set\b|delete\s+from\b)/i.exec(
        statement,
      );
    if (write && !/\bwhere\b/i.test(statement.slice(write.index)))
      found.push(statement.trim().replace(/\s+/g, " ").slice(0, 80));
  }
  return found;
}

describe("function bodies", () => {
  // Hosted Supabase loads pg-safeupdate for the API roles: an UPDATE or DELETE without WHERE
  // fails there even inside a function or trigger ("UPDATE requires a WHERE clause").
  it("never run an UPDATE or DELETE without a WHERE clause (pg-safeupdate refuses them on hosted projects)", async () => {
    const rows = await sql<{ fn: string; src: string }>(`
      select n.nspname || '.' || p.proname as fn, p.prosrc as src
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prokind = 'f'
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.flatMap(({ fn, src }) => writesWithoutWhere(src).map((s) => `${fn}: ${s}`))).toEqual([]);
  });

  it("the check tells a statement without WHERE from one with it, a row lock and an upsert", () => {
    expect(
      writesWithoutWhere("begin update private.responsibility_generation set generation = generation + 1; end"),
    ).toHaveLength(1);
    expect(writesWithoutWhere("delete from private.responsibilities;")).toHaveLength(1);
    expect(writesWithoutWhere("update t set a = 1 where true; delete from t where id = $1;")).toEqual([]);
    expect(
      writesWithoutWhere("select 1 from t for update; insert into t values (1) on conflict (id) do update set a = 2;"),
    ).toEqual([]);
  });
});

describe("views", () => {
  it("views in public run with the caller's rights (security_invoker)", async () => {
    const rows = await sql(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'v'
         and not coalesce(c.reloptions @> array['security_invoker=true'], false)`);
    expect(rows).toEqual([]);
  });
});
