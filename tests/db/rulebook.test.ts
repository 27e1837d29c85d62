// The rulebook's rules, through PostgREST with real JWTs: the workflow moves one step at a
// time and only for roles the matrix grants, with a second person publishing; publishing
// freezes a numbered version and a revision leaves the published one in force; drafts stay
// with HR and auditors; acknowledgements are of the version in force and asked again on a new
// one; two HR users cannot overwrite each other; search finds Chinese inside Chinese text;
// coverage counts only the people the caller may see.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type Client, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";
import { categoryId, moveRule, ruleVersion, writeRule, type RuleInput } from "../support/rules.ts";

afterAll(closePools);

const admin = () => serviceClient();
const tag = () => randomUUID().slice(0, 6).toUpperCase();

async function one<R extends { data: unknown; error: { message: string } | null }>(
  promise: PromiseLike<R>,
): Promise<NonNullable<R["data"]>> {
  const { data, error } = await promise;
  if (error || data === null || data === undefined) throw new Error(error?.message ?? "no row");
  return data as NonNullable<R["data"]>;
}

const people = {} as Record<"hr1" | "hr2" | "manager" | "auditor" | "sales", TestUser>;
let category = "";
let assistantPosition = "";
let salesStaff = "";

async function positionId(code: string): Promise<string> {
  return (await one(admin().from("positions").select("id").eq("code", code).single())).id;
}

async function staffFor(user: TestUser, position: string, territory: string | null = null): Promise<string> {
  return (
    await one(
      admin()
        .from("staff")
        .insert({
          full_name: user.fullName,
          email: user.email,
          position_id: position,
          territory_id: territory,
          user_id: user.id,
        })
        .select("id")
        .single(),
    )
  ).id;
}

const createRule = (client: Client, input: RuleInput = {}) => writeRule(client, category, input);
const versionOf = ruleVersion;
const move = moveRule;

/** HR 1 submits, HR 2 publishes. */
async function publish(id: string) {
  expect((await move(people.hr1.client, id, "in_review")).error).toBeNull();
  const result = await move(people.hr2.client, id, "published");
  expect(result.error).toBeNull();
  return result.data!;
}

async function saveText(
  client: Client,
  id: string,
  fields: { title_en?: string; body_en?: string; body_zh?: string },
  versions?: { rule: number; draft: number },
) {
  const rule = await one(
    admin()
      .from("regulations")
      .select("version, category_id, effective_date, applies_to_all_positions")
      .eq("id", id)
      .single(),
  );
  const draft = await one(admin().from("regulation_drafts").select("*").eq("regulation_id", id).single());
  return client.rpc("save_regulation", {
    p_regulation: id,
    p_version: versions?.rule ?? rule.version,
    p_draft_version: versions?.draft ?? draft.version,
    p_category: rule.category_id,
    p_effective_date: rule.effective_date!,
    p_applies_to_all: rule.applies_to_all_positions,
    p_positions: [],
    p_title_en: fields.title_en ?? draft.title_en,
    p_title_es: draft.title_es,
    p_title_zh: draft.title_zh,
    p_body_en: fields.body_en ?? draft.body_en,
    p_body_es: draft.body_es,
    p_body_zh: fields.body_zh ?? draft.body_zh,
  });
}

beforeAll(async () => {
  people.hr1 = await createTestUser(["hr_admin"]);
  people.hr2 = await createTestUser(["hr_admin"]);
  people.manager = await createTestUser(["manager"]);
  people.auditor = await createTestUser(["auditor"]);
  people.sales = await createTestUser(["salesperson"]);
  category = await categoryId();
  assistantPosition = await positionId("sales_assistant");
  salesStaff = await staffFor(people.sales, assistantPosition);
}, 60_000);

