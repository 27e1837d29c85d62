// Meetings in the browser: a manager calls the weekly meeting, invites their region, marks a
// salesperson late (the sheet asks for the minutes before saving anything), turns the mark into
// a violation in one click and confirms the sanction the rule's ladder proposes.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { MeetingsPageObject } from "./pages/meetings.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { ViolationsPageObject } from "./pages/violations.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("a meeting's attendance", () => {
  it("a manager takes attendance, turns a late mark into a violation and confirms the proposed sanction", async () => {
    const { manager, region } = await managerWithRegion();
    const seller = await personWithLogin(["salesperson"], region.id);
    // The manager works in their region too (they organise its meetings).
    await sql("update public.staff set territory_id = $1 where id = $2", [region.id, manager.staffId]);
    const title = `Weekly sales meeting ${randomUUID().slice(0, 6)}`;

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const meetings = new MeetingsPageObject(page);
    await meetings.call({ title, territory: region.name, organiser: manager.fullName });
    await meetings.inviteTerritory(region.name);
    await meetings.entry(seller.fullName).getByText(text("meetings.unmarked")).waitFor();

    await meetings.choose(seller.fullName, "late");
    await meetings.saveMark(seller.fullName);
    await page.getByRole("alert").getByText(text("meetings.errors.minutes")).waitFor();
    const unmarked = await sql<{ mark: string | null }>(
      "select mark::text from public.meeting_attendance where staff_id = $1",
      [seller.staffId],
    );
    expect(unmarked).toEqual([{ mark: null }]);
    await meetings.minutesLate(seller.fullName).fill("25");
    await meetings.saveMark(seller.fullName);
    await meetings
      .entry(seller.fullName)
      .getByText(text("meetings.minutes_other", { count: 25 }))
      .waitFor();

    await meetings.toViolation(seller.fullName);
    await meetings
      .entry(seller.fullName)
      .getByRole("link", { name: text("violations.status.draft") })
      .waitFor();

    const violations = new ViolationsPageObject(page);
    await violations.open();
    await violations.filterBy(seller.fullName);
    await violations
      .row(seller.fullName)
      .getByRole("button", { name: text("violations.confirm") })
      .click();
    await violations
      .dialog()
      .getByText(text("violations.proposal", { level: 1, repeat: 1 }))
      .waitFor();
    await violations.submitAndClose("violations.confirm");
    await violations.row(seller.fullName).getByText(text("violations.status.confirmed")).waitFor();

    const stored = await sql<{ status: string; level: number; rule: string; from_mark: boolean; recorder: string }>(
      `select v.status::text, v.level_order as level, g.code as rule, v.attendance_id = a.id as from_mark,
              v.recorded_by::text as recorder
         from public.violations v join public.regulations g on g.id = v.regulation_id
         join public.meeting_attendance a on a.staff_id = v.staff_id
        where v.staff_id = $1`,
      [seller.staffId],
    );
    expect(stored).toEqual([{ status: "confirmed", level: 1, rule: "ATT-01", from_mark: true, recorder: manager.id }]);
  });
});
