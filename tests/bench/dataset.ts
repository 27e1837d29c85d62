// The reference department, as SQL steps run by `npm run seed:large` on top of the demo seed.
// Determinism: no random(); every choice is pg_temp.h(key), a number in [0, 1) from the md5
// of a fixed key, so two runs produce the same rows (ids are md5-derived uuids as well).
import type pg from "pg";

export const targets = {
  territories: 1000,
  levels: 5,
  positions: 200,
  staff: 5000,
  /** Regulations with three published versions (the demo seed's own rules come on top). */
  regulations: 200,
  acknowledgements: 50_000,
  audit_rows: 1_000_000,
  customers: 100_000,
  visits: 500_000,
  sales: 1_000_000,
  violations: 100_000,
  meetings: 20_000,
  attendance: 200_000,
  discount_requests: 20_000,
  training_sessions: 2000,
  training_attendance: 100_000,
  suggestions: 20_000,
  summaries: 60_000,
  /** Breaches planted in the last month for the detectors to find. */
  discounts_above_authority: 1000,
  visits_outside_territory: 1000,
} as const;

/** Salespeople in the reference set: one per territory at most (the database insists). */
const salespeople = 900;
const auditBatch = 100_000;

export interface Step {
  label: string;
  run(client: pg.Client, progress: (line: string) => void): Promise<void>;
}

const helpers = `
create or replace function pg_temp.h(p_key text) returns double precision
language sql immutable as $$ select ('x' || substr(md5(p_key), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
create or replace function pg_temp.pick(p_items text[], p_key text) returns text
language sql immutable as $$ select p_items[1 + floor(pg_temp.h(p_key) * cardinality(p_items))::int] $$;
`;

// Rule text: sentences per language, picked by hash, so bodies differ and search has
// something real to find in English, Spanish and Chinese.
const sentences = {
  en: [
    "A discount above the list price band needs the written approval of the regional manager.",
    "Every visit to a customer is logged in the CRM on the same working day.",
    "Samples leave the warehouse only against a signed delivery note.",
    "Leads from another territory are passed to the salesperson responsible for it.",
    "Gifts from customers worth more than fifty euros are declared to HR.",
    "Weekly sales meetings start on time; absence is reported in advance.",
    "Price lists are confidential and never sent to competitors or third parties.",
    "Complaints are answered within two working days and escalated when unresolved.",
    "Expense claims carry the receipt and the customer visited.",
    "Contracts are signed only in the name of the company and never privately.",
  ],
  es: [
    "Un descuento por encima de la banda de precios necesita la aprobación escrita del gerente regional.",
    "Cada visita a un cliente se registra en el CRM el mismo día laborable.",
    "Las muestras salen del almacén solo con un albarán firmado.",
    "Los contactos de otra zona se pasan al vendedor responsable de ella.",
    "Los regalos de clientes de más de cincuenta euros se declaran a Recursos Humanos.",
    "Las reuniones semanales de ventas empiezan a su hora; la ausencia se avisa con antelación.",
    "Las listas de precios son confidenciales y nunca se envían a la competencia.",
    "Las reclamaciones se responden en dos días laborables y se escalan si siguen abiertas.",
    "Las notas de gastos llevan el recibo y el cliente visitado.",
    "Los contratos se firman solo en nombre de la empresa, nunca a título privado.",
  ],
  zh: [
    "超出价目区间的折扣须经区域经理书面批准。",
    "每次拜访客户须在当天录入客户管理系统。",
    "样品须凭签字的送货单出库。",
    "来自其他区域的线索须转交给该区域的负责销售员。",
    "价值超过五十欧元的客户礼品须向人力资源部申报。",
    "每周销售例会准时开始，缺席须提前报告。",
    "价目表属于机密，不得发送给竞争对手或第三方。",
    "客户投诉须在两个工作日内答复，未解决的须上报。",
    "报销单须附收据并注明所拜访的客户。",
    "合同只能以公司名义签订，不得私下签订。",
  ],
};