describe("the workflow is enforced by the database", () => {
  it("HR drafts and submits, a second HR publishes version 1 with who approved it and when", async () => {
    const rule = await createRule(people.hr1.client);
    const published = await publish(rule.id);
    expect(published).toMatchObject({ status: "published", current_version: 1, draft_number: 2 });
    const version = await one(admin().from("regulation_versions").select("*").eq("regulation_id", rule.id).single());
    expect(version).toMatchObject({
      version_number: 1,
      submitted_by: people.hr1.id,
      published_by: people.hr2.id,
      title_en: `Rule ${rule.code}`,
    });
    expect(Date.now() - new Date(version.published_at).getTime()).toBeLessThan(60_000);
  });

  it("publishing one's own submission is refused: another person must publish it", async () => {
    const rule = await createRule(people.hr1.client);
    expect((await move(people.hr1.client, rule.id, "in_review")).error).toBeNull();
    const { error } = await move(people.hr1.client, rule.id, "published");
    expect(error?.details).toBe("four_eyes");
    expect(error?.message).toBe("You submitted this rule for review: another person must publish it.");
    expect((await one(admin().from("regulations").select("status").eq("id", rule.id).single())).status).toBe(
      "in_review",
    );
  });

  it("the matrix can waive the four-eyes rule with publish_own, on the very next request", async () => {
    const rule = await createRule(people.hr1.client);
    expect((await move(people.hr1.client, rule.id, "in_review")).error).toBeNull();
    await sql(
      "insert into public.role_permissions (role_code, resource, action, scope) values ('hr_admin', 'regulations', 'publish_own', 'all')",
    );
    try {
      expect((await move(people.hr1.client, rule.id, "published")).error).toBeNull();
    } finally {
      await sql(
        "delete from public.role_permissions where role_code = 'hr_admin' and resource = 'regulations' and action = 'publish_own'",
      );
    }
  });

  it("a move that skips a step is refused with the order of steps", async () => {
    const rule = await createRule(people.hr1.client);
    const { error } = await move(people.hr2.client, rule.id, "published");
    expect(error?.details).toBe("workflow_step");
    expect(error?.message).toContain("cannot go from draft to published");
    const retired = await move(people.hr2.client, rule.id, "retired");
    expect(retired.error?.details).toBe("workflow_step");
  });

  it("submitting without an effective date is refused as incomplete", async () => {
    const rule = await createRule(people.hr1.client, { effective: null });
    const { error } = await move(people.hr1.client, rule.id, "in_review");
    expect(error?.details).toBe("incomplete");
  });

  it("managers, auditors and salespeople cannot move a rule; nobody changes its status by a plain update", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    for (const who of ["manager", "auditor", "sales"] as const) {
      const { error } = await move(people[who].client, rule.id, "retired");
      // The rule applies to everyone, so they can see it: the step itself is refused.
      expect(error?.details, who).toBe("not_allowed");
    }
    const draft = await createRule(people.hr1.client);
    const { error: hidden } = await move(people.sales.client, draft.id, "in_review");
    expect(hidden?.details, "a draft is invisible to a salesperson").toBe("not_found");
    // Signed-in people cannot even name the workflow columns (column grants) ...
    const { error } = await people.hr1.client
      .from("regulations")
      .update({ status: "published" })
      .eq("id", draft.id)
      .select();
    expect(error?.code).toBe("42501");
    // ... and the trigger refuses everyone else, the service role included.
    const service = await admin()
      .from("regulations")
      .update({ status: "published", current_version: 1 })
      .eq("id", draft.id)
      .select();
    expect(service.error?.details).toBe("workflow_only");
    expect((await one(admin().from("regulations").select("status").eq("id", rule.id).single())).status).toBe(
      "published",
    );
  });

  it("a retired rule stays readable, marked retired, and can be reopened as a draft by HR only", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    expect((await move(people.hr2.client, rule.id, "retired")).error).toBeNull();
    const seen = await one(
      people.sales.client.from("regulations").select("status, current_version").eq("id", rule.id).single(),
    );
    expect(seen).toEqual({ status: "retired", current_version: 1 });
    expect(
      (await people.sales.client.from("regulation_versions").select("id").eq("regulation_id", rule.id)).data,
    ).toHaveLength(1);
    expect((await move(people.auditor.client, rule.id, "draft")).error?.details).toBe("not_allowed");
    expect((await move(people.hr1.client, rule.id, "draft")).error).toBeNull();
  });
});

