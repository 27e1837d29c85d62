// The ERP's monthly files: customers, sales and payments imported all or nothing, every bad
// row named by line and column on a dry run, nothing written when any row is bad, and a
// re-import of the same file writing nothing new (matched by code or ERP id).
import { randomUUID } from "node:crypto";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(closePools);

const tag = randomUUID().slice(0, 6).toUpperCase();
let hr: TestUser;
let territory: string;
let seller: string;

type Rows = Record<string, string>[];
const lines = (rows: Rows) => rows.map((r, i) => ({ _line: i + 2, ...r }));

async function run(
  user: TestUser,
  fn: "import_customers" | "import_sales" | "import_payments",
  rows: Rows,
  dry: boolean,
) {
  const { data, error } = await user.client.rpc(fn, { p_rows: lines(rows), p_dry_run: dry });
  if (error) throw new Error(error.message);
  return data as {
    ok: boolean;
    rows: number;
    inserted: number;
    errors: { line: number; column: string; code: string }[];
  };
}

const count = async (text: string, params: unknown[] = []) => Number((await sql<{ n: string }>(text, params))[0]!.n);

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
  const code = `IMP-${tag}`;
  territory = (
    await sql<{ id: string }>("insert into public.territories (code, name) values ($1, $1) returning id", [code])
  )[0]!.id;
  seller = (
    await sql<{ id: string }>(
      "insert into public.staff (full_name, email, position_id, territory_id) values ('Import Seller', $1, (select id from public.positions where code = 'salesperson'), $2) returning id",
      [`import-seller-${tag.toLowerCase()}@example.com`, territory],
    )
  )[0]!.id;
});

describe("customers import", () => {
  const good = (): Rows => [
    {
      code: `C1-${tag}`,
      name: "Ferretería Sol",
      tier: "vip",
      status: "active",
      territory: `IMP-${tag}`,
      address: "Calle 1",
    },
    { code: `C2-${tag}`, name: "Almacenes Luna", tier: "other", status: "", territory: `IMP-${tag}`, address: "" },
  ];

  it("names each bad row by line and column and writes nothing", async () => {
    const rows = good();
    rows[0]!.tier = "platinum";
    rows[1]!.code = "bad code";
    rows.push({ code: `C3-${tag}`, name: "", tier: "vip", status: "asleep", territory: "NOWHERE", address: "" });
    const result = await run(hr, "import_customers", rows, false);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, "tier", "unknown_tier"],
      [3, "code", "bad_code"],
      [4, "name", "required"],
      [4, "status", "bad_status"],
      [4, "territory", "unknown_territory"],
    ]);
    expect(await count("select count(*) as n from public.customers where code like $1", [`%-${tag}`])).toBe(0);
  });

  it("imports a good file in one go, owners from the territory, and a re-import writes nothing", async () => {
    expect(await run(hr, "import_customers", good(), true)).toMatchObject({
      ok: true,
      rows: 2,
      inserted: 0,
      dry_run: true,
    });
    expect(await count("select count(*) as n from public.customers where code like $1", [`%-${tag}`])).toBe(0);
    expect(await run(hr, "import_customers", good(), false)).toMatchObject({ ok: true, rows: 2, inserted: 2 });
    expect(
      await sql("select code, owner_id, status::text from public.customers where code like $1 order by code", [
        `%-${tag}`,
      ]),
    ).toEqual([
      { code: `C1-${tag}`, owner_id: seller, status: "active" },
      { code: `C2-${tag}`, owner_id: seller, status: "active" },
    ]);
    const versions = await sql("select code, version from public.customers where code like $1 order by code", [
      `%-${tag}`,
    ]);
    expect(await run(hr, "import_customers", good(), false)).toMatchObject({ ok: true, rows: 2, inserted: 0 });
    expect(
      await sql("select code, version from public.customers where code like $1 order by code", [`%-${tag}`]),
    ).toEqual(versions);
  });

  it("is refused to an auditor and keeps a manager to their territories", async () => {
    const auditor = await createTestUser(["auditor"]);
    const { error } = await auditor.client.rpc("import_customers", { p_rows: lines(good()), p_dry_run: true });
    expect(error?.code).toBe("42501");
    const manager = await createTestUser(["manager"]);
    const rows = [
      { code: `C9-${tag}`, name: "Elsewhere", tier: "other", status: "active", territory: `IMP-${tag}`, address: "" },
    ];
    const result = await run(manager, "import_customers", rows, true);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, "territory", "territory_outside_scope"]]);
  });
});

