// Rewards in the browser: a manager proposes a bonus for someone in their region (the dialog
// asks for the amount a bonus needs before sending anything), and HR confirms it with a note.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../support/sql.ts";
import { RewardsPageObject } from "./pages/performance.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, newPosition, newStaff, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("a reward", () => {
  it("a manager proposes a bonus (refused without an amount) for someone in their region, and HR confirms it", async () => {
    const { manager, region } = await managerWithRegion();
    const hr = await personWithLogin(["hr_admin"]);
    const tag = randomUUID().slice(0, 6);
    const seller = { fullName: `Rewarded Seller ${tag}`, email: `rw-${tag}@test.example.com` };
    const sellerId = await newStaff(seller, region.id, (await newPosition({ sales: true })).id);

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(manager.email, manager.password);
    const rewards = new RewardsPageObject(page);
    await rewards.open();
    await rewards.propose({ person: seller.fullName, kind: "Bonus", amount: null, reason: "Closed the Acme renewal" });
    await rewards.submitDialog("rewards.propose");
    await rewards.dialog().getByText(text("rewards.errors.amount")).waitFor();
    expect(await sql("select 1 from public.rewards where staff_id = $1", [sellerId])).toHaveLength(0);
    await rewards
      .dialog()
      .getByRole("spinbutton", { name: text("rewards.fields.amount") })
      .fill("500");
    await rewards.submitAndClose("rewards.propose");
    await rewards.row(seller.fullName).getByText(text("rewards.status.proposed")).waitFor();

    const hrPage = await session.newPage();
    await new ShellPageObject(hrPage).signInAs(hr.email, hr.password);
    const deciding = new RewardsPageObject(hrPage);
    await deciding.open();
    await deciding.filterBy(seller.fullName);
    await deciding
      .row(seller.fullName)
      .getByRole("button", { name: text("rewards.confirm") })
      .click();
    await deciding
      .dialog()
      .getByRole("textbox", { name: text("rewards.fields.decision_note") })
      .fill("Budget approved");
    await deciding.submitAndClose("rewards.confirm");
    await deciding.row(seller.fullName).getByText(text("rewards.status.confirmed")).waitFor();
    await deciding
      .row(seller.fullName)
      .getByText(/Budget approved/)
      .waitFor();

    const [stored] = await sql<{ status: string; kind: string; amount: string; proposer: string; decider: string }>(
      `select status, kind, amount::text as amount, proposed_by::text as proposer, decided_by::text as decider
         from public.rewards where staff_id = $1`,
      [sellerId],
    );
    expect(stored).toEqual({
      status: "confirmed",
      kind: "bonus",
      amount: "500.00",
      proposer: manager.id,
      decider: hr.id,
    });
  });
});
