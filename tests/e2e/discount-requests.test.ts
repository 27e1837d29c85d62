// Discount requests in the browser: a salesperson asks for a discount for their customer (the
// dialog asks why before sending anything) and their manager, whose position may grant it,
// approves it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { serviceClient } from "../support/clients.ts";
import { sql } from "../support/sql.ts";
import { DiscountRequestsPageObject } from "./pages/discount-requests.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { text } from "./support/text.ts";
import { managerWithRegion, personWithLogin } from "./support/people.ts";

const session = openBrowser();

describe("a discount request", () => {
  it("a salesperson asks for 8% (refused without a reason) and their manager, who may grant up to 10%, approves it", async () => {
    const { manager, region } = await managerWithRegion();
    const seller = await personWithLogin(["salesperson"], region.id);
    await sql(
      "update public.positions set max_discount_percent = 10 where id = (select position_id from public.staff where id = $1)",
      [manager.staffId],
    );
    const code = `DQ-${randomUUID().slice(0, 6).toUpperCase()}`;
    const { error } = await serviceClient()
      .from("customers")
      .insert({
        code,
        name: "Discount customer",
        tier_id: (await sql<{ id: string }>("select id from public.customer_tiers order by sort_order limit 1"))[0]!.id,
        territory_id: region.id,
      });
    expect(error).toBeNull();

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(seller.email, seller.password);
    const requests = new DiscountRequestsPageObject(page);
    await requests.open();
    await requests.ask({ code, customer: `${code} · Discount customer`, price: "12000", percent: "8", reason: "" });
    await requests.send();
    await requests.dialog().getByText(text("discount_requests.errors.reason")).waitFor();
    expect(await sql("select 1 from public.discount_requests where requested_by = $1", [seller.staffId])).toHaveLength(
      0,
    );
    await requests
      .dialog()
      .getByRole("textbox", { name: text("discount_requests.fields.reason") })
      .fill("Matching a competitor");
    await requests.send();
    await requests.dialog().waitFor({ state: "detached" });
    await requests.row(code).getByText(text("discount_requests.status.pending")).waitFor();

    const managerPage = await session.newPage();
    await new ShellPageObject(managerPage).signInAs(manager.email, manager.password);
    const queue = new DiscountRequestsPageObject(managerPage);
    await queue.open();
    await queue.approve(code);
    await queue.showAll();
    await queue.row(code).getByText(text("discount_requests.status.approved")).waitFor();

    const stored = await sql<{ status: string; decider: string; percent: string }>(
      "select status::text, decided_by::text as decider, discount_percent::text as percent from public.discount_requests where requested_by = $1",
      [seller.staffId],
    );
    expect(stored).toEqual([{ status: "approved", decider: manager.staffId, percent: "8.00" }]);
  });
});
