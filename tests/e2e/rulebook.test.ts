// The rulebook in the browser: HR drafts and submits a rule and a second HR publishes it
// (the submitter is refused); a salesperson acknowledges it, is asked again when a new version
// is published, and the coverage page follows; the auditor reads every version and the diff
// without any edit control; search finds a Chinese phrase inside a Chinese body; and a body
// full of script-injection vectors renders without running any of them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, demo, serviceClient, type TestUser } from "../support/clients.ts";
import { moveRule, writeRule } from "../support/rules.ts";
import { xssBody } from "../support/xss-corpus.ts";
import { RegulationsPageObject } from "./pages/regulations.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";
import { newCategory, newPosition, publishedRule } from "./support/people.ts";

const session = openBrowser();
const admin = () => serviceClient();

async function salespersonWithStaffRecord(): Promise<TestUser> {
  const user = await createTestUser(["salesperson"]);
  const position = await newPosition();
  const { error } = await admin()
    .from("staff")
    .insert({ full_name: user.fullName, email: user.email, position_id: position.id, user_id: user.id });
  if (error) throw error;
  return user;
}

async function ruleId(code: string): Promise<string> {
  const { data } = await admin().from("regulations").select("id").eq("code", code).single();
  return data!.id;
}

describe("publishing and acknowledging a rule", () => {
  it("HR drafts and submits, a second HR publishes, the salesperson acknowledges and is asked again after version 2, and coverage follows", async () => {
    const hr1 = await createTestUser(["hr_admin"]);
    const hr2 = await createTestUser(["hr_admin"]);
    const seller = await salespersonWithStaffRecord();
    const code = `E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
    const category = await newCategory();
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    const rules = new RegulationsPageObject(page);

    // HR 1 writes and submits; publishing their own submission is refused.
    await shell.signInAs(hr1.email, hr1.password);
    await rules.create({
      code,
      category: category.label,
      effectiveDate: "2026-12-01",
      title: "Answering the phone",
      body: "## Rules\n\n1. Answer within three rings.",
    });
    await rules.waitForStatus("Draft");
    await rules.step("rule-submit");
    await rules.waitForStatus("In review");
    await rules.step("rule-publish");
    await rules.workflowError().getByText("another person must publish it").waitFor();
    const id = await ruleId(code);

    // HR 2 publishes version 1.
    await shell.signOut();
    await shell.signInAs(hr2.email, hr2.password);
    await rules.openShow(id);
    await rules.step("rule-publish");
    await rules.waitForStatus("Published");
    expect(await rules.body().innerText()).toContain("Answer within three rings.");

    // The salesperson sees it pending (badge), and acknowledges it.
    await shell.signOut();
    await shell.signInAs(seller.email, seller.password);
    await rules.pendingBadge().waitFor();
    await rules.openMyRules();
    await rules.myRule(code).waitFor();
    await rules.acknowledge(code);

    // Coverage shows the salesperson confirmed; HR 1 drafts version 2 and submits it.
    await shell.signOut();
    await shell.signInAs(hr1.email, hr1.password);
    await rules.openCoverage(id, seller.email);
    await rules
      .coverageStatus(seller.email)
      .getByText(/Confirmed/)
      .waitFor();
    await rules.reviseBody(id, "## Rules\n\n1. Answer within two rings.\n2. Give your name.");
    await rules.waitForStatus("Draft");
    await page.getByText("v1 in force").waitFor();
    await rules.step("rule-submit");
    await rules.waitForStatus("In review");

    // HR 2 publishes version 2: coverage drops back for the salesperson.
    await shell.signOut();
    await shell.signInAs(hr2.email, hr2.password);
    await rules.openShow(id);
    await rules.step("rule-publish");
    await rules.waitForStatus("Published");
    await rules.openCoverage(id, seller.email);
    await rules.coverageStatus(seller.email).getByText("Not yet").waitFor();

    // The salesperson is asked again for version 2.
    await shell.signOut();
    await shell.signInAs(seller.email, seller.password);
    await rules.pendingBadge().waitFor();
    await rules.openMyRules();
    await rules.myRule(code).getByText("New version 2").waitFor();
    const before = await rules.pendingCount();
    await rules.acknowledge(code);
    await rules.waitForPendingCount(before - 1);

    // And coverage is complete again.
    await shell.signOut();
    await shell.signInAs(hr1.email, hr1.password);
    await rules.openCoverage(id, seller.email);
    await rules
      .coverageStatus(seller.email)
      .getByText(/Confirmed/)
      .waitFor();
  });
});

describe("coverage of a department", () => {
  /** A published rule for every position: HR 1 writes and submits it, HR 2 publishes it. */
  async function publishedRule(): Promise<string> {
    const [hr1, hr2] = [await createTestUser(["hr_admin"]), await createTestUser(["hr_admin"])];
    const { id } = await writeRule(
      hr1.client,
      (await newCategory()).id,
      { title: "Coverage drill", body: "Read me." },
      "COV",
    );
    for (const [client, to] of [
      [hr1.client, "in_review"],
      [hr2.client, "published"],
    ] as const) {
      const moved = await moveRule(client, id, to);
      if (moved.error) throw moved.error;
    }
    return id;
  }

  it("counts per territory in the database, drills into one, pages the people and exports every one still missing", async () => {
    const t = randomUUID().slice(0, 6).toUpperCase();
    const territory = async (code: string, parent: string | null) => {
      const { data, error } = await admin()
        .from("territories")
        .insert({ code, name: `Coverage ${code}`, parent_id: parent })
        .select("id")
        .single();
      if (error) throw error;
      return data.id;
    };
    const region = await territory(`CR-${t}`, null);
    const [north, south] = [await territory(`CR-${t}-N`, region), await territory(`CR-${t}-S`, region)];
    const position = await newPosition();
    const person = (i: number, territoryId: string) => ({
      full_name: `Cov ${t} ${String(i).padStart(2, "0")}`,
      email: `cov${i}-${t.toLowerCase()}@coverage.example.com`,
      position_id: position.id,
      territory_id: territoryId,
    });
    const rows = [
      ...Array.from({ length: 55 }, (_, i) => person(i, north)),
      ...Array.from({ length: 5 }, (_, i) => person(55 + i, south)),
      person(60, region),
    ];
    const { data: staff, error } = await admin().from("staff").insert(rows).select("id, email");
    if (error) throw error;
    const ruleId = await publishedRule();
    const confirmed = staff.slice(0, 3);
    const acks = await admin()
      .from("acknowledgements")
      .insert(confirmed.map((s) => ({ regulation_id: ruleId, version_number: 1, staff_id: s.id })));
    if (acks.error) throw acks.error;

    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.hr_admin.email, demo.hr_admin.password);
    const rules = new RegulationsPageObject(page);
    await rules.openCoverageIn(ruleId, region);
    expect(await rules.coverageCounts()).toEqual({ total: 61, missing: 58, listed: 61 });
    expect(await rules.coverageGroup(`CR-${t}-N`)).toBe("3 / 55");
    expect(await rules.coverageGroup(`CR-${t}-S`)).toBe("0 / 5");
    expect(await page.getByTestId("coverage-group-direct").count(), "the person placed in the region itself").toBe(1);

    // 61 people, 50 a page: the second page holds the rest, confirmed people last.
    const first = await rules.coveragePeople();
    await rules.coveragePageTo(2);
    const second = await rules.coveragePeople();
    expect(first).toHaveLength(50);
    expect(second).toHaveLength(11);
    expect(new Set([...first, ...second]).size).toBe(61);
    expect(second).toEqual(expect.arrayContaining(confirmed.map((s) => s.email)));

    // Only the missing, then the export: every one of them, not a page of them.
    await rules.onlyMissing();
    await page.locator("[data-testid=coverage-people][data-total='58']").waitFor();
    const csv = (await rules.exportMissing())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe("rule,version,full_name,email,territory");
    expect(csv).toHaveLength(59);
    expect(
      csv.some((line) => confirmed.some((s) => line.includes(s.email))),
      "nobody who confirmed",
    ).toBe(false);

    // A link to a page past the end (page 9 of 2) lands on the last page.
    await rules.openCoverageIn(ruleId, region, 9);
    await rules.coverageShowsPage(2);
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    expect(await rules.coveragePeople()).toHaveLength(11);

    // Drilling into the north area recounts inside it.
    await rules.drillInto(`CR-${t}-N`);
    expect(await rules.coverageCounts()).toMatchObject({ total: 55, missing: 52 });
  });
});

describe("the auditor", () => {
  it("reads every version and the word diff, has no workflow controls, and a disabled Edit explains why", async () => {
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(demo.auditor.email, demo.auditor.password);
    const rules = new RegulationsPageObject(page);
    await rules.openList();
    expect(await page.getByTestId("rule-create").count()).toBe(0);

    await rules.openShow(await ruleId("TER-01"));
    await rules.body().waitFor();
    await rules.openVersionsTab();
    await page.getByTestId("rule-version-1").click();
    await rules.diff().waitFor();
    // Version 2 added the third clause.
    expect((await rules.diff().locator("ins[data-diff=added]").allInnerTexts()).join("")).toContain(
      "3. A lead from another territory is passed to the salesperson responsible for it the same day.",
    );
    await rules.diff().getByText("Side by side").click();
    expect(await rules.diff().getByRole("group").count()).toBe(2);

    // Edit is shown disabled, with a "Why?" that gives the overriding rule.
    expect(await page.getByTestId("rule-edit").isDisabled()).toBe(true);
    await page.getByTestId("rule-edit-why").click();
    expect(await page.getByTestId("why-sentence").innerText()).toContain(
      "auditors never change anything, whatever the matrix says",
    );
    await page.keyboard.press("Escape");
    for (const control of [
      "rule-submit",
      "rule-publish",
      "rule-retire",
      "rule-back-to-draft",
      "rule-reopen",
      "ladder-editor",
    ]) {
      expect(await page.getByTestId(control).count(), control).toBe(0);
    }
  });
});

describe("search", () => {
  it("finds a Chinese phrase inside a Chinese body and highlights it", async () => {
    const rule = await publishedRule({
      title: "Discounts",
      body: "A salesperson gives no discount over five per cent without the manager's approval.",
      bodyZh: "销售员未经经理许可不得给予超过百分之五的折扣。",
    });
    const page = await session.newPage();
    await new ShellPageObject(page).signInAs(rule.writer.email, rule.writer.password);
    const rules = new RegulationsPageObject(page);
    await rules.openList();
    await rules.search("未经经理许可");
    const hit = rules.hit(rule.code);
    await hit.waitFor();
    expect(await hit.getByTestId("rule-hit-snippet").locator("mark").first().innerText()).toBe("未经经理许可");
  });
});

describe("rule bodies are sanitised", () => {
  it("a body holding a corpus of script-injection vectors renders without running any of them", async () => {
    const rule = await publishedRule({ title: "Rule under attack", body: xssBody });
    const page = await session.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await new ShellPageObject(page).signInAs(rule.writer.email, rule.writer.password);
    const rules = new RegulationsPageObject(page);
    await rules.openShow(rule.id);
    const body = rules.body();
    await body.getByText("is shown as code, not run").waitFor();

    // Give every element a chance to fire: hover, focus, click the harmless links.
    for (const el of await body.locator("*").all()) {
      await el.hover({ timeout: 500, force: true }).catch(() => undefined);
    }
    await body
      .getByText("click me")
      .click()
      .catch(() => undefined);
    // Let every handler those events queued run: two animation frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const leftovers = await body.evaluate((root) =>
      Array.from(root.querySelectorAll("*")).flatMap((el) =>
        Array.from(el.attributes)
          .filter(
            (a) =>
              /^on/i.test(a.name) ||
              a.name === "style" ||
              ((a.name === "href" || a.name === "src") && !/^(https?:|mailto:|#|\/(?!\/))/i.test(a.value.trim())),
          )
          .map((a) => `${el.tagName}[${a.name}=${a.value}]`),
      ),
    );
    expect(leftovers).toEqual([]);
    expect(await body.locator("script, iframe, object, embed, form, svg, math, style, meta, base, link").count()).toBe(
      0,
    );
    expect(page.url()).toContain(`/regulations/show/${rule!.id}`);
  });
});
