// The ERP's monthly sales file at scale: 100,000 lines for customers of the reference
// department, checked (dry run) and then imported by HR with import_sales, each in a
// transaction that is rolled back after the checks deferred to commit have run. It runs as PostgREST runs it: role `authenticated` with
// HR's claims, the function's own 60 s statement_timeout in force (PostgREST hoists it).
import pg from "pg";
import type { Stack } from "../../supabase/local/stack.ts";

export interface ImportTiming {
  rows: number;
  dryRunMs: number;
  importMs: number;
  inserted: number;
}

export const importRows = 100_000;

export async function measureSalesImport(stack: Stack, hrUserId: string): Promise<ImportTiming> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    const { rows: customers } = await client.query<{ code: string }>(
      "select code from public.customers where code like 'BC-%' order by code limit 5000",
    );
    const { rows: lines } = await client.query<{ code: string }>("select code from public.product_lines order by code");
    // Who grants the file's discounts: someone whose position may grant 5% for nine lines in ten,
    // a salesperson (who may grant none) for the tenth: 1,000 breaches the discount check finds
    // as the file is written (the import checks the e-mails exist).
    const { rows: grantors } = await client.query<{ email: string }>(
      `(select s.email::text as email from public.staff s join public.positions p on p.id = s.position_id
         where s.status <> 'left' and p.max_discount_percent >= 5 order by s.email limit 1)
       union all
       (select s.email::text from public.staff s join public.positions p on p.id = s.position_id
         where s.status <> 'left' and p.max_discount_percent = 0 order by s.email limit 1)`,
    );
    if (customers.length === 0 || lines.length === 0)
      throw new Error("no customers or product lines to import sales for");
    const run = Date.now().toString(36);
    const file = Array.from({ length: importRows }, (_, i) => ({
      _line: String(i + 2),
      external_id: `BENCH-${run}-${i}`,
      document: i % 5 === 0 ? "order" : "invoice",
      sale_date: `2026-${String((i % 10) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
      customer: customers[i % customers.length]!.code,
      product_line: lines[i % lines.length]!.code,
      quantity: String((i % 7) + 1),
      amount: `${1000 + (i % 900)}.50`,
      cost: `${600 + (i % 300)}.25`,
      // One line in ten carries a discount, with who granted it.
      discount_percent: i % 10 === 0 ? "5" : "0",
      discount_granted_by: i % 10 === 0 ? (grantors[i % 100 === 0 ? 1 : 0]?.email ?? "") : "",
    }));
    const body = JSON.stringify(file);
    const once = async (dryRun: boolean) => {
      await client.query("begin");
      try {
        await client.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: hrUserId, role: "authenticated" }),
        ]);
        await client.query("set local role authenticated");
        await client.query("set local statement_timeout = '60s'");
        const t0 = performance.now();
        const { rows } = await client.query<{ r: { ok: boolean; inserted: number; errors: unknown[] } }>(
          "select public.import_sales($1::jsonb, $2) as r",
          [body, dryRun],
        );
        // The checks deferred to commit (each sale's credit split) are part of the import.
        await client.query("set constraints all immediate");
        const took = performance.now() - t0;
        const result = rows[0]!.r;
        if (!result.ok) throw new Error(`the import refused the file: ${JSON.stringify(result.errors).slice(0, 300)}`);
        return { took, inserted: result.inserted };
      } finally {
        await client.query("rollback");
      }
    };
    const dry = await once(true);
    const real = await once(false);
    await client.query("vacuum (analyze) public.sales, public.sale_credits");
    return { rows: importRows, dryRunMs: dry.took, importMs: real.took, inserted: real.inserted };
  } finally {
    await client.end();
  }
}