describe("versions", () => {
  it("editing a published rule drafts the next version while the published one stays in force", async () => {
    const rule = await createRule(people.hr1.client, { body: "Original clause." });
    await publish(rule.id);
    expect((await saveText(people.hr1.client, rule.id, { body_en: "Revised clause." })).error).toBeNull();
    const now = await one(
      admin().from("regulations").select("status, current_version, draft_number").eq("id", rule.id).single(),
    );
    expect(now).toEqual({ status: "draft", current_version: 1, draft_number: 2 });
    // The salesperson still reads version 1 and never the draft.
    const v = await one(
      people.sales.client
        .from("regulation_versions")
        .select("version_number, body_en")
        .eq("regulation_id", rule.id)
        .single(),
    );
    expect(v).toEqual({ version_number: 1, body_en: "Original clause." });
    expect(
      (await people.sales.client.from("regulation_drafts").select("body_en").eq("regulation_id", rule.id)).data,
    ).toEqual([]);
    expect(
      (await people.manager.client.from("regulation_drafts").select("body_en").eq("regulation_id", rule.id)).data,
    ).toEqual([]);
    // Auditors read drafts and every version.
    expect(
      (
        await one(
          people.auditor.client.from("regulation_drafts").select("body_en").eq("regulation_id", rule.id).single(),
        )
      ).body_en,
    ).toBe("Revised clause.");

    await publish(rule.id);
    const versions = await one(
      people.sales.client
        .from("regulation_versions")
        .select("version_number, body_en")
        .eq("regulation_id", rule.id)
        .order("version_number"),
    );
    expect(versions).toEqual([
      { version_number: 1, body_en: "Original clause." },
      { version_number: 2, body_en: "Revised clause." },
    ]);
  });

  it("saving without a change does not start a revision", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    expect((await saveText(people.hr1.client, rule.id, {})).error).toBeNull();
    expect((await one(admin().from("regulations").select("status").eq("id", rule.id).single())).status).toBe(
      "published",
    );
  });

  it("published versions are frozen: no API role may write them and even the database owner is refused", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    const version = await one(admin().from("regulation_versions").select("id").eq("regulation_id", rule.id).single());
    const { error } = await admin()
      .from("regulation_versions")
      .update({ body_en: "Rewritten" })
      .eq("id", version.id)
      .select();
    expect(error?.code, "not even the service role").toBe("42501");
    await expect(
      sql("update public.regulation_versions set body_en = 'Rewritten' where id = $1", [version.id]),
    ).rejects.toMatchObject({ detail: "frozen" });
    await expect(sql("delete from public.regulation_versions where id = $1", [version.id])).rejects.toMatchObject({
      detail: "frozen",
    });
  });

  it("a rule without its own ladder freezes its category's ladder, marked inherited", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    const version = await one(
      admin().from("regulation_versions").select("sanctions").eq("regulation_id", rule.id).single(),
    );
    const categoryLadder = await one(
      admin().from("sanction_levels").select("kind, level_order").eq("category_id", category).order("level_order"),
    );
    const frozen = version.sanctions as { kind: string; inherited: boolean }[];
    expect(frozen.map((s) => s.kind)).toEqual(categoryLadder.map((s) => s.kind));
    expect(frozen.every((s) => s.inherited)).toBe(true);
  });

  it("the rule's own ladder wins and is frozen with the version; a later edit does not rewrite history", async () => {
    const rule = await createRule(people.hr1.client);
    const { error } = await people.hr1.client.from("sanction_levels").insert([
      { regulation_id: rule.id, level_order: 1, kind: "written_warning", live_months: 12 },
      { regulation_id: rule.id, level_order: 2, kind: "fine", fine_amount: 150, live_months: 12 },
    ]);
    expect(error).toBeNull();
    await publish(rule.id);
    await people.hr1.client
      .from("sanction_levels")
      .update({ fine_amount: 999 })
      .eq("regulation_id", rule.id)
      .eq("level_order", 2)
      .select();
    const version = await one(
      admin()
        .from("regulation_versions")
        .select("sanctions")
        .eq("regulation_id", rule.id)
        .eq("version_number", 1)
        .single(),
    );
    expect(version.sanctions).toMatchObject([
      { kind: "written_warning", inherited: false },
      { kind: "fine", fine_amount: 150, inherited: false },
    ]);
    expect(
      (await one(admin().from("regulations").select("status").eq("id", rule.id).single())).status,
      "the ladder edit opened version 2",
    ).toBe("draft");
  });

  it("a fine without an amount is refused by the database", async () => {
    const rule = await createRule(people.hr1.client);
    const { error } = await people.hr1.client
      .from("sanction_levels")
      .insert({ regulation_id: rule.id, level_order: 1, kind: "fine" })
      .select();
    expect(error).not.toBeNull();
  });
});