describe("sales and payments import", () => {
  const sales = (): Rows => [
    {
      external_id: `S1-${tag}`,
      sale_date: "2026-03-02",
      customer: `C1-${tag}`,
      product_line: "equipment",
      quantity: "2",
      amount: "1500.00",
      cost: "900",
    },
    {
      external_id: `S2-${tag}`,
      sale_date: "2026-03-05",
      customer: `C2-${tag}`,
      product_line: "services",
      amount: "80.5",
      discount_percent: "5",
      discount_granted_by: `import-seller-${tag.toLowerCase()}@example.com`,
    },
  ];

  beforeAll(async () => {
    // The customers of the file above (imported by the previous block, or here when run alone).
    await sql(
      `insert into public.customers (code, name, tier_id, territory_id)
       select c, c, (select id from public.customer_tiers where code = 'other'), $2 from unnest($1::text[]) c on conflict (code) do nothing`,
      [[`C1-${tag}`, `C2-${tag}`], territory],
    );
    await sql(
      "update public.customer_placements p set valid_from = '2024-01-01' from public.customers c where c.id = p.customer_id and c.code = any ($1)",
      [[`C1-${tag}`, `C2-${tag}`]],
    );
  });

  it("names bad sales rows by line and column and writes nothing", async () => {
    const rows = sales();
    rows[0]!.amount = "12.345";
    rows[0]!.customer = "NOBODY";
    rows[1]!.discount_granted_by = "";
    rows.push({
      external_id: `S1-${tag}`,
      sale_date: "2999-01-01",
      customer: `C1-${tag}`,
      product_line: "gadgets",
      amount: "-1",
    });
    const result = await run(hr, "import_sales", rows, true);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, "amount", "bad_amount"],
      [2, "customer", "unknown_customer"],
      [2, "external_id", "duplicate_in_file"],
      [3, "discount_granted_by", "grantor_required"],
      [4, "amount", "bad_amount"],
      [4, "external_id", "duplicate_in_file"],
      [4, "product_line", "unknown_product_line"],
      [4, "sale_date", "bad_date"],
    ]);
    expect(await run(hr, "import_sales", rows, false)).toMatchObject({ ok: false, inserted: 0 });
    expect(await count("select count(*) as n from public.sales where external_id like $1", [`%-${tag}`])).toBe(0);
  });

  it("imports sales credited to the owner of their date, and a re-import writes nothing new", async () => {
    expect(await run(hr, "import_sales", sales(), false)).toMatchObject({ ok: true, rows: 2, inserted: 2 });
    expect(
      await sql(
        "select s.external_id, s.amount::text, s.territory_id, c.staff_id, c.share_percent::text from public.sales s join public.sale_credits c on c.sale_id = s.id where s.external_id like $1 order by 1",
        [`%-${tag}`],
      ),
    ).toEqual([
      {
        external_id: `S1-${tag}`,
        amount: "1500.00",
        territory_id: territory,
        staff_id: seller,
        share_percent: "100.00",
      },
      { external_id: `S2-${tag}`, amount: "80.50", territory_id: territory, staff_id: seller, share_percent: "100.00" },
    ]);
    expect(await run(hr, "import_sales", sales(), false)).toMatchObject({ ok: true, inserted: 0 });
    const changed = sales();
    changed[1]!.amount = "90.00";
    expect(await run(hr, "import_sales", changed, false)).toMatchObject({ ok: true, inserted: 1 });
    expect(await count("select amount * 100 as n from public.sales where external_id = $1", [`S2-${tag}`])).toBe(9000);
  });

  it("refuses payments past a sale's amount at the line that passes it, then imports and re-imports cleanly", async () => {
    const payments = (): Rows => [
      { external_id: `P1-${tag}`, sale: `S1-${tag}`, paid_on: "2026-04-01", amount: "1000" },
      { external_id: `P2-${tag}`, sale: `S1-${tag}`, paid_on: "2026-04-15", amount: "500" },
    ];
    const over = payments();
    over.push({ external_id: `P3-${tag}`, sale: `S1-${tag}`, paid_on: "2026-04-20", amount: "0.01" });
    over.push({ external_id: `P4-${tag}`, sale: `S2-${tag}`, paid_on: "2026-03-01", amount: "1" });
    const result = await run(hr, "import_payments", over, true);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, "amount", "payment_exceeds_sale"],
      [5, "paid_on", "payment_before_sale"],
    ]);
    expect(await run(hr, "import_payments", payments(), false)).toMatchObject({ ok: true, inserted: 2 });
    expect(await run(hr, "import_payments", payments(), false)).toMatchObject({ ok: true, inserted: 0 });
    expect(await count("select count(*) as n from public.payments where external_id like $1", [`%-${tag}`])).toBe(2);
  });

  it("is refused to a salesperson, who records no sales", async () => {
    const salesperson = await createTestUser(["salesperson"]);
    const { error } = await salesperson.client.rpc("import_sales", { p_rows: lines(sales()), p_dry_run: true });
    expect(error?.code).toBe("42501");
  });
});