const sqlArray = (items: string[]) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(", ")}]`;

const firstNames = [
  "Ana",
  "Luis",
  "Marta",
  "Javier",
  "Lucía",
  "Pablo",
  "Elena",
  "Diego",
  "Carmen",
  "Sergio",
  "Wei",
  "Li",
  "Fang",
  "Jun",
  "Mei",
  "Hao",
  "Emma",
  "Oliver",
  "Sophie",
  "James",
  "Noa",
  "Hugo",
  "Irene",
  "Tomás",
  "Yan",
  "Bo",
  "Clara",
  "Adrián",
  "Xin",
  "Lena",
];
const lastNames = [
  "García",
  "Martínez",
  "López",
  "Sánchez",
  "Pérez",
  "Gómez",
  "Fernández",
  "Moreno",
  "Zhang",
  "Wang",
  "Liu",
  "Chen",
  "Yang",
  "Huang",
  "Smith",
  "Brown",
  "Taylor",
  "Wilson",
  "Navarro",
  "Ortega",
  "Castro",
  "Rubio",
  "Zhou",
  "Wu",
  "Xu",
  "Sun",
  "Molina",
  "Delgado",
  "Ramos",
  "Gil",
];

/** Markdown body of a bench rule's version in one language. */
function bodySql(lang: "en" | "es" | "zh", key: string, version: string): string {
  const heading = { en: "## Rule", es: "## Norma", zh: "## 规定" }[lang];
  const list = sqlArray(sentences[lang]);
  return `'${heading}' || E'\\n\\n' || (select string_agg(k || '. ' || pg_temp.pick(${list}, ${key} || '${lang}' || k), E'\\n') from generate_series(1, 3 + ${version}) k)`;
}

/**
 * Temp tables of the areas (third-level territories) with at least `minPeople` people in their
 * subtree, for steps that give each area its own events: `${name}_staff` numbers each area's
 * people from 0 (`n`, with the area's `total`), `${name}_areas` numbers the areas from 0 (`i`).
 */
function areaTablesSql(name: string, minPeople: number): string {
  return `
    create temp table ${name}_staff as
    select a.id as area_id, s.id as staff_id, s.territory_id,
           (row_number() over (partition by a.id order by s.id) - 1)::int as n,
           (count(*) over (partition by a.id))::int as total
      from public.territories a
      join public.territories t on t.path <@ a.path
      join public.staff s on s.territory_id = t.id and s.status <> 'left'
     where nlevel(a.path) = 3;
    delete from ${name}_staff where total < ${minPeople};
    create index on ${name}_staff (area_id, n);
    create temp table ${name}_areas as
    select (row_number() over (order by area_id) - 1)::int as i, area_id, max(total) as total
      from ${name}_staff group by area_id;
    create unique index on ${name}_areas (i);`;
}

export const steps: Step[] = [
  {
    label: "territories: 1,000 on 5 levels",
    async run(client) {
      await client.query(helpers);
      await client.query(`
        insert into public.territories (id, code, name, parent_id)
        select md5('bt:' || v.code)::uuid, v.code, v.name, null from (values ('EST', 'East region'), ('WES', 'West region')) v(code, name);
        insert into public.territories (id, code, name, parent_id)
        select md5('bt:' || r.code || '-' || s.code)::uuid, r.code || '-' || s.code, r.word || ' ' || s.word, md5('bt:' || r.code)::uuid
          from (values ('EST', 'East'), ('WES', 'West')) r(code, word), (values ('N', 'North'), ('S', 'South')) s(code, word);
        insert into public.territories (id, code, name, parent_id)
        select md5('bt:' || p.code || '-' || k)::uuid, p.code || '-' || k, p.name || ' area ' || k, p.id
          from public.territories p, generate_series(1, 3) k where p.code in ('EST-N', 'EST-S', 'WES-N', 'WES-S');
        insert into public.territories (id, code, name, parent_id, custom_fields)
        select md5('bt:' || p.code || '-' || k)::uuid, p.code || '-' || k, p.name || ', district ' || k, p.id,
               jsonb_build_object('market_size', pg_temp.pick(array['small', 'medium', 'large'], 'ms' || p.code || k))
          from public.territories p, generate_series(1, 6) k where nlevel(p.path) = 3;
        with districts as (
          select p.id, p.code, p.name, row_number() over (order by p.code) - 1 as rn, count(*) over () as n
            from public.territories p where nlevel(p.path) = 4
        )
        insert into public.territories (id, code, name, parent_id, custom_fields)
        select md5('bt:' || d.code || '-' || (i / d.n + 1))::uuid, d.code || '-' || (i / d.n + 1), d.name || ', zone ' || (i / d.n + 1), d.id,
               jsonb_build_object('market_size', pg_temp.pick(array['small', 'medium', 'large'], 'ms' || d.code || i))
          from generate_series(0, ${targets.territories} - (select count(*) from public.territories) - 1) i
          join districts d on d.rn = i % d.n;`);
    },
  },
  {
    label: "positions: 200",
    async run(client) {
      await client.query(`
        insert into public.positions (code, title_en, title_es, title_zh, parent_id, default_role_code, headcount, sort_order)
        select 'bench_position_' || lpad(i::text, 3, '0'),
               case when i <= 150 then 'Sales representative, line ' || i else 'Sales operations specialist ' || i end,
               case when i <= 150 then 'Representante de ventas, línea ' || i else 'Especialista de operaciones de ventas ' || i end,
               case when i <= 150 then '销售代表（产品线 ' || i || '）' else '销售运营专员 ' || i end,
               (select p.id from public.positions p where p.code = case when i <= 150 then 'sales_supervisor' else 'sales_manager' end),
               case when i <= 150 then 'salesperson' end, 10, 100 + i
          from generate_series(1, ${targets.positions} - (select count(*) from public.positions)) i;`);
    },
  },
  {
    label: "staff: 5,000 with custom-field values (salespeople get territories)",
    async run(client) {
      await client.query(`
        with free as (
          select array_agg(t.id order by t.code) as ids from public.territories t
           where nlevel(t.path) >= 4
             and not exists (select 1 from public.territory_assignments a where a.territory_id = t.id and a.valid_to is null)
        ), everywhere as (
          select array_agg(t.id order by t.code) as ids from public.territories t
        ), sales_positions as (
          select array_agg(p.id order by p.code) as ids from public.positions p where p.code like 'bench_position_%' and p.default_role_code = 'salesperson'
        ), other_positions as (
          select array_agg(p.id order by p.code) as ids from public.positions p where p.default_role_code is null
        ), people as (
          select i, i <= ${salespeople} as sales, pg_temp.h('status' || i) as s
            from generate_series(1, ${targets.staff} - (select count(*) from public.staff)) i
        )
        insert into public.staff (id, full_name, email, phone, position_id, territory_id, manager_id, hire_date, status, status_changed_on, custom_fields)
        select md5('bs:' || p.i)::uuid,
               pg_temp.pick(${sqlArray(firstNames)}, 'fn' || p.i) || ' ' || pg_temp.pick(${sqlArray(lastNames)}, 'ln' || p.i),
               'bench.person' || p.i || '@example.com',
               '+34 7' || lpad(((p.i * 7919) % 100000000)::text, 8, '0'),
               case when p.sales then sp.ids[1 + (p.i - 1) % cardinality(sp.ids)] else op.ids[1 + p.i % cardinality(op.ids)] end,
               case when p.sales then f.ids[p.i] else e.ids[1 + floor(pg_temp.h('terr' || p.i) * cardinality(e.ids))::int] end,
               case when p.i > 20 and pg_temp.h('mgr' || p.i) < 0.6 then md5('bs:' || (p.i / 20))::uuid end,
               date '2012-01-01' + floor(pg_temp.h('hire' || p.i) * 4500)::int,
               (case when p.sales or p.s < 0.9 then 'active' when p.s < 0.96 then 'on_leave' else 'left' end)::public.staff_status,
               date '2012-01-01' + floor(pg_temp.h('hire' || p.i) * 4500)::int,
               jsonb_build_object(
                 'birthday', (date '1960-01-01' + floor(pg_temp.h('bd' || p.i) * 14000)::int)::text,
                 'hobbies', coalesce((select jsonb_agg(x order by x) from unnest(array['reading', 'football', 'music', 'travel', 'cooking', 'hiking', 'chess', 'photography']) x
                                       where pg_temp.h('hob' || p.i || x) < 0.25), '["reading"]'::jsonb))
          from people p, free f, everywhere e, sales_positions sp, other_positions op
         order by p.i;`);
    },
  },
  {
    label: "regulations: 200 with 3 published versions in en/es/zh",
    async run(client) {
      await client.query(`
        create temp table bench_rules as
        select i, md5('br:' || i)::uuid as id, 'BEN-' || lpad(i::text, 3, '0') as code,
               (select array_agg(c.id order by c.code) from public.regulation_categories c) as categories
          -- 200 reference rules of their own, next to the demo seed's (which have fewer versions).
          from generate_series(1, (${targets.regulations} - (select count(*) from public.regulations where code like 'BEN-%'))::int) i;
        insert into public.regulations (id, code, category_id, owner_id, applies_to_all_positions, status, effective_date, current_version, draft_number)
        select r.id, r.code, r.categories[1 + r.i % cardinality(r.categories)], '00000000-0000-4000-a000-000000000001', true,
               'published', date '2025-01-01' + r.i::int, 3, 4
          from bench_rules r;
        insert into public.regulation_versions (regulation_id, version_number, title_en, title_es, title_zh, body_en, body_es, body_zh,
                                                category_id, sanctions, positions, effective_date, submitted_by, published_by, published_at)
        select r.id, v, 'Working rule ' || r.i, 'Norma de trabajo ' || r.i, '工作规定 ' || r.i,
               ${bodySql("en", "r.code", "v")}, ${bodySql("es", "r.code", "v")}, ${bodySql("zh", "r.code", "v")},
               g.category_id, '[]'::jsonb, null, g.effective_date,
               '00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000001', now() - make_interval(days => 120 * (4 - v))
          from bench_rules r join public.regulations g on g.id = r.id, generate_series(1, 3) v;
        insert into public.regulation_drafts (regulation_id, title_en, title_es, title_zh, body_en, body_es, body_zh)
        select v.regulation_id, v.title_en, v.title_es, v.title_zh, v.body_en, v.body_es, v.body_zh
          from public.regulation_versions v join bench_rules r on r.id = v.regulation_id where v.version_number = 3;`);
    },
  },
  {
    label: "acknowledgements: 50,000",
    async run(client) {
      await client.query(`
        insert into public.acknowledgements (regulation_id, version_number, staff_id)
        select pair.regulation_id, pair.version_number, pair.staff_id
          from (select r.id as regulation_id, r.current_version as version_number, s.id as staff_id
                  from public.regulations r
                  join public.staff s on s.status = 'active'
                 where r.code like 'BEN-%'
                 order by pg_temp.h(r.code || s.email)
                 limit ${targets.acknowledgements} - (select count(*) from public.acknowledgements)) pair;`);
    },
  },
  {
    // Field data in bulk, set-based: the tables' own triggers (snapshots, default credit, audit)
    // are switched off for the load and their work done here in whole statements, with the
    // same results (placements since 2024, visits and sales snapshotting the customer's
    // territory and owner, every sale credited 100% to its owner). Foreign keys stay checked.
    label: "customers 100,000, visits 500,000, sales 1,000,000 over 24 months (with credits, payments, plans)",
    async run(client, progress) {
      const tables = ["customers", "customer_placements", "visits", "visit_plans", "sales", "sale_credits", "payments"];
      for (const t of tables) await client.query(`alter table public.${t} disable trigger user`);
      try {
        await client.query(`
          create temp table bench_owned as
          select t.id as territory_id, a.staff_id, (row_number() over (order by t.code) - 1)::int as n
            from public.territories t join public.territory_assignments a on a.territory_id = t.id and a.valid_to is null;
          create unique index on bench_owned (n);
          analyze bench_owned;
          create temp table bench_tiers as
          select (select id from public.customer_tiers where code = 'vip') as vip, (select id from public.customer_tiers where code = 'first_level') as first,
                 (select id from public.customer_tiers where code = 'second_level') as second, (select id from public.customer_tiers where code = 'other') as other,
                 (select array_agg(id order by sort_order) from public.product_lines) as lines;`);
        const owned = Number((await client.query<{ n: string }>("select count(*) as n from bench_owned")).rows[0]!.n);
        await client.query(`
          insert into public.customers (id, code, name, tier_id, tier_since, status, territory_id, owner_id, address, created_at, updated_at)
          select md5('bc:' || i)::uuid, 'BC-' || lpad(i::text, 6, '0'),
                 pg_temp.pick(array['Aceros', 'Boreal', 'Cobalto', 'Delta', 'Estrella', 'Faro', 'Granito', 'Horizonte', 'Iris', 'Jade'], 'cn' || i) || ' ' ||
                 pg_temp.pick(array['Distribuciones', 'Industrial', 'Comercial', 'Suministros', 'Trading', 'Logística'], 'cm' || i) || ' ' || i,
                 case when pg_temp.h('tier' || i) < 0.05 then tt.vip when pg_temp.h('tier' || i) < 0.2 then tt.first
                      when pg_temp.h('tier' || i) < 0.5 then tt.second else tt.other end,
                 date '2024-06-01' + floor(pg_temp.h('since' || i) * 500)::int,
                 (case when pg_temp.h('st' || i) < 0.8 then 'active' when pg_temp.h('st' || i) < 0.9 then 'potential'
                       when pg_temp.h('st' || i) < 0.97 then 'prospect' else 'lost' end)::public.customer_status,
                 o.territory_id, o.staff_id, 'Calle ' || (i % 300) || ', ' || i, now(), now()
            from generate_series(1, ${targets.customers}) i
            join bench_owned o on o.n = i % ${owned}
            cross join bench_tiers tt;
          insert into public.customer_placements (customer_id, territory_id, owner_id, valid_from)
          select c.id, c.territory_id, c.owner_id, date '2024-01-01' from public.customers c where c.code like 'BC-%';
          analyze public.customers;`);
        progress("customers 100,000");
        await client.query(`
          create temp table bench_customers as
          select (row_number() over (order by c.id) - 1)::int as n, c.id, c.territory_id, c.owner_id
            from public.customers c where c.code like 'BC-%';
          create unique index on bench_customers (n);
          analyze bench_customers;
          insert into public.visits (customer_id, staff_id, visited_on, purpose, outcome, territory_id, owner_id, created_at, updated_at)
          select c.id, c.owner_id, current_date - 1 - floor(pg_temp.h('vd' || i) * 730)::int,
                 pg_temp.pick(array['Quarterly business review', 'New product presentation', 'Order follow-up', 'Payment collection'], 'vp' || i),
                 pg_temp.pick(array['Order agreed', 'Interested', 'No change', 'Payment promised'], 'vo' || i), c.territory_id, c.owner_id, now(), now()
            from generate_series(1, ${targets.visits}) i
            join bench_customers c on c.n = floor(pg_temp.h('vc' || i) * ${targets.customers})::int;`);
        // What the visits triggers keep: each customer's latest visit, and visits per person and month.
        await client.query(`
          insert into private.customer_last_visits (customer_id, last_visit_on)
          select v.customer_id, max(v.visited_on) from public.visits v group by v.customer_id
          on conflict (customer_id) do update set last_visit_on = excluded.last_visit_on;
          insert into private.visit_month_counts (staff_id, month, territory_id, n)
          select v.staff_id, date_trunc('month', v.visited_on::timestamp)::date, v.territory_id, count(*)
            from public.visits v group by 1, 2, 3
          on conflict (staff_id, month, territory_id) do update set n = excluded.n;`);
        progress("visits 500,000");
        for (let from = 1; from <= targets.sales; from += 250_000) {
          const to = Math.min(targets.sales, from + 249_999);
          await client.query(`
            insert into public.sales (id, external_id, sale_date, customer_id, product_line_id, quantity, amount, cost, territory_id, owner_id, created_at, updated_at)
            select md5('bsale:' || i)::uuid, 'BS-' || i, current_date - 1 - floor(pg_temp.h('sd' || i) * 730)::int, c.id,
                   tt.lines[1 + floor(pg_temp.h('sl' || i) * cardinality(tt.lines))::int], 1 + floor(pg_temp.h('sq' || i) * 20)::int,
                   x.amount, round(x.amount * 0.62, 2), c.territory_id, c.owner_id, now(), now()
              from generate_series(${from}, ${to}) i
              join bench_customers c on c.n = floor(pg_temp.h('sc' || i) * ${targets.customers})::int
              cross join bench_tiers tt
              cross join lateral (select round((50 + pg_temp.h('sa' || i) * 4950)::numeric, 2) as amount) x;
            insert into public.sale_credits (sale_id, staff_id, share_percent, territory_id)
            select s.id, s.owner_id, 100, s.territory_id from public.sales s
             where s.external_id like 'BS-%' and s.owner_id is not null and substr(s.external_id, 4)::int between ${from} and ${to};
            insert into public.payments (sale_id, paid_on, amount, territory_id, created_at, updated_at)
            select s.id, least(s.sale_date + 30, current_date), s.amount, s.territory_id, now(), now() from public.sales s
             where s.external_id like 'BS-%' and substr(s.external_id, 4)::int between ${from} and ${to}
               and s.sale_date < current_date - 45 and pg_temp.h('pay' || s.external_id) < 0.6;`);
          progress(
            `sales ${to.toLocaleString("en")} / ${targets.sales.toLocaleString("en")} (with credits and payments)`,
          );
        }
        await client.query(`
          insert into public.visit_plans (staff_id, month, customer_id, planned_visits, territory_id)
          select c.owner_id, date_trunc('month', current_date)::date, c.id, 1, c.territory_id
            from public.customers c join public.customer_tiers t on t.id = c.tier_id
           where c.code like 'BC-%' and c.owner_id is not null and t.code in ('vip', 'first_level') and c.status <> 'lost';
          -- What the plan triggers keep: visits planned per person and month.
          insert into private.visit_plan_month_counts (staff_id, month, territory_id, n)
          select vp.staff_id, vp.month, vp.territory_id, sum(vp.planned_visits)
            from public.visit_plans vp group by 1, 2, 3
          on conflict (staff_id, month, territory_id) do update set n = excluded.n;
          -- What the sales and payments triggers keep: totals per territory and month, first sales.
          select private.rebuild_sales_month_totals();`);
      } finally {
        for (const t of tables) await client.query(`alter table public.${t} enable trigger user`);
      }
    },
  },
  {
    label: "targets, actuals and evaluations: 10 KPIs x 24 months for every person with a territory",
    // Before the audit top-up: the targets' split is audited, and the log is then topped up to
    // its reference size.
    async run(client, progress) {
      // The reference set closes no month (the demo seed's close would refuse the months of the
      // people added here under the north region).
      await client.query("delete from public.period_closes");
      // Each bench position gets a published template (the demo positions have theirs).
      await client.query(`
        insert into public.evaluation_templates (position_id, valid_from, name)
        select p.id, date '2024-01-01', 'Bench ' || p.code from public.positions p
         where p.code like 'bench_position_%' and not exists (select 1 from public.evaluation_templates t where t.position_id = p.id);
        insert into public.evaluation_template_kpis (template_id, kpi_id, weight, cap_percent, floor_percent, sort_order)
        select t.id, k.id, v.weight, 120, v.floor, v.sort_order
          from public.evaluation_templates t
          join public.positions p on p.id = t.position_id and p.code like 'bench_position_%'
         cross join (values ('sales_amount', 40, 50, 10), ('payments_collected', 20, null, 20), ('visits_done', 20, null, 30),
                            ('new_customers', 10, null, 40), ('communication', 10, null, 50)) v(code, weight, floor, sort_order)
          join public.kpis k on k.code = v.code
         where not exists (select 1 from public.evaluation_template_kpis x where x.template_id = t.id);
        update public.evaluation_templates t set published_at = now()
          from public.positions p where p.id = t.position_id and p.code like 'bench_position_%' and t.published_at is null;`);
      // Last year's and this year's annual targets for ten KPIs, bulk-loaded (their territory
      // is the person's, as the trigger would set it).
      await client.query("alter table public.annual_targets disable trigger user");
      try {
        await client.query(`
          insert into public.annual_targets (kpi_id, staff_id, year, amount, distribution_id, territory_id)
          select k.id, s.id, y.y,
                 round(case k.code when 'sales_amount' then 1400000 when 'profit_contribution' then 530000
                                   when 'payments_collected' then 800000 when 'customer_count' then 20 when 'new_customers' then 10
                                   when 'visits_done' then 270 when 'visit_plan_compliance' then 90 when 'overdue_visits' then 5
                                   when 'rules_acknowledged' then 95 else 85 end
                       * (0.8 + 0.4 * pg_temp.h('at' || s.id || k.code || y.y))::numeric, 0),
                 d.id, s.territory_id
            from public.staff s
           cross join public.kpis k
           cross join (values (extract(year from current_date)::int - 1), (extract(year from current_date)::int)) y(y)
            join public.distribution_profiles d on d.code = case when k.code = 'sales_amount' then 'seasonal' else 'even' end
           where s.territory_id is not null and s.status <> 'left' and k.kind = 'quantitative' and k.code <> 'market_share'
          on conflict (kpi_id, staff_id, year) do nothing;`);
      } finally {
        await client.query("alter table public.annual_targets enable trigger user");
      }
      progress("annual targets");
      // The months, split and rolled up by the database itself, run by HR as in the department
      // (each row then says HR wrote it, and HR's next split changes only the months).
      await client.query("begin");
      try {
        await client.query("select set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({ sub: "00000000-0000-4000-a000-000000000001", role: "authenticated" }),
        ]);
        await client.query("select public.split_targets(extract(year from current_date)::int - 1)");
        await client.query("select public.split_targets(extract(year from current_date)::int)");
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
      progress("targets split into months and rolled up");
      const bulk = ["kpi_actuals", "evaluations", "evaluation_lines", "rewards"];
      for (const t of bulk) await client.query(`alter table public.${t} disable trigger user`);
      try {
        // Actuals of every month up to the last one: around the month's target.
        await client.query(`
          insert into public.kpi_actuals (staff_id, kpi_id, month, value, source, territory_id, position_id, created_at, updated_at)
          select a.staff_id, a.kpi_id, m.m::date,
                 round(case when k.year_aggregation = 'sum' then a.amount / 12 else a.amount end
                       * (0.6 + 0.7 * pg_temp.h('av' || a.staff_id || a.kpi_id || m.m))::numeric, 2),
                 case when k.measure_code is null then 'entered' else 'computed' end::public.kpi_actual_source,
                 a.territory_id, s.position_id, now(), now()
            from public.annual_targets a
            join public.kpis k on k.id = a.kpi_id
            join public.staff s on s.id = a.staff_id
           cross join generate_series(make_date(a.year, 1, 1), make_date(a.year, 12, 1), interval '1 month') m(m)
           where m.m < date_trunc('month', current_date)
          on conflict (staff_id, kpi_id, month) do nothing;`);
        progress("actuals");
        // An evaluation per person and month: acknowledged, the month before last approved,
        // last month in draft; lines from the template, targets and actuals, scored.
        await client.query(`
          insert into public.evaluations (id, staff_id, month, template_id, position_id, territory_id, manager_id, status,
                                          computed_at, submitted_at, approved_at, acknowledged_at, created_at, updated_at)
          select md5('ev:' || s.id || m.m)::uuid, s.id, m.m::date, t.id, s.position_id, s.territory_id, s.manager_id,
                 case when m.m = date_trunc('month', current_date) - interval '1 month' then 'draft'
                      when m.m = date_trunc('month', current_date) - interval '2 months' then 'approved'
                      else 'acknowledged' end::public.evaluation_status,
                 now(), now(), now(), case when m.m < date_trunc('month', current_date) - interval '2 months' then now() end, now(), now()
            from public.staff s
            join lateral (select x.id from public.evaluation_templates x
                           where x.position_id = s.position_id and x.published_at is not null order by x.valid_from desc limit 1) t on true
           cross join generate_series(date_trunc('month', current_date) - interval '23 months', date_trunc('month', current_date) - interval '1 month',
                                      interval '1 month') m(m)
           where s.territory_id is not null and s.status <> 'left'
          on conflict (staff_id, month) do nothing;
          insert into public.evaluation_lines (evaluation_id, kpi_id, weight, cap_percent, floor_percent, sort_order, target, actual, manual_score)
          select e.id, l.kpi_id, l.weight, l.cap_percent, l.floor_percent, l.sort_order,
                 case when k.kind = 'quantitative' then
                   (select sum(g.months[extract(month from e.month)::int]) from public.targets g
                     where g.staff_id = e.staff_id and g.kpi_id = l.kpi_id and g.year = extract(year from e.month)) end,
                 (select a.value from public.kpi_actuals a where a.staff_id = e.staff_id and a.kpi_id = l.kpi_id and a.month = e.month),
                 case when k.kind = 'qualitative' and e.status <> 'draft' then 3 + floor(pg_temp.h('ms' || e.id || k.code) * 3) end
            from public.evaluations e
            join public.evaluation_template_kpis l on l.template_id = e.template_id
            join public.kpis k on k.id = l.kpi_id
          on conflict (evaluation_id, kpi_id) do nothing;`);
        progress("evaluations and their lines");
        await client.query(`
          update public.evaluation_lines l
             set achievement = case when k.kind = 'qualitative' then public.qualitative_achievement(l.manual_score, k.scale_max)
                                    else public.kpi_achievement(k.direction, l.actual, l.target, l.cap_percent, l.floor_percent) end
            from public.kpis k where k.id = l.kpi_id;
          update public.evaluations e
             set total_score = s.total, band_id = b.id, band_outcome = b.outcome
            from (select l.evaluation_id, round(sum(l.weight * coalesce(l.achievement, 0)) / 100, 2) as total
                    from public.evaluation_lines l group by l.evaluation_id) s
            left join lateral (select r.id, r.outcome from public.rating_band_for(s.total) r) b on true
           where e.id = s.evaluation_id;`);
        progress("evaluations scored");
        // Rewards: the praise an outstanding month proposes (confirmed once acknowledged), and a
        // reward now and then outside the evaluations (a praise, sometimes a bonus).
        await client.query(`
          insert into public.rewards (staff_id, kind, amount, reason, awarded_on, status, evaluation_id, territory_id,
                                      decided_at, created_at, updated_at)
          select e.staff_id, 'praise', null, 'Outstanding month ' || to_char(e.month, 'YYYY-MM'),
                 (e.month + interval '1 month')::date,
                 case when e.status = 'acknowledged' then 'confirmed' else 'proposed' end::public.reward_status,
                 e.id, e.territory_id, case when e.status = 'acknowledged' then now() end, now(), now()
            from public.evaluations e
           where e.band_outcome = 'reward' and e.status in ('approved', 'acknowledged');
          insert into public.rewards (staff_id, kind, amount, reason, awarded_on, status, territory_id,
                                      decided_at, created_at, updated_at)
          select s.id, case when pg_temp.h('rk' || s.id || m.m) < 0.3 then 'bonus' else 'praise' end::public.reward_kind,
                 case when pg_temp.h('rk' || s.id || m.m) < 0.3 then round(200 + 1800 * pg_temp.h('ra' || s.id || m.m)::numeric, 2) end,
                 'A customer wrote to thank them', (m.m + interval '14 days')::date,
                 case when m.m >= date_trunc('month', current_date) - interval '1 month' then 'proposed'
                      when pg_temp.h('rs' || s.id || m.m) < 0.1 then 'declined' else 'confirmed' end::public.reward_status,
                 s.territory_id,
                 case when m.m < date_trunc('month', current_date) - interval '1 month' then now() end, now(), now()
            from public.staff s
           cross join generate_series(date_trunc('month', current_date) - interval '23 months', date_trunc('month', current_date) - interval '1 month',
                                      interval '1 month') m(m)
           where s.territory_id is not null and s.status <> 'left' and pg_temp.h('rw' || s.id || m.m) < 0.35;`);
        progress("rewards");
      } finally {
        for (const t of bulk) await client.query(`alter table public.${t} enable trigger user`);
      }
    },
  },
  {
    label: "violations: 100,000 over the last 12 months (drafts, confirmed, closed, dismissed)",
    // Bulk-loaded as the workflow would leave them: under the reference rules' version in force,
    // the person's territory, a draft for the last month, otherwise decided (a tenth dismissed)
    // and, after six months, closed.
    async run(client) {
      await client.query("alter table public.violations disable trigger user");
      try {
        await client.query(`
          insert into public.violations (staff_id, regulation_id, version_number, occurred_on, description, severity, status,
                                         repeat_count, proposed_level, level_order, live_until, dismissal_reason, territory_id,
                                         decided_at, closed_at, created_at, updated_at)
          select x.staff_id, r.id, 3, x.day, 'Breach ' || x.n || ' of ' || r.code,
                 (array['minor', 'major', 'severe'])[1 + floor(3 * pg_temp.h('vs' || x.staff_id || x.n))::int]::public.violation_severity,
                 x.status::public.violation_status, 0, null, null,
                 case when x.status in ('confirmed', 'closed') then (x.day + interval '12 months')::date end,
                 case when x.status = 'dismissed' then 'Not a breach after all' else '' end,
                 x.territory_id,
                 case when x.status <> 'draft' then x.day + interval '3 days' end,
                 case when x.status = 'closed' then x.day + interval '30 days' end, now(), now()
            from (select s.id as staff_id, s.territory_id, g.n,
                         (current_date - 1 - floor(330 * pg_temp.h('vd' || s.id || g.n))::int) as day,
                         floor(200 * pg_temp.h('vr' || s.id || g.n))::int as rule_index,
                         row_number() over (order by s.id, g.n) as k
                    from public.staff s cross join generate_series(1, 25) g(n)
                   where s.territory_id is not null and s.status <> 'left') x0
           cross join lateral (
             select x0.*, case when x0.day > current_date - 30 then 'draft'
                               when pg_temp.h('vt' || x0.staff_id || x0.n) < 0.1 then 'dismissed'
                               when x0.day < current_date - 180 then 'closed' else 'confirmed' end as status) x
            join (select g.id, g.code, row_number() over (order by g.code) - 1 as idx
                    from public.regulations g where g.code like 'BEN-%') r on r.idx = x.rule_index
           where x.k <= ${targets.violations};`);
      } finally {
        await client.query("alter table public.violations enable trigger user");
      }
    },
  },
  {
    label: "meetings: 20,000 over the last 24 months and the next month, with 200,000 attendance marks",
    // Each meeting is an area's (a third-level territory with at least ten people in its subtree),
    // organised by one of them, with ten of them invited; past meetings are marked (mostly
    // present; some late, left early, absent or excused), upcoming ones not yet.
    async run(client, progress) {
      await client.query(areaTablesSql("bench_meeting", 10));
      for (const t of ["meetings", "meeting_attendance"])
        await client.query(`alter table public.${t} disable trigger user`);
      try {
        await client.query(`
          insert into public.meetings (id, kind, title, held_on, starts_at, duration_minutes, location, territory_id,
                                       organiser_id, minutes, created_at, updated_at)
          select md5('meeting' || k)::uuid,
                 (array['weekly_sales', 'weekly_sales', 'weekly_sales', 'monthly_summary', 'experience_exchange', 'experience_exchange'])
                   [1 + floor(6 * pg_temp.h('mk' || k))::int]::public.meeting_kind,
                 'Meeting ' || k, current_date + 30 - floor(760 * pg_temp.h('md' || k))::int, '09:00', 60, 'Area office',
                 a.area_id, o.staff_id, 'Orders and visits reviewed.', now(), now()
            from generate_series(1, ${targets.meetings}) k
            join bench_meeting_areas a on a.i = k % (select count(*) from bench_meeting_areas)
            join bench_meeting_staff o on o.area_id = a.area_id and o.n = 0;`);
        progress("meetings");
        await client.query(`
          insert into public.meeting_attendance (id, meeting_id, staff_id, territory_id, mark, minutes_late, minutes_early,
                                                 excuse, marked_at, created_at, updated_at)
          select md5('attendance' || x.k || '-' || x.j)::uuid, x.meeting_id, x.staff_id, x.territory_id, x.mark::public.attendance_mark,
                 case when x.mark = 'late' then 5 + floor(40 * pg_temp.h('ml' || x.k || x.j))::int end,
                 case when x.mark = 'left_early' then 10 + floor(50 * pg_temp.h('me' || x.k || x.j))::int end,
                 case when x.mark = 'excused' then 'Visiting a customer' else '' end,
                 case when x.mark is not null then x.held_on + time '10:00' end, now(), now()
            from (select k, j, m.id as meeting_id, m.held_on, s.staff_id, s.territory_id,
                         case when m.held_on >= current_date then null
                              else (select case when h < 0.05 then 'late' when h < 0.07 then 'left_early' when h < 0.10 then 'absent'
                                                when h < 0.12 then 'excused' else 'present' end
                                      from (select pg_temp.h('mm' || k || '-' || j) as h) z) end as mark
                    from generate_series(1, ${targets.meetings}) k
                    join public.meetings m on m.id = md5('meeting' || k)::uuid
                    join bench_meeting_areas a on a.area_id = m.territory_id
                   cross join generate_series(0, 9) j
                    join bench_meeting_staff s on s.area_id = a.area_id and s.n = (k * 7 + j) % a.total) x;`);
        progress("attendance");
      } finally {
        for (const t of ["meetings", "meeting_attendance"])
          await client.query(`alter table public.${t} enable trigger user`);
      }
    },
  },
  {
    label: "discount requests: 20,000 over the last 12 months (the last week's pending)",
    // Asked by the salesperson of a customer's territory; older ones decided by their manager
    // (four in five approved).
    async run(client) {
      await client.query("alter table public.discount_requests disable trigger user");
      try {
        await client.query(`
          insert into public.discount_requests (id, customer_id, territory_id, requested_by, list_price, discount_percent, reason,
                                                status, decided_by, decided_at, decision_note, created_at, updated_at)
          select md5('discount' || x.k)::uuid, x.customer_id, x.territory_id, x.seller,
                 round(500 + 20000 * pg_temp.h('dp' || x.k)::numeric, 2), 1 + floor(25 * pg_temp.h('dd' || x.k)),
                 'Asked to match an offer', x.status::public.discount_request_status,
                 case when x.status <> 'pending' then x.manager end,
                 case when x.status <> 'pending' then x.at + interval '1 day' end,
                 case when x.status = 'refused' then 'Price already at the floor' else '' end, x.at, x.at
            from (select c.k, c.customer_id, c.territory_id, c.seller, c.manager, c.at,
                         case when c.at > now() - interval '7 days' then 'pending'
                              when pg_temp.h('ds' || c.k) < 0.2 then 'refused' else 'approved' end as status
                    from (select row_number() over (order by c.id) as k, c.id as customer_id, c.territory_id, s.id as seller,
                                 s.manager_id as manager, now() - make_interval(mins => floor(525600 * pg_temp.h('dt' || c.id))::int) as at
                            from public.customers c
                            join public.staff s on s.territory_id = c.territory_id and s.status <> 'left'
                                                and s.manager_id is not null and s.manager_id <> s.id
                            join public.positions p on p.id = s.position_id and p.default_role_code = 'salesperson'
                           where c.code like 'BC-%' and pg_temp.h('dq' || c.id) < 0.5) c
                   where c.k <= ${targets.discount_requests}) x;`);
      } finally {
        await client.query("alter table public.discount_requests enable trigger user");
      }
    },
  },
  {
    label:
      "detectors: bound to reference rules and switched on, 1,000 discounts above authority and 1,000 visits outside the territory in the last month",
    // Planted with the triggers off (as an import done before the checks were switched on):
    // the nightly run finds them, with the visits overdue past the grace days.
    async run(client) {
      for (const t of ["sales", "visits"]) await client.query(`alter table public.${t} disable trigger user`);
      try {
        await client.query(`
          update public.sales s set discount_percent = 5 + floor(20 * pg_temp.h('da' || s.id)), discount_granted_by = s.owner_id
           where s.id in (select x.id from public.sales x
                           where x.external_id like 'BS-%' and x.sale_date >= current_date - 30 and x.owner_id is not null
                           order by md5('above' || x.id) limit ${targets.discounts_above_authority});
          update public.visits v set staff_id = o.staff_id, purpose = 'Visit outside the territory'
            from (select x.id, (select s.id from public.staff s
                                  join public.positions p on p.id = s.position_id and p.default_role_code = 'salesperson'
                                 where s.territory_id is not null and s.territory_id <> x.territory_id and s.status <> 'left'
                                 order by md5(s.id || x.id::text) limit 1) as staff_id
                    from public.visits x
                   where x.visited_on >= current_date - 30
                   order by md5('outside' || x.id) limit ${targets.visits_outside_territory}) o
           where v.id = o.id;`);
      } finally {
        for (const t of ["sales", "visits"]) await client.query(`alter table public.${t} enable trigger user`);
      }
      await client.query(`
        update public.detectors d set regulation_id = r.id, enabled = true, grace_days = case when d.code = 'overdue_visit' then 7 else 0 end
          from (select g.id, row_number() over (order by g.code) as n from public.regulations g where g.code like 'BEN-%') r
         where d.code <> 'meeting_attendance'
           and r.n = case d.code when 'discount_above_authority' then 1 when 'outside_territory' then 2 else 3 end;`);
    },
  },
  {
    label: "training: 2,000 sessions over the last 24 months on the six topics, with 100,000 participants assessed",
    // Each session is an area's (a third-level territory with at least 50 people in its
    // subtree), on a topic by hash, half with a pass score of 60; 50 of the area's people are
    // invited; past sessions are marked (mostly present) and those who attended assessed.
    async run(client, progress) {
      await client.query(areaTablesSql("bench_training", 50));
      for (const t of ["meetings", "meeting_attendance"])
        await client.query(`alter table public.${t} disable trigger user`);
      try {
        await client.query(`
          insert into public.meetings (id, kind, title, held_on, starts_at, duration_minutes, location, territory_id,
                                       organiser_id, minutes, topic_id, trainer, material, pass_score, created_at, updated_at)
          select md5('training' || k)::uuid, 'training', 'Training ' || k,
                 current_date - floor(730 * pg_temp.h('td' || k))::int, '10:00', 120, 'Training room', a.area_id, o.staff_id,
                 'Session held; test at the end.',
                 (select t.id from public.training_topics t order by t.sort_order
                   offset floor(6 * pg_temp.h('tt' || k))::int limit 1),
                 'Trainer ' || (k % 40), 'Handbook chapter ' || (k % 12),
                 case when pg_temp.h('tp' || k) < 0.5 then 60 end, now(), now()
            from generate_series(1, ${targets.training_sessions}) k
            join bench_training_areas a on a.i = k % (select count(*) from bench_training_areas)
            join bench_training_staff o on o.area_id = a.area_id and o.n = 0;`);
        progress("sessions");
        await client.query(`
          insert into public.meeting_attendance (id, meeting_id, staff_id, territory_id, mark, minutes_late, excuse,
                                                 assessment_score, marked_at, created_at, updated_at)
          select md5('trained' || x.k || '-' || x.j)::uuid, x.meeting_id, x.staff_id, x.territory_id, x.mark::public.attendance_mark,
                 case when x.mark = 'late' then 10 end, case when x.mark = 'excused' then 'Visiting a customer' else '' end,
                 case when x.mark in ('present', 'late') then 40 + floor(60 * pg_temp.h('ts' || x.k || '-' || x.j))::int end,
                 x.held_on + time '12:00', now(), now()
            from (select k, j, m.id as meeting_id, m.held_on, s.staff_id, s.territory_id,
                         (select case when h < 0.04 then 'late' when h < 0.08 then 'absent' when h < 0.10 then 'excused' else 'present' end
                            from (select pg_temp.h('tm' || k || '-' || j) as h) z) as mark
                    from generate_series(1, ${targets.training_sessions}) k
                    join public.meetings m on m.id = md5('training' || k)::uuid
                    join bench_training_areas a on a.area_id = m.territory_id
                   cross join generate_series(0, 49) j
                    join bench_training_staff s on s.area_id = a.area_id and s.n = (k * 11 + j) % a.total) x;`);
        progress("participants");
      } finally {
        for (const t of ["meetings", "meeting_attendance"])
          await client.query(`alter table public.${t} enable trigger user`);
      }
    },
  },
  {
    label: "suggestions: 20,000 over the last 24 months (one in ten with the author hidden), answered as they age",
    async run(client) {
      for (const t of ["suggestions", "suggestion_authors"])
        await client.query(`alter table public.${t} disable trigger user`);
      try {
        await client.query(`
          create temp table bench_suggesters as
          select (row_number() over (order by s.id) - 1)::int as n, s.id, s.territory_id
            from public.staff s where s.territory_id is not null and s.status <> 'left';
          create unique index on bench_suggesters (n);
          insert into public.suggestions (id, title, body, area, author_hidden, staff_id, territory_id, status, answer,
                                          answered_at, submitted_at, created_at, updated_at)
          select md5('suggestion' || x.k)::uuid, 'Suggestion ' || x.k,
                 'Bench suggestion ' || x.k || ': change how the team works so customers are served better.',
                 pg_temp.pick(array['sales', 'customers', 'products', 'training', 'rules', 'workplace', 'company', 'other'], 'sa' || x.k)::public.suggestion_area,
                 x.hidden, case when x.hidden then null else a.id end, case when x.hidden then null else a.territory_id end,
                 x.status::public.suggestion_status,
                 case when x.status in ('adopted', 'declined') then 'Answered in the monthly review.' else '' end,
                 case when x.status <> 'received' then x.at + interval '10 days' end, x.at, x.at, x.at
            from (select k, pg_temp.h('sh' || k) < 0.1 as hidden,
                         now() - (floor(730 * pg_temp.h('sd' || k)) || ' days')::interval as at,
                         pg_temp.h('ss' || k) as h
                    from generate_series(1, ${targets.suggestions}) k) y
           cross join lateral (select y.k, y.hidden, y.at,
                                      case when y.at > now() - interval '14 days' then 'received'
                                           when y.at > now() - interval '60 days' then 'under_review'
                                           when y.h < 0.4 then 'adopted' else 'declined' end as status) x
            join bench_suggesters a on a.n = floor(pg_temp.h('sw' || x.k) * (select count(*) from bench_suggesters))::int;
          insert into public.suggestion_authors (suggestion_id, staff_id, created_at)
          select md5('suggestion' || k)::uuid, a.id, now()
            from generate_series(1, ${targets.suggestions}) k
            join bench_suggesters a on a.n = floor(pg_temp.h('sw' || k) * (select count(*) from bench_suggesters))::int;`);
      } finally {
        for (const t of ["suggestions", "suggestion_authors"])
          await client.query(`alter table public.${t} enable trigger user`);
      }
    },
  },
  {
    label:
      "plans and summaries: 60,000 monthly summaries (everyone with a territory, the last 12 months and some of the 13th) and the salespeople's plans",
    // Older months reviewed, last month's submitted; the figures as the database would keep them
    // (set-based here: the sales credited to the person that month, the visits they made).
    async run(client, progress) {
      for (const t of ["monthly_plans", "summaries"])
        await client.query(`alter table public.${t} disable trigger user`);
      try {
        await client.query(`
          insert into public.monthly_plans (id, staff_id, month, territory_id, sales_target, key_customers, prospects, visits_planned,
                                            status, submitted_at, review_comment, reviewed_at, created_at, updated_at)
          select md5('plan' || s.id || m.month)::uuid, s.id, m.month, s.territory_id, 40000 + floor(20000 * pg_temp.h('pt' || s.id || m.month)),
                 'The area''s largest customers', 'New clinics nearby', 20 + floor(10 * pg_temp.h('pv' || s.id || m.month))::int,
                 'reviewed', m.month + time '09:00', 'Agreed.', m.month + 5 + time '09:00', m.month + time '09:00', m.month + time '09:00'
            from public.staff s
            join public.positions p on p.id = s.position_id and p.default_role_code = 'salesperson'
           cross join (select (date_trunc('month', current_date) - (i || ' months')::interval)::date as month
                         from generate_series(1, 12) i) m
           where s.territory_id is not null and s.status <> 'left'
          on conflict (staff_id, month) do nothing;`);
        progress("plans");
        await client.query(`
          insert into public.summaries (id, staff_id, period, period_start, territory_id, sales_amount, payments_collected,
                                        visits_done, new_customers, sales_planned, visits_planned, figures_at, results, causes,
                                        went_well, went_badly, next_steps, status, submitted_at, review_comment, reviewed_at,
                                        created_at, updated_at)
          select md5('summary' || s.id || m.month)::uuid, s.id, 'month', m.month, s.territory_id,
                 coalesce((select sum(x.amount * c.share_percent / 100) from public.sale_credits c join public.sales x on x.id = c.sale_id
                            where c.staff_id = s.id and x.sale_date >= m.month and x.sale_date < m.month + interval '1 month'), 0),
                 0,
                 (select count(*) from public.visits v where v.staff_id = s.id and v.visited_on >= m.month
                     and v.visited_on < m.month + interval '1 month'),
                 0, mp.sales_target, mp.visits_planned, m.month + interval '1 month' + time '09:00',
                 'Month closed.', 'Orders as planned.', 'Visits on time.', 'Two late payers.', 'Keep the plan.',
                 case when m.i = 1 then 'submitted' else 'reviewed' end::public.report_status,
                 m.month + interval '1 month' + time '09:00', case when m.i = 1 then '' else 'Read; thank you.' end,
                 case when m.i > 1 then m.month + interval '1 month 5 days' end,
                 m.month + interval '1 month', m.month + interval '1 month'
            from (select s.id, s.territory_id, m.i, m.month
                    from public.staff s
                   cross join (select i, (date_trunc('month', current_date) - (i || ' months')::interval)::date as month
                                 from generate_series(1, 13) i) m
                   where s.territory_id is not null and s.status <> 'left'
                     -- (the demo's own summaries of these months are kept, not counted twice)
                     and not exists (select 1 from public.summaries x
                                      where x.staff_id = s.id and x.period = 'month' and x.period_start = m.month)
                   order by m.i, s.id
                   limit ${targets.summaries}) s
            join lateral (select s.i, s.month) m on true
            left join public.monthly_plans mp on mp.staff_id = s.id and mp.month = m.month
          on conflict (staff_id, period, period_start) do nothing;`);
        progress("summaries");
      } finally {
        for (const t of ["monthly_plans", "summaries"])
          await client.query(`alter table public.${t} enable trigger user`);
      }
    },
  },
  {
    label: "audit log: topped up to 1,000,000 hash-chained rows",
    async run(client, progress) {
      const content = (await client.query<{ sql: string }>("select private.audit_content_sql('n') as sql")).rows[0]!
        .sql;
      const have = Number((await client.query<{ n: string }>("select count(*) as n from public.audit_log")).rows[0]!.n);
      const total = targets.audit_rows - have;
      // One person's record gathers a long history (the "one record's history" page).
      const focus = "(select s.id::text from public.staff s where s.email = 'sales@example.com')";
      // Record ids to pick from, numbered (an indexed lookup per row, not an array per row).
      await client.query(`
        create temp table bench_staff_ids as select (row_number() over (order by id) - 1)::int as n, id from public.staff;
        create temp table bench_territory_ids as select (row_number() over (order by id) - 1)::int as n, id from public.territories;
        create unique index on bench_staff_ids (n);
        create unique index on bench_territory_ids (n);
        analyze bench_staff_ids;
        analyze bench_territory_ids;`);
      // The chain as a running aggregate over the batch (session-local: the database keeps no
      // aggregate of its own, since an aggregate cannot pin a search_path).
      await client.query(`
        create function pg_temp.chain_step(p_state bytea, p_content bytea, p_seed bytea) returns bytea
          language sql immutable as $f$ select sha256(coalesce(p_state, p_seed) || p_content) $f$;
        create aggregate pg_temp.chain(bytea, bytea) (sfunc = pg_temp.chain_step, stype = bytea);`);
      const staffCount = Number(
        (await client.query<{ n: string }>("select count(*) as n from bench_staff_ids")).rows[0]!.n,
      );
      const territoryCount = Number(
        (await client.query<{ n: string }>("select count(*) as n from bench_territory_ids")).rows[0]!.n,
      );
      for (let from = 1; from <= total; from += auditBatch) {
        const to = Math.min(total, from + auditBatch - 1);
        await client.query(`
          with head as (
            select coalesce((select l.hash from public.audit_log l order by l.id desc limit 1), private.audit_genesis()) as hash
          ), src as (
            select g.k,
                   case when g.k % 2000 = 0 or pg_temp.h('tbl' || g.k) < 0.8 then 'staff' else 'territories' end as table_name,
                   case when g.k % 2000 = 0 then ${focus}
                        when pg_temp.h('tbl' || g.k) < 0.8 then (select s.id::text from bench_staff_ids s where s.n = floor(pg_temp.h('rec' || g.k) * ${staffCount})::int)
                        else (select t.id::text from bench_territory_ids t where t.n = floor(pg_temp.h('rec' || g.k) * ${territoryCount})::int) end as record_id
              from generate_series(${from}, ${to}) g(k)
          ), numbered as (
            select nextval('public.audit_log_id_seq') as id,
                   now() - interval '730 days' + (src.k * (interval '729 days' / ${total})) as occurred_at,
                   src.table_name, src.record_id, 'UPDATE'::text as operation,
                   case when src.table_name = 'staff' then jsonb_build_object('id', src.record_id, 'phone', '+34 600 ' || (src.k % 1000), 'notes', '')
                        else jsonb_build_object('id', src.record_id, 'market_notes', '') end as old_row,
                   case when src.table_name = 'staff' then jsonb_build_object('id', src.record_id, 'phone', '+34 600 ' || ((src.k + 1) % 1000), 'notes', 'Call before visiting (' || src.k || ')')
                        else jsonb_build_object('id', src.record_id, 'market_notes', 'Reviewed in batch ' || src.k) end as new_row,
                   case when src.table_name = 'staff' then array['notes', 'phone'] else array['market_notes'] end as changed_fields,
                   '00000000-0000-4000-a000-000000000001'::uuid as actor_id, 'Helena Ruiz'::text as actor_name, 'user'::text as actor_kind,
                   array['hr_admin'] as actor_roles, 'hr@example.com'::text as actor_email
              from src order by src.k
          ), hashed as (
            select n.*, ${content} as content from numbered n
          ), chained as (
            select h.*, pg_temp.chain(h.content, (select hash from head)) over (order by h.id rows between unbounded preceding and current row) as chain
              from hashed h
          )
          insert into public.audit_log (id, occurred_at, table_name, record_id, operation, old_row, new_row, changed_fields,
                                        actor_id, actor_name, actor_kind, actor_roles, actor_email, prev_hash, hash)
          select c.id, c.occurred_at, c.table_name, c.record_id, c.operation, c.old_row, c.new_row, c.changed_fields,
                 c.actor_id, c.actor_name, c.actor_kind, c.actor_roles, c.actor_email, coalesce(lag(c.chain) over (order by c.id), (select hash from head)), c.chain
            from chained c order by c.id;`);
        progress(`audit rows ${(have + to).toLocaleString("en")} / ${targets.audit_rows.toLocaleString("en")}`);
      }
    },
  },
  {
    label: "vacuum and analyze",
    async run(client) {
      await client.query("vacuum (analyze)");
    },
  },
];