describe("no lost update", () => {
  it("the second of two HR users saving the same draft is refused, and the first one's text stays", async () => {
    const rule = await createRule(people.hr1.client, { body: "Base." });
    const rv = await versionOf(rule.id);
    const dv = (await one(admin().from("regulation_drafts").select("version").eq("regulation_id", rule.id).single()))
      .version;
    const first = await saveText(people.hr1.client, rule.id, { body_en: "First editor." }, { rule: rv, draft: dv });
    expect(first.error).toBeNull();
    const second = await saveText(people.hr2.client, rule.id, { body_en: "Second editor." }, { rule: rv, draft: dv });
    expect(second.error?.code).toBe("PT409");
    expect(second.error?.details).toBe("stale_version");
    expect(second.status).toBe(409);
    expect(
      (await one(admin().from("regulation_drafts").select("body_en").eq("regulation_id", rule.id).single())).body_en,
    ).toBe("First editor.");
  });

  it("a stale direct update of a draft is refused, not silently applied", async () => {
    const rule = await createRule(people.hr1.client, { body: "Base." });
    const { version } = await one(
      admin().from("regulation_drafts").select("version").eq("regulation_id", rule.id).single(),
    );
    expect(
      (
        await people.hr1.client
          .from("regulation_drafts")
          .update({ body_en: "One", version })
          .eq("regulation_id", rule.id)
          .select()
      ).error,
    ).toBeNull();
    const { error } = await people.hr2.client
      .from("regulation_drafts")
      .update({ body_en: "Two", version })
      .eq("regulation_id", rule.id)
      .select();
    expect(error?.details).toBe("stale_version");
  });

  it("a workflow step with a stale version is refused", async () => {
    const rule = await createRule(people.hr1.client);
    const stale = await versionOf(rule.id);
    expect((await saveText(people.hr1.client, rule.id, { body_en: "Changed meanwhile." })).error).toBeNull();
    const { error } = await people.hr2.client.rpc("transition_regulation", {
      p_regulation: rule.id,
      p_to: "in_review",
      p_version: stale,
    });
    expect(error?.details).toBe("stale_version");
  });
});

describe("acknowledgements", () => {
  it("a salesperson acknowledges the version in force and is asked again when a new version is published", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    const mine = async () => (await one(people.sales.client.rpc("my_rules"))).find((r) => r.regulation_id === rule.id);
    expect(await mine()).toMatchObject({ pending: true, acknowledged_version: null });
    expect(
      (await people.sales.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 1 })).error,
    ).toBeNull();
    expect(await mine()).toMatchObject({ pending: false, acknowledged_version: 1 });

    await saveText(people.hr1.client, rule.id, { body_en: "Version two." });
    expect(await mine(), "still v1 in force while v2 is drafted").toMatchObject({ pending: false });
    await publish(rule.id);
    expect(await mine()).toMatchObject({ pending: true, acknowledged_version: 1, current_version: 2 });

    const old = await people.sales.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 1 });
    expect(old.error?.details, "v1 is no longer in force").toBe("not_current_version");
    const future = await people.sales.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 3 });
    expect(future.error?.details).toBe("not_current_version");
    expect(
      (await people.sales.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 2 })).error,
    ).toBeNull();
    expect(await mine()).toMatchObject({ pending: false, acknowledged_version: 2 });
  });

  it("a rule for other positions is neither listed nor acknowledgeable", async () => {
    const other = (
      await one(
        admin()
          .from("positions")
          .insert({ code: `p_${tag().toLowerCase()}`, title_en: "Other" })
          .select("id")
          .single(),
      )
    ).id;
    const rule = await createRule(people.hr1.client, { forAll: false, positions: [other] });
    await publish(rule.id);
    expect((await one(people.sales.client.rpc("my_rules"))).some((r) => r.regulation_id === rule.id)).toBe(false);
    const { error } = await people.sales.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 1 });
    expect(error).not.toBeNull();
    expect((await people.sales.client.from("regulations").select("id").eq("id", rule.id)).data).toEqual([]);
  });

  it("nobody acknowledges for someone else, and acknowledgements are frozen", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    const otherStaff = (
      await one(
        admin()
          .from("staff")
          .insert({
            full_name: "Someone",
            email: `s-${tag().toLowerCase()}@ack.example.com`,
            position_id: assistantPosition,
          })
          .select("id")
          .single(),
      )
    ).id;
    const forged = await people.sales.client
      .from("acknowledgements")
      .insert({ regulation_id: rule.id, version_number: 1, staff_id: otherStaff })
      .select();
    expect(forged.error).not.toBeNull();
    const ack = await one(people.sales.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 1 }));
    expect(ack.staff_id).toBe(salesStaff);
    expect(ack.acknowledged_by).toBe(people.sales.id);
    expect((await admin().from("acknowledgements").delete().eq("id", ack.id).select()).error?.code).toBe("42501");
    await expect(sql("delete from public.acknowledgements where id = $1", [ack.id])).rejects.toMatchObject({
      detail: "frozen",
    });
    await expect(
      sql("update public.acknowledgements set version_number = 9 where id = $1", [ack.id]),
    ).rejects.toMatchObject({ detail: "frozen" });
  });

  it("a login without a staff record is told so", async () => {
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    const { error } = await people.auditor.client.rpc("acknowledge_regulation", {
      p_regulation: rule.id,
      p_version: 1,
    });
    expect(error?.details).toBe("no_staff_record");
  });
});

