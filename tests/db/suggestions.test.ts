// Suggestions: anyone on the staff submits one and follows it; managers answer their subtree's,
// HR every one; an adopted one opens a draft rule that links back. A hidden author is seen by HR
// and the author alone: no API path tells a manager (or the auditor) who wrote it. Each rule
// both ways through PostgREST with real JWTs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { arranger } from "../support/people.ts";
import { categoryId } from "../support/rules.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const a = arranger("SG");
let region: string;
let branch: string;
let seller: string;
let sellerUser: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;

beforeAll(async () => {
  [sellerUser, manager, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  region = await a.territory("REGION", {
    manager: await a.person("Suggestion Boss", null, manager.id, { position: "regional_director" }),
  });
  branch = await a.territory("BRANCH", { parent: region });
  seller = await a.person("Suggesting Seller", branch, sellerUser.id);
  await a.territory("AWAY", {
    manager: await a.person("Away Boss", null, otherManager.id, { position: "regional_director" }),
  });
}, 60_000);

type Suggestion = {
  id: string;
  version: number;
  status: string;
  staff_id: string | null;
  territory_id: string | null;
  answer: string;
  answered_by: string | null;
  answered_at: string | null;
  author_hidden: boolean;
  regulation_id: string | null;
};
async function submit(client: TestUser["client"], hidden = false, title = "Share the visit routes") {
  return client.rpc("submit_suggestion", {
    p_title: title,
    p_body: "Plan the week's routes together so two people do not visit the same street.",
    p_area: "sales",
    p_hide_author: hidden,
  });
}
async function submitted(hidden = false): Promise<string> {
  const { data, error } = await submit(sellerUser.client, hidden);
  if (error || !data) throw new Error(error?.message ?? "not submitted");
  return data;
}
const read = (client: TestUser["client"], id: string) =>
  client.from("suggestions").select("*").eq("id", id).maybeSingle<Suggestion>();
async function answer(client: TestUser["client"], id: string, fields: Record<string, unknown>) {
  const [row] = await sql<{ version: number }>("select version from public.suggestions where id = $1", [id]);
  return client
    .from("suggestions")
    .update({ version: row!.version, ...fields } as never)
    .eq("id", id)
    .select("*")
    .maybeSingle<Suggestion>();
}

describe("submitting", () => {
  it("is anyone's on the staff, with the author, territory and status set by the database", async () => {
    const id = await submitted();
    const { data } = await read(sellerUser.client, id);
    expect(data).toMatchObject({ staff_id: seller, territory_id: branch, status: "received", author_hidden: false });
    const { error: direct } = await sellerUser.client
      .from("suggestions")
      .insert({ title: "Direct", body: "Straight into the table, not allowed." } as never);
    expect(direct?.code).toBe("42501");
    // The auditor has no staff record here (and no create permission).
    expect((await submit(auditor.client)).error?.code).toBe("42501");
    expect((await submit(sellerUser.client, false, "no")).error?.code).toBe("23514");
  });
});

describe("answering", () => {
  it("is for a manager in scope or HR; the author and the auditor follow it, someone else's manager sees nothing", async () => {
    const id = await submitted();
    expect((await read(otherManager.client, id)).data).toBeNull();
    expect((await answer(otherManager.client, id, { status: "under_review" })).data).toBeNull();
    expect((await answer(sellerUser.client, id, { status: "adopted", answer: "Self-adopted" })).data).toBeNull();
    expect((await answer(auditor.client, id, { status: "under_review" })).data).toBeNull();
    expect((await answer(manager.client, id, { status: "declined" })).error?.code, "a decision needs an answer").toBe(
      "23514",
    );
    const { data: reviewing, error } = await answer(manager.client, id, { status: "under_review", answered_by: hr.id });
    expect(error?.code, "who answered is the database's to say").toBe("42501");
    expect(reviewing).toBeNull();
    const { data: ok } = await answer(manager.client, id, { status: "under_review" });
    expect(ok).toMatchObject({ status: "under_review", answered_by: manager.id });
    expect(ok?.answered_at).not.toBeNull();
    expect((await answer(manager.client, id, { status: "received" })).error?.details).toBe("suggestion_status_back");
    const { data: declined } = await answer(manager.client, id, {
      status: "declined",
      answer: "Routes are set weekly.",
    });
    expect(declined?.status).toBe("declined");
    expect((await read(sellerUser.client, id)).data).toMatchObject({
      status: "declined",
      answer: "Routes are set weekly.",
    });
    expect((await read(auditor.client, id)).data?.status).toBe("declined");
    // Text and author never change.
    const { error: forged } = await answer(hr.client, id, { title: "Rewritten" });
    expect(forged?.code).toBe("42501");
  });
});

describe("a hidden author", () => {
  it("is seen by HR and the author alone, through every path", async () => {
    const id = await submitted(true);
    // The author follows it and knows it is theirs.
    expect((await read(sellerUser.client, id)).data).toMatchObject({
      author_hidden: true,
      staff_id: null,
      territory_id: null,
    });
    expect(
      (await sellerUser.client.from("suggestion_authors").select("staff_id").eq("suggestion_id", id)).data,
    ).toEqual([{ staff_id: seller }]);
    // HR reads and answers it, and alone learns the author.
    expect((await read(hr.client, id)).data?.staff_id).toBeNull();
    expect((await hr.client.from("suggestion_authors").select("staff_id").eq("suggestion_id", id)).data).toEqual([
      { staff_id: seller },
    ]);
    expect((await answer(hr.client, id, { status: "under_review" })).data?.status).toBe("under_review");
    // The seller's manager: not the suggestion, not its author, not in the person's file.
    expect((await read(manager.client, id)).data).toBeNull();
    expect((await manager.client.from("suggestion_authors").select("staff_id").eq("suggestion_id", id)).data).toEqual(
      [],
    );
    expect(
      (await manager.client.from("suggestion_authors").select("suggestion_id").eq("staff_id", seller)).data,
    ).toEqual([]);
    const { data: file } = await manager.client.rpc("person_file", { p_staff: seller });
    expect(JSON.stringify(file)).not.toContain(id);
    const { data: history } = await manager.client.from("audit_log").select("id").eq("record_id", id);
    expect(history).toEqual([]);
    // The auditor reads every suggestion and every history, but not who wrote this one.
    expect((await read(auditor.client, id)).data?.author_hidden).toBe(true);
    expect((await auditor.client.from("suggestion_authors").select("staff_id").eq("suggestion_id", id)).data).toEqual(
      [],
    );
    const { data: trail } = await auditor.client
      .from("audit_log")
      .select("table_name, operation, actor_kind, actor_id, actor_name, actor_email, new_row")
      .eq("record_id", id)
      .order("id");
    expect(trail?.length).toBeGreaterThan(0);
    expect(trail?.[0]).toMatchObject({
      table_name: "suggestions",
      operation: "INSERT",
      actor_kind: "withheld",
      actor_id: null,
      actor_name: null,
      actor_email: null,
    });
    const everything = JSON.stringify(trail);
    expect(everything).not.toContain(seller);
    expect(everything).not.toContain(sellerUser.id);
    expect(everything).not.toContain(sellerUser.email);
  });
});

describe("an adopted suggestion", () => {
  it("opens a draft rule for whoever may create rules, linked back to it, once", async () => {
    const id = await submitted();
    const category = await categoryId();
    const open = (client: TestUser["client"]) =>
      client.rpc("suggestion_to_rule", { p_suggestion: id, p_code: `SG-${a.tag}`, p_category: category });
    expect((await open(hr.client)).error?.details).toBe("suggestion_not_adopted");
    await answer(manager.client, id, { status: "adopted", answer: "Good idea: we will write it down." });
    expect((await open(manager.client)).error?.code, "managers do not write rules").toBe("42501");
    expect((await open(otherManager.client)).error?.code).toBe("PT404");
    const { data: rule, error } = await open(hr.client);
    expect(error).toBeNull();
    const { data: draft } = await hr.client
      .from("regulations")
      .select("status, code, regulation_drafts(title_en, body_en)")
      .eq("id", rule!)
      .single();
    expect(draft).toMatchObject({ status: "draft", code: `SG-${a.tag}` });
    expect(JSON.stringify(draft)).toContain("Share the visit routes");
    expect((await read(sellerUser.client, id)).data?.regulation_id).toBe(rule);
    expect((await open(hr.client)).error?.details).toBe("suggestion_opened_rule");
    expect((await answer(hr.client, id, { status: "declined" })).error?.details).toBe("suggestion_opened_rule");
  });
});
