// Plans and summaries in the browser: a salesperson writes and submits this month's plan, then
// last month's summary (its figures filled in by the database), and their manager reviews the
// summary with a comment the salesperson then reads.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { ReportsPageObject } from "./pages/reports.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("a salesperson's plan and summary", () => {
  it("are written and submitted by the salesperson, and the manager's comment reaches them", async () => {
    const { manager, region } = await managerWithRegion();
    const seller = await personWithLogin(["salesperson"], region.id);
    const mark = randomUUID().slice(0, 6);
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    const reports = new ReportsPageObject(page);

    await shell.signInAs(seller.email, seller.password);
    await reports.writePlan({ target: "42000", keyCustomers: `Hospital North ${mark}`, visits: "24" });
    await reports.submit();
    const summary = await reports.writeSummary({ results: `Met the plan ${mark}`, wentWell: "Two new clinics." });
    await reports.figure("visits_done").waitFor();
    await reports.submit();

    await shell.signOut();
    await shell.signInAs(manager.email, manager.password);
    await page.goto(summary);
    await reports.status("submitted").waitFor();
    const comment = `Well done; chase the payments ${mark}.`;
    await reports.review(comment);

    await shell.signOut();
    await shell.signInAs(seller.email, seller.password);
    await page.goto(summary);
    await reports
      .reviewNote()
      .getByText(text("reports.reviewedBy", { name: manager.fullName }))
      .waitFor();
    await reports.reviewNote().getByText(comment).waitFor();

    const stored = await sql<{ plan: string; summary: string; reviewer: string; comment: string }>(
      `select p.status::text as plan, s.status::text as summary, s.reviewed_by::text as reviewer, s.review_comment as comment
         from public.monthly_plans p join public.summaries s on s.staff_id = p.staff_id
        where p.staff_id = $1 and p.key_customers = $2`,
      [seller.staffId, `Hospital North ${mark}`],
    );
    expect(stored).toEqual([{ plan: "submitted", summary: "reviewed", reviewer: manager.id, comment }]);
  });
});