describe("search", () => {
  it("finds a Chinese phrase inside a Chinese body, with a snippet around it", async () => {
    const phrase = `客户拜访${tag()}记录`;
    const rule = await createRule(people.hr1.client, { bodyZh: `第一条：每次${phrase}必须在当天提交。` });
    await publish(rule.id);
    const hits = await one(people.sales.client.rpc("search_regulations", { p_query: phrase }));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      regulation_id: rule.id,
      matched_field: "body_zh",
      version_number: 1,
      is_draft: false,
    });
    expect(hits[0]!.snippet).toContain(phrase);
  });

  it("drafts are found by HR and never by salespeople; retired rules are found and marked", async () => {
    const word = `zebra${tag().toLowerCase()}`;
    const draft = await createRule(people.hr1.client, { body: `A draft about ${word}.` });
    expect(
      (await one(people.hr2.client.rpc("search_regulations", { p_query: word }))).map((h) => [
        h.regulation_id,
        h.is_draft,
      ]),
    ).toEqual([[draft.id, true]]);
    expect(await one(people.sales.client.rpc("search_regulations", { p_query: word }))).toEqual([]);

    const retired = await createRule(people.hr1.client, { body: `A rule about ${word}s.` });
    await publish(retired.id);
    await move(people.hr2.client, retired.id, "retired");
    const found = await one(people.sales.client.rpc("search_regulations", { p_query: `${word}s` }));
    expect(found.map((h) => [h.regulation_id, h.status])).toEqual([[retired.id, "retired"]]);
  });

  it("LIKE wildcards in the query are literal", async () => {
    expect(await one(people.hr1.client.rpc("search_regulations", { p_query: "%_%" }))).toEqual([]);
  });
});

