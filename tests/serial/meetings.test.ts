// In the serial project: it binds and switches the attendance detector, which is shared by everyone.
// Meetings and attendance: a manager calls a meeting in their subtree, invites a territory
// subtree or hand-picked people (everyone in their scope, on the staff that day), and takes one
// mark per invitee; a late, left-early or absent mark becomes one draft violation of the rule
// HR bound to the attendance detector, in one click or by itself while the detector is on.
// Each rule both ways through PostgREST with real JWTs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

const tag = randomUUID().slice(0, 6).toUpperCase();

async function id(text: string, params: unknown[] = []): Promise<string> {
  const [row] = await sql<{ id: string }>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row.id;
}
const territory = (code: string, manager: string | null, parent: string | null = null) =>
  id("insert into public.territories (code, name, manager_id, parent_id) values ($1, $1, $2, $3) returning id", [
    `ME-${code}-${tag}`,
    manager,
    parent,
  ]);
const person = (
  name: string,
  territoryId: string | null,
  userId: string | null,
  position = "salesperson",
  hired = "2020-01-01",
) =>
  id(
    `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
     values ($1, $2, (select id from public.positions where code = $5), $3, $4, $6) returning id`,
    [
      name,
      `${name.toLowerCase().replace(/\W/g, "")}-${tag}@meetings.example.com`,
      territoryId,
      userId,
      position,
      hired,
    ],
  );

let region: string;
let branch: string;
let boss: string;
let seller: string;
let colleague: string;
let outsider: string;
let sellerUser: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let hr: TestUser;
let auditor: TestUser;
let rule: string;
let boundBefore: { regulation_id: string | null; enabled: boolean } | undefined;

beforeAll(async () => {
  [sellerUser, manager, otherManager, hr, auditor] = await Promise.all([
    createTestUser(["salesperson"]),
    createTestUser(["manager"]),
    createTestUser(["manager"]),
    createTestUser(["hr_admin"]),
    createTestUser(["auditor"]),
  ]);
  region = await territory("REGION", null);
  boss = await person("Meeting Boss", region, manager.id, "regional_director");
  await sql("update public.territories set manager_id = $1 where id = $2", [boss, region]);
  branch = await territory("BRANCH", null, region);
  seller = await person("Meeting Seller", branch, sellerUser.id);
  colleague = await person("Meeting Colleague", region, null);
  // Hired after the meetings below (not invited by the subtree), and someone who has left.
  await person("Meeting Newcomer", await territory("NEW", null, region), null, "salesperson", "2026-11-20");
  const left = await person("Meeting Leaver", await territory("LEFT", null, region), null);
  await sql("update public.staff set status = 'left', status_changed_on = '2026-01-31' where id = $1", [left]);
  const away = await territory("AWAY", await person("Away Boss", null, otherManager.id, "regional_director"));
  outsider = await person("Away Seller", away, null);
  // A rule with a two-level ladder for the attendance detector; the binding is restored after.
  const category = await id("select id from public.regulation_categories order by code limit 1");
  rule = await id(
    "insert into public.regulations (code, category_id, effective_date) values ($1, $2, '2025-01-01') returning id",
    [`ME-ATT-${tag}`, category],
  );
  const level = (order: number, kind: string) => ({
    level_order: order,
    kind,
    fine_amount: null,
    live_months: 12,
    note_en: "",
    note_es: "",
    note_zh: "",
    inherited: false,
  });
  await sql(
    `insert into public.regulation_versions (regulation_id, version_number, title_en, category_id, sanctions, effective_date)
     values ($1, 1, 'Be on time', $2, $3, '2025-01-01')`,
    [rule, category, JSON.stringify([level(1, "verbal_warning"), level(2, "written_warning")])],
  );
  [boundBefore] = await sql<{ regulation_id: string | null; enabled: boolean }>(
    "select regulation_id, enabled from public.detectors where code = 'meeting_attendance'",
  );
  await sql("update public.detectors set regulation_id = $1, enabled = false where code = 'meeting_attendance'", [
    rule,
  ]);
}, 60_000);

afterAll(async () => {
  if (boundBefore)
    await sql("update public.detectors set regulation_id = $1, enabled = $2 where code = 'meeting_attendance'", [
      boundBefore.regulation_id,
      boundBefore.enabled,
    ]);
  await closePools();
});

type Meeting = { id: string; version: number; created_by: string | null; territory_id: string };
type Mark = {
  id: string;
  version: number;
  staff_id: string;
  territory_id: string;
  mark: string | null;
  marked_by: string | null;
};

async function call(client: TestUser["client"], fields: Record<string, unknown> = {}) {
  return client
    .from("meetings")
    .insert({
      title: "Weekly sales meeting",
      held_on: "2026-11-16",
      territory_id: region,
      organiser_id: boss,
      ...fields,
    } as never)
    .select("*")
    .single<Meeting>();
}
async function called(fields: Record<string, unknown> = {}): Promise<Meeting> {
  const { data, error } = await call(manager.client, fields);
  if (error || !data) throw new Error(error?.message ?? "no meeting");
  return data;
}
const invite = (client: TestUser["client"], meeting: string, subtree: string | null, people: string[] = []) =>
  client.rpc("invite_to_meeting", { p_meeting: meeting, p_territory: subtree ?? undefined, p_staff: people });
