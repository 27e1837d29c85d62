// Violations in the browser: a manager records one for a salesperson in their region (the
// dialog asks for what happened before sending anything), the salesperson adds a statement,
// and the manager confirms it at the level the rule's ladder proposes.
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { ViolationsPageObject } from "./pages/violations.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("a violation", () => {
  it("a manager records a late arrival (refused without a description), the person states their side, and the manager confirms the proposed warning", async () => {
    const { manager, region } = await managerWithRegion();
    const seller = await personWithLogin(["salesperson"], region.id);

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const violations = new ViolationsPageObject(page);
    await violations.open();
    await violations.record({ person: seller.fullName, rule: "ATT-01", description: "" });
    await violations.submitDialog("violations.record");
    await violations.dialog().getByText(text("violations.errors.description")).waitFor();
    expect(await sql("select 1 from public.violations where staff_id = $1", [seller.staffId])).toHaveLength(0);
    await violations
      .dialog()
      .getByRole("textbox", { name: text("violations.fields.description") })
      .fill("Arrived 25 minutes late to the weekly meeting");
    await violations.submitAndClose("violations.record");
    await violations.filterBy(seller.fullName);
    await violations.row(seller.fullName).getByText(text("violations.status.draft")).waitFor();

    const sellerPage = await session.newPage();
    await new ShellPageObject(sellerPage).signInAs(seller.email, seller.password);
    const own = new ViolationsPageObject(sellerPage);
    await own.open();
    await own
      .row(seller.fullName)
      .getByRole("button", { name: text("violations.addStatement") })
      .click();
    await own
      .dialog()
      .getByRole("textbox", { name: text("violations.fields.statement") })
      .fill("The motorway was closed after an accident");
    await own.submitAndClose("violations.addStatement");
    await own
      .row(seller.fullName)
      .getByText(/The motorway was closed/)
      .waitFor();

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

    const [stored] = await sql<{ status: string; level: number; kind: string; statement: string; decider: string }>(
      `select status, level_order as level, sanction_kind::text as kind, statement, decided_by::text as decider
         from public.violations where staff_id = $1`,
      [seller.staffId],
    );
    expect(stored).toEqual({
      status: "confirmed",
      level: 1,
      kind: "verbal_warning",
      statement: "The motorway was closed after an accident",
      decider: manager.id,
    });
  });
});