describe("coverage", () => {
  it("a manager sees coverage only for people in their territories; HR sees everyone", async () => {
    const t = tag();
    const region = (
      await one(
        admin()
          .from("territories")
          .insert({ code: `CV-${t}`, name: "Coverage region" })
          .select("id")
          .single(),
      )
    ).id;
    const area = (
      await one(
        admin()
          .from("territories")
          .insert({ code: `CV-${t}-1`, name: "Coverage area", parent_id: region })
          .select("id")
          .single(),
      )
    ).id;
    const other = (
      await one(
        admin()
          .from("territories")
          .insert({ code: `CX-${t}`, name: "Elsewhere" })
          .select("id")
          .single(),
      )
    ).id;
    const managerStaff = await staffFor(people.manager, await positionId("regional_director"), region);
    await one(admin().from("territories").update({ manager_id: managerStaff }).eq("id", region).select("id").single());
    const seller = await createTestUser(["salesperson"]);
    await staffFor(seller, await positionId("salesperson"), area);
    const outsider = (
      await one(
        admin()
          .from("staff")
          .insert({
            full_name: "Outsider",
            email: `o-${t.toLowerCase()}@cov.example.com`,
            position_id: assistantPosition,
            territory_id: other,
          })
          .select("id")
          .single(),
      )
    ).id;

    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    await seller.client.rpc("acknowledge_regulation", { p_regulation: rule.id, p_version: 1 });

    const managerView = await one(people.manager.client.rpc("regulation_coverage", { p_regulation: rule.id }));
    const byId = new Map(managerView.map((r) => [r.staff_id, r.acknowledged]));
    expect(byId.get(managerStaff)).toBe(false);
    expect([...byId.values()].filter(Boolean)).toHaveLength(1);
    expect(byId.has(outsider), "outside the manager's territories").toBe(false);

    const subtree = await one(
      people.hr1.client.rpc("regulation_coverage", { p_regulation: rule.id, p_territory: area }),
    );
    expect(subtree).toHaveLength(1);
    expect(subtree[0]).toMatchObject({ acknowledged: true });
    const all = await one(people.hr1.client.rpc("regulation_coverage", { p_regulation: rule.id }));
    expect(all.some((r) => r.staff_id === outsider)).toBe(true);
    expect(
      await one(people.sales.client.rpc("regulation_coverage", { p_regulation: rule.id })),
      "a salesperson sees only themselves",
    ).toHaveLength(1);

    // Counted in the database per child territory: under the region, the area holds the
    // salesperson (confirmed) and the regional director sits directly in the region.
    const groups = await one(
      people.hr1.client.rpc("regulation_coverage_groups", { p_regulation: rule.id, p_territory: region }),
    );
    expect(groups.map((g) => [g.territory_code, g.acknowledged, g.total])).toEqual([
      [`CV-${t}-1`, 1, 1],
      [null, 0, 1],
    ]);
    // Without a chosen territory the manager's groups start at the topmost territory they can see (their region).
    const managerGroups = await one(people.manager.client.rpc("regulation_coverage_groups", { p_regulation: rule.id }));
    expect(managerGroups.find((g) => g.territory_id === region)).toMatchObject({ total: 2, acknowledged: 1 });
    expect(
      managerGroups.reduce((sum, g) => sum + g.total, 0),
      "the groups add up to the people the manager sees",
    ).toBe(managerView.length);
    expect(
      managerGroups.some((g) => g.territory_id === other),
      "no group outside the manager's territories",
    ).toBe(false);
  });

  it("filters people by name or email and to those missing, and pages them in a stable order with a count", async () => {
    const t = tag();
    const area = (
      await one(
        admin()
          .from("territories")
          .insert({ code: `CP-${t}`, name: "Paging area" })
          .select("id")
          .single(),
      )
    ).id;
    const names = ["Zoë Paging", "ana paging", "Bruno Paging", "Carmen Otra"];
    const ids = [];
    for (const [i, name] of names.entries()) {
      ids.push(
        (
          await one(
            admin()
              .from("staff")
              .insert({
                full_name: name,
                email: `p${i}-${t.toLowerCase()}@pages.example.com`,
                position_id: assistantPosition,
                territory_id: area,
              })
              .select("id")
              .single(),
          )
        ).id,
      );
    }
    const rule = await createRule(people.hr1.client);
    await publish(rule.id);
    await sql("insert into public.acknowledgements (regulation_id, version_number, staff_id) values ($1, 1, $2)", [
      rule.id,
      ids[2],
    ]);

    const scoped = { p_regulation: rule.id, p_territory: area };
    const byName = await one(people.hr1.client.rpc("regulation_coverage", { ...scoped, p_search: "PAGING" }));
    expect(byName.map((r) => r.full_name).sort()).toEqual(["Bruno Paging", "Zoë Paging", "ana paging"].sort());
    const byEmail = await one(
      people.hr1.client.rpc("regulation_coverage", { ...scoped, p_search: `p3-${t.toLowerCase()}` }),
    );
    expect(byEmail.map((r) => r.full_name)).toEqual(["Carmen Otra"]);
    expect(
      await one(people.hr1.client.rpc("regulation_coverage", { ...scoped, p_search: "%" })),
      "% is a character, not a wildcard",
    ).toEqual([]);
    const missing = await one(people.hr1.client.rpc("regulation_coverage", { ...scoped, p_only_missing: true }));
    expect(missing.map((r) => r.full_name).sort()).toEqual(["Carmen Otra", "Zoë Paging", "ana paging"].sort());

    const page = async (from: number) => {
      const { data, count, error } = await people.hr1.client
        .rpc("regulation_coverage", scoped, { count: "exact" })
        .order("acknowledged")
        .order("full_name")
        .order("staff_id")
        .range(from, from + 1);
      expect(error).toBeNull();
      return { names: (data ?? []).map((r) => r.full_name), count };
    };
    const [first, second] = [await page(0), await page(2)];
    expect(first.count).toBe(4);
    const all = [...first.names, ...second.names];
    expect(new Set(all).size, "no one on two pages").toBe(4);
    expect(all.at(-1), "the missing come first, the confirmed last").toBe("Bruno Paging");
  });
});
