// Training: a session is a meeting of kind training with a topic from the catalogue, a trainer,
// material and a pass score; participants who attended are assessed; each person's record says
// what they completed; "training completed" is a registry measure; a rule can require a topic,
// and its coverage shows by territory. Each rule both ways through PostgREST with real JWTs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { arranger, ruleInForce } from "../support/people.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const a = arranger("TR");
let region: string;
let branch: string;
let position: string;
let seller: string;
let colleague: string;
let sellerUser: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;
let products: string;
let boss: string;

beforeAll(async () => {
  [sellerUser, manager, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  position = await a.position();
  boss = await a.person("Training Boss", null, manager.id, { position: "regional_director" });
  region = await a.territory("REGION", { manager: boss });
  branch = await a.territory("BRANCH", { parent: region });
  seller = await a.person("Training Seller", branch, sellerUser.id, { positionId: position, hired: "2026-08-01" });
  colleague = await a.person("Training Colleague", region, null, { positionId: position, hired: "2026-08-01" });
  await a.territory("AWAY", {
    manager: await a.person("Away Boss", null, otherManager.id, { position: "regional_director" }),
  });
  products = (await sql<{ id: string }>("select id from public.training_topics where code = 'products'"))[0]!.id;
}, 60_000);

type Session = { id: string; topic_id: string | null; trainer: string; pass_score: number | null };
async function session(client: TestUser["client"], fields: Record<string, unknown>) {
  return client
    .from("meetings")
    .insert({
      kind: "training",
      title: "Product training",
      held_on: "2026-11-18",
      duration_minutes: 180,
      territory_id: region,
      organiser_id: boss,
      topic_id: products,
      trainer: "Production department",
      material: "Catalogue 2027, chapter 3",
      ...fields,
    } as never)
    .select("*")
    .single<Session>();
}
async function heldSession(fields: Record<string, unknown> = {}): Promise<Session> {
  const { data, error } = await session(manager.client, fields);
  if (error || !data) throw new Error(error?.message ?? "no session");
  const { error: inviteError } = await manager.client.rpc("invite_to_meeting", {
    p_meeting: data.id,
    p_staff: [seller, colleague],
  });
  if (inviteError) throw new Error(inviteError.message);
  return data;
}
async function assess(meeting: string, staff: string, fields: Record<string, unknown>, client = manager.client) {
  const [row] = await sql<{ id: string; version: number }>(
    "select id, version from public.meeting_attendance where meeting_id = $1 and staff_id = $2",
    [meeting, staff],
  );
  return client
    .from("meeting_attendance")
    .update({ version: row!.version, ...fields } as never)
    .eq("id", row!.id)
    .select("mark, assessment_score")
    .maybeSingle();
}

describe("training sessions", () => {
  it("need a topic and a trainer; other meetings take neither", async () => {
    expect((await session(manager.client, { topic_id: null })).error?.code).toBe("23514");
    expect((await session(manager.client, { trainer: " " })).error?.code).toBe("23514");
    const { error: weekly } = await session(manager.client, { kind: "weekly_sales", topic_id: null });
    expect(weekly?.code, "a weekly meeting has no trainer or material").toBe("23514");
    const { data, error } = await session(manager.client, { pass_score: 70 });
    expect(error).toBeNull();
    expect(data).toMatchObject({ topic_id: products, trainer: "Production department", pass_score: 70 });
    for (const client of [otherManager.client, sellerUser.client, auditor.client])
      expect((await session(client, {})).error?.code).toBe("42501");
  });

  it("assess only those who attended, and the record says who completed it", async () => {
    const held = await heldSession({ pass_score: 70 });
    expect((await assess(held.id, colleague, { mark: "absent", assessment_score: 90 })).error?.details).toBe(
      "score_needs_attendance",
    );
    expect((await assess(held.id, seller, { mark: "present", assessment_score: 101 })).error?.code).toBe("23514");
    expect((await assess(held.id, seller, { mark: "present", assessment_score: 82.5 })).error).toBeNull();
    expect(
      (await assess(held.id, colleague, { mark: "late", minutes_late: 10, assessment_score: 60 })).error,
    ).toBeNull();
    // Someone out of scope and the person themselves do not assess.
    expect((await assess(held.id, seller, { assessment_score: 10 }, otherManager.client)).data).toBeNull();
    expect((await assess(held.id, seller, { assessment_score: 100 }, sellerUser.client)).data).toBeNull();

    const { data: managerView } = await manager.client
      .from("training_records")
      .select("staff_id, completed, assessment_score")
      .eq("meeting_id", held.id)
      .order("staff_id");
    expect(managerView).toEqual(
      [
        { staff_id: seller, completed: true, assessment_score: 82.5 },
        { staff_id: colleague, completed: false, assessment_score: 60 },
      ].sort((x, y) => x.staff_id.localeCompare(y.staff_id)),
    );
    const { data: own } = await sellerUser.client.from("training_records").select("staff_id").eq("meeting_id", held.id);
    expect(own).toEqual([{ staff_id: seller }]);
    const { data: away } = await otherManager.client.from("training_records").select("id").eq("meeting_id", held.id);
    expect(away).toEqual([]);
    // Scores fix the session's topic.
    const { error: retopic } = await manager.client
      .from("meetings")
      .update({
        topic_id: (await sql<{ id: string }>("select id from public.training_topics where code = 'finance'"))[0]!.id,
      })
      .eq("id", held.id);
    expect(retopic?.details).toBe("session_assessed");
  });

  it("a weekly meeting's participants are not assessed", async () => {
    const { data: weekly } = await manager.client
      .from("meetings")
      .insert({ title: "Weekly", held_on: "2026-11-16", territory_id: region, organiser_id: boss })
      .select("id")
      .single();
    await manager.client.rpc("invite_to_meeting", { p_meeting: weekly!.id, p_staff: [seller] });
    expect((await assess(weekly!.id, seller, { mark: "present", assessment_score: 80 })).error?.details).toBe(
      "score_needs_training",
    );
  });
});

describe("training completed, the registry measure", () => {
  it("counts the sessions each person completed in the period, as SQL written here counts them", async () => {
    const passed = await heldSession({ held_on: "2026-09-10", pass_score: 50 });
    await assess(passed.id, seller, { mark: "present", assessment_score: 70 });
    await assess(passed.id, colleague, { mark: "present", assessment_score: 40 });
    const open = await heldSession({ held_on: "2026-09-20", topic_id: products });
    await assess(open.id, seller, { mark: "late", minutes_late: 5 });
    await assess(open.id, colleague, { mark: "left_early", minutes_early: 30 });

    const { data, error } = await manager.client.rpc("kpi_measure_values", {
      p_measure: "training_completed",
      p_from: "2026-09-01",
      p_to: "2026-09-30",
      p_staff: [seller, colleague],
    });
    expect(error).toBeNull();
    const expected = await sql<{ staff_id: string; value: string }>(
      `select p.id as staff_id, count(x.meeting_id)::text as value
         from unnest($1::uuid[]) p(id)
         left join (select a.staff_id, a.meeting_id
                      from public.meeting_attendance a, public.meetings m
                     where m.id = a.meeting_id and m.kind = 'training'
                       and m.held_on >= '2026-09-01' and m.held_on < '2026-10-01'
                       and a.mark in ('present', 'late')
                       and (m.pass_score is null or a.assessment_score >= m.pass_score)) x on x.staff_id = p.id
        group by p.id`,
      [[seller, colleague]],
    );
    const values = Object.fromEntries(
      ((data ?? []) as { staff_id: string; value: number }[]).map((r) => [r.staff_id, Number(r.value)]),
    );
    expect(values).toEqual(Object.fromEntries(expected.map((r) => [r.staff_id, Number(r.value)])));
    expect(values[seller]).toBe(2);
    expect(values[colleague]).toBe(0);
    // Someone out of scope gets nobody's values.
    const { data: away } = await otherManager.client.rpc("kpi_measure_values", {
      p_measure: "training_completed",
      p_from: "2026-09-01",
      p_to: "2026-09-30",
      p_staff: [seller, colleague],
    });
    expect(away ?? []).toEqual([]);
  });
});

describe("a rule that requires a training", () => {
  it("is set by HR only, and its coverage shows by territory who completed it", async () => {
    const rule = await ruleInForce(`TR-${a.tag}`, position);
    const finance = (await sql<{ id: string }>("select id from public.training_topics where code = 'finance'"))[0]!.id;
    for (const client of [manager.client, auditor.client, sellerUser.client]) {
      const { data } = await client
        .from("regulation_trainings")
        .insert({ regulation_id: rule, topic_id: finance })
        .select("regulation_id");
      expect(data ?? []).toEqual([]);
    }
    const { data: set, error } = await hr.client
      .from("regulation_trainings")
      .insert({ regulation_id: rule, topic_id: finance, due_within_days: 60, created_by: manager.id } as never)
      .select("regulation_id, created_by");
    expect(error?.code, "who set it is the database's to say").toBe("42501");
    expect(set ?? []).toEqual([]);
    const { data: setOk, error: okError } = await hr.client
      .from("regulation_trainings")
      .insert({ regulation_id: rule, topic_id: finance, due_within_days: 60 })
      .select("regulation_id, created_by")
      .single();
    expect(okError).toBeNull();
    expect(setOk?.created_by).toBe(hr.id);
    // The person the rule applies to reads the requirement; someone out of it does not.
    expect(
      (await sellerUser.client.from("regulation_trainings").select("topic_id").eq("regulation_id", rule)).data,
    ).toEqual([{ topic_id: finance }]);

    const held = await heldSession({ held_on: "2026-11-02", topic_id: finance });
    await assess(held.id, seller, { mark: "present" });
    // Coverage is read by whoever reads the rule (HR here; the manager reads only the rules that
    // apply to them, as for acknowledgements).
    const { data: people } = await hr.client
      .rpc("regulation_training_coverage", { p_regulation: rule, p_territory: region })
      .select("staff_id, completed, completed_on, due_on")
      .order("staff_id");
    expect(people).toEqual(
      [
        { staff_id: seller, completed: true, completed_on: "2026-11-02", due_on: "2026-09-30" },
        { staff_id: colleague, completed: false, completed_on: null, due_on: "2026-09-30" },
      ].sort((x, y) => x.staff_id.localeCompare(y.staff_id)),
    );
    const { data: groups } = await hr.client.rpc("regulation_training_coverage_groups", {
      p_regulation: rule,
      p_territory: region,
    });
    expect(groups).toEqual([
      expect.objectContaining({ territory_id: branch, total: 1, completed: 1 }),
      expect.objectContaining({ territory_id: null, total: 1, completed: 0 }),
    ]);
    for (const client of [otherManager.client, manager.client]) {
      const { data: away } = await client.rpc("regulation_training_coverage", { p_regulation: rule });
      expect(away).toEqual([]);
    }
  });
});
