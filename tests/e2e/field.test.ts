// Field work in the browser, on a phone-width screen: a salesperson sees their own overdue
// customer (and no other territory's), logs a visit from the overdue list, and the customer
// is no longer overdue. And the month's visit plan: a line planned, then plan vs done.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { serviceClient } from "../support/clients.ts";
import { sql } from "../support/sql.ts";
import { FieldPageObject } from "./pages/field.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { newPosition, newTerritory, personWithLogin } from "./support/people.ts";

const session = openBrowser();

async function overdueVip(territoryId: string, name: string): Promise<string> {
  const { data: tier } = await serviceClient().from("customer_tiers").select("id").eq("code", "vip").single();
  const { data, error } = await serviceClient()
    .from("customers")
    .insert({
      code: `E2E-${randomUUID().slice(0, 6).toUpperCase()}`,
      name,
      tier_id: tier!.id,
      status: "active",
      territory_id: territoryId,
    })
    .select("id")
    .single();
  if (error) throw error;
  // In the VIP tier (a visit every 30 days) for 40 days, never visited: 10 days overdue.
  await sql("update public.customers set tier_since = current_date - 40 where id = $1", [data.id]);
  return data.id;
}

describe("a salesperson's overdue visits", () => {
  it("logs a visit from the overdue list on a phone, and the customer leaves the list", async () => {
    const territory = await newTerritory("Phone area");
    const elsewhere = await newTerritory("Other area");
    const seller = await personWithLogin(["salesperson"]);
    await serviceClient()
      .from("staff")
      .update({ territory_id: territory.id, position_id: (await newPosition({ sales: true })).id })
      .eq("id", seller.staffId);
    const mine = `Quinta Azul ${randomUUID().slice(0, 4)}`;
    const theirs = `Casa Roja ${randomUUID().slice(0, 4)}`;
    await overdueVip(territory.id, mine);
    await overdueVip(elsewhere.id, theirs);

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(seller.email, seller.password);
    await page.setViewportSize({ width: 390, height: 844 });
    const field = new FieldPageObject(page);
    await field.openOverdue();
    await field.overdueRow(mine).waitFor();
    expect(await field.overdueRow(mine).innerText()).toMatch(/10 days overdue/);
    expect(await field.overdueRow(theirs).count()).toBe(0);

    await field.logVisitFrom(mine, "Monthly VIP visit", "Order agreed for January");
    await field.openOverdue();
    await field.overdueRow(mine).waitFor({ state: "detached" });
    expect(await field.overdueRow(mine).count()).toBe(0);

    const [visit] = await sql<{ purpose: string; staff_id: string; territory_id: string }>(
      "select v.purpose, v.staff_id, v.territory_id from public.visits v join public.customers c on c.id = v.customer_id where c.name = $1",
      [mine],
    );
    expect(visit).toEqual({ purpose: "Monthly VIP visit", staff_id: seller.staffId, territory_id: territory.id });
  });
});

describe("a salesperson's monthly visit plan", () => {
  it("plans two visits to a customer, and plan vs done counts the one made", async () => {
    const territory = await newTerritory("Plan area");
    const seller = await personWithLogin(["salesperson"]);
    await serviceClient()
      .from("staff")
      .update({ territory_id: territory.id, position_id: (await newPosition({ sales: true })).id })
      .eq("id", seller.staffId);
    const name = `Bodega Verde ${randomUUID().slice(0, 4)}`;
    const customerId = await overdueVip(territory.id, name);

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(seller.email, seller.password);
    const field = new FieldPageObject(page);
    await field.openPlan();
    await field.planVisits(name, "2");
    await field.rowNaming(name).waitFor();
    expect(await field.rowNaming(name).getByRole("cell").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(name), "2", "0"]),
    );
    const [plan] = await sql<{ planned_visits: number; staff_id: string }>(
      "select planned_visits, staff_id from public.visit_plans where customer_id = $1",
      [customerId],
    );
    expect(plan).toEqual({ planned_visits: 2, staff_id: seller.staffId });

    await sql(
      "insert into public.visits (customer_id, staff_id, visited_on, purpose) values ($1, $2, current_date, 'Planned visit')",
      [customerId, seller.staffId],
    );
    await field.openPlan();
    await field.openPlanVsDone();
    const row = field.rowNaming(seller.fullName);
    await row.waitFor();
    expect(await row.getByRole("cell").last().innerText()).toBe("1 / 2");
  });
});