async function markOf(meeting: string, staff: string): Promise<Mark> {
  const { data, error } = await manager.client
    .from("meeting_attendance")
    .select("*")
    .eq("meeting_id", meeting)
    .eq("staff_id", staff)
    .single<Mark>();
  if (error || !data) throw new Error(error?.message ?? "no mark");
  return data;
}
const mark = (client: TestUser["client"], row: Mark, fields: Record<string, unknown>) =>
  client
    .from("meeting_attendance")
    .update({ version: row.version, ...fields } as never)
    .eq("id", row.id)
    .select("*")
    .maybeSingle<Mark>();
const toViolation = (client: TestUser["client"], row: Mark) =>
  client.rpc("attendance_to_violation", { p_attendance: row.id }).single<{
    id: string;
    status: string;
    regulation_id: string;
    attendance_id: string;
    detected_by: string | null;
    proposed_level: number;
    recorded_by: string;
    occurred_on: string;
  }>();

describe("calling a meeting", () => {
  it("is kept in the manager's subtree with its creator set by the database, and refused elsewhere", async () => {
    const meeting = await called();
    expect(meeting.created_by).toBe(manager.id);
    const { error: away } = await call(otherManager.client);
    expect(away?.code).toBe("42501");
    for (const client of [sellerUser.client, auditor.client]) expect((await call(client)).error?.code).toBe("42501");
    const { error: forged } = await call(manager.client, { created_by: hr.id });
    expect(forged?.code).toBe("42501");
    const { error: tooShort } = await call(manager.client, { duration_minutes: 2 });
    expect(tooShort?.code).toBe("23514");
  });

  it("invites everyone on the staff that day in a subtree, once, and hand-picked people only in scope", async () => {
    const meeting = await called();
    const { data: added, error } = await invite(manager.client, meeting.id, region);
    expect(error).toBeNull();
    // The boss, the colleague and the seller: not the newcomer (hired later) nor the leaver.
    expect(added).toBe(3);
    expect((await invite(manager.client, meeting.id, region)).data).toBe(0);
    const { error: outside } = await invite(manager.client, meeting.id, null, [outsider]);
    expect(outside?.message).toBe(
      "1 of the people chosen are not on the staff that day in the territories where you keep meetings.",
    );
    const { error: notYet } = await invite(manager.client, meeting.id, null, [
      await id("select id from public.staff where full_name = 'Meeting Newcomer' and email like $1", [`%${tag}%`]),
    ]);
    expect(notYet?.message).toBe(
      "1 of the people chosen are not on the staff that day in the territories where you keep meetings.",
    );
    expect((await invite(otherManager.client, meeting.id, region)).error?.code).toBe("PT404");
    expect((await invite(sellerUser.client, meeting.id, null, [seller])).error?.code).toBe("42501");
    const { count } = await manager.client
      .from("meeting_attendance")
      .select("id", { count: "exact", head: true })
      .eq("meeting_id", meeting.id);
    expect(count).toBe(3);
  });
});

describe("taking attendance", () => {
  it("keeps the marker and the person's territory, and needs minutes for late and a reason for excused", async () => {
    const meeting = await called();
    await invite(manager.client, meeting.id, region);
    const row = await markOf(meeting.id, seller);
    expect(row.territory_id).toBe(branch);
    const { error: noMinutes } = await mark(manager.client, row, { mark: "late" });
    expect(noMinutes?.code).toBe("23514");
    const { error: noReason } = await mark(manager.client, row, { mark: "excused", excuse: " " });
    expect(noReason?.code).toBe("23514");
    const { data, error } = await mark(manager.client, row, { mark: "late", minutes_late: 15 });
    expect(error).toBeNull();
    expect(data).toMatchObject({ mark: "late", marked_by: manager.id });
    // Nobody else changes it: the person, the auditor, another manager.
    for (const client of [sellerUser.client, auditor.client, otherManager.client]) {
      const { data: none } = await mark(client, data!, { mark: "present" });
      expect(none).toBeNull();
    }
    expect((await markOf(meeting.id, seller)).mark).toBe("late");
    // A taken mark keeps its person on the list and the meeting on the calendar.
    await manager.client.from("meeting_attendance").delete().eq("id", row.id);
    expect((await markOf(meeting.id, seller)).id).toBe(row.id);
    const { error: kept } = await manager.client.from("meetings").delete().eq("id", meeting.id);
    expect(kept?.message).toBe("Attendance has been taken at this meeting: it is kept.");
  });

  it("shows the person the meetings they are invited to and their own mark only; the auditor everything", async () => {
    const meeting = await called({ title: "Invited only" });
    await invite(manager.client, meeting.id, null, [seller, colleague]);
    const { data: mine } = await sellerUser.client
      .from("meeting_attendance")
      .select("staff_id")
      .eq("meeting_id", meeting.id);
    expect(mine).toEqual([{ staff_id: seller }]);
    const { data: seen } = await sellerUser.client.from("meetings").select("id").eq("id", meeting.id);
    expect(seen).toHaveLength(1);
    const uninvited = await called({ title: "Not invited" });
    expect((await sellerUser.client.from("meetings").select("id").eq("id", uninvited.id)).data).toEqual([]);
    expect((await otherManager.client.from("meetings").select("id").eq("id", meeting.id)).data).toEqual([]);
    const { data: all } = await auditor.client
      .from("meeting_attendance")
      .select("staff_id")
      .eq("meeting_id", meeting.id);
    expect(all).toHaveLength(2);
  });
});

describe("a mark becomes a violation", () => {
  it("in one click, once: a draft of the detector's rule with the ladder's proposal, recorded by the manager", async () => {
    const meeting = await called({ held_on: "2026-11-23" });
    await invite(manager.client, meeting.id, null, [seller, colleague]);
    const late = (await mark(manager.client, await markOf(meeting.id, seller), { mark: "late", minutes_late: 25 }))
      .data!;
    const { data: first, error } = await toViolation(manager.client, late);
    expect(error).toBeNull();
    expect(first).toMatchObject({
      status: "draft",
      regulation_id: rule,
      attendance_id: late.id,
      detected_by: null,
      proposed_level: 1,
      recorded_by: manager.id,
      occurred_on: "2026-11-23",
    });
    expect((await toViolation(manager.client, late)).data?.id).toBe(first!.id);
    // The mark is the evidence now.
    const { error: frozen } = await mark(manager.client, late, { mark: "present" });
    expect(frozen?.message).toBe("This mark is the evidence of a violation: dismiss the violation before changing it.");
    // Present marks are no breach; the person, the auditor and another manager are refused.
    const present = (await mark(manager.client, await markOf(meeting.id, colleague), { mark: "present" })).data!;
    expect((await toViolation(manager.client, present)).error?.message).toBe(
      "Only a late, left-early or absent mark becomes a violation.",
    );
    expect((await toViolation(sellerUser.client, late)).error?.code).toBe("42501");
    expect((await toViolation(auditor.client, late)).error?.code).toBe("42501");
    expect((await toViolation(otherManager.client, late)).error?.code).toBe("PT404");
  });

  it("by itself while HR has the detector on, never twice for the same mark", async () => {
    // Only HR binds and switches detectors; the auditor reads them; a manager and a salesperson are refused.
    const { data: switched, error } = await hr.client
      .from("detectors")
      .update({
        enabled: true,
        version: (
          await sql<{ version: number }>("select version from public.detectors where code = 'meeting_attendance'")
        )[0]!.version,
      } as never)
      .eq("code", "meeting_attendance")
      .select("enabled, updated_by")
      .single();
    expect(error).toBeNull();
    expect(switched).toEqual({ enabled: true, updated_by: hr.id });
    for (const client of [manager.client, auditor.client, sellerUser.client]) {
      const { data } = await client
        .from("detectors")
        .update({ enabled: false } as never)
        .eq("code", "meeting_attendance")
        .select("code");
      expect(data ?? []).toEqual([]);
    }
    expect((await auditor.client.from("detectors").select("code")).data?.length).toBeGreaterThan(0);
    expect((await sellerUser.client.from("detectors").select("code")).data).toEqual([]);
    const { error: unbound } = await hr.client
      .from("detectors")
      .update({ regulation_id: null } as never)
      .eq("code", "meeting_attendance");
    expect(unbound?.code).toBe("23514");

    const meeting = await called({ held_on: "2026-11-24" });
    await invite(manager.client, meeting.id, null, [seller]);
    const absent = (await mark(manager.client, await markOf(meeting.id, seller), { mark: "absent" })).data!;
    const found = await sql<{ id: string; status: string; detected_by: string }>(
      "select id, status, detected_by from public.violations where attendance_id = $1",
      [absent.id],
    );
    expect(found).toEqual([{ id: found[0]!.id, status: "draft", detected_by: "meeting_attendance" }]);
    // Dismissed, the mark changes again; it stays one violation.
    const [v] = await sql<{ version: number }>("select version from public.violations where id = $1", [found[0]!.id]);
    expect(
      (
        await manager.client.rpc("decide_violation", {
          p_violation: found[0]!.id,
          p_version: v!.version,
          p_decision: "dismiss",
          p_reason: "Marked by mistake",
        })
      ).error,
    ).toBeNull();
    const again = (await mark(manager.client, absent, { mark: "late", minutes_late: 5 })).data!;
    expect(again.mark).toBe("late");
    const counted = await sql<{ n: number }>(
      "select count(*)::int as n from public.violations where attendance_id = $1",
      [absent.id],
    );
    expect(counted).toEqual([{ n: 1 }]);
    await sql("update public.detectors set enabled = false where code = 'meeting_attendance'");
  });
});
