-- Demo data for local development and tests (applied after migrations on a fresh
-- database; never pushed to a hosted project unless you ask for it).

-- =============================================================================
-- Demo logins, one per role (passwords listed in README.md)
-- =============================================================================
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt(u.password, extensions.gen_salt('bf', 10)), now(),
       '{"provider":"email","providers":["email"]}'::jsonb,
       jsonb_build_object('full_name', u.full_name, 'email_verified', true), now(), now(), '', '', '', ''
  from (values
    ('00000000-0000-4000-a000-000000000001'::uuid, 'hr@example.com', 'demo-hr-2026', 'Helena Ruiz'),
    ('00000000-0000-4000-a000-000000000002'::uuid, 'manager@example.com', 'demo-manager-2026', 'Marco Díaz'),
    ('00000000-0000-4000-a000-000000000003'::uuid, 'auditor@example.com', 'demo-auditor-2026', 'Ana Li'),
    ('00000000-0000-4000-a000-000000000004'::uuid, 'sales@example.com', 'demo-sales-2026', 'Sofía Chen')
  ) as u(id, email, password, full_name);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       'email', now(), now(), now()
  from auth.users u
 where u.email in ('hr@example.com', 'manager@example.com', 'auditor@example.com', 'sales@example.com');

insert into public.user_roles (user_id, role_code) values
  ('00000000-0000-4000-a000-000000000001', 'hr_admin'),
  ('00000000-0000-4000-a000-000000000002', 'manager'),
  ('00000000-0000-4000-a000-000000000003', 'auditor'),
  ('00000000-0000-4000-a000-000000000004', 'salesperson');

-- =============================================================================
-- Custom fields kept on each person (seed 001: birthday, hobbies)
-- =============================================================================
insert into public.custom_field_definitions (resource, key, label_en, label_es, label_zh, field_type, options, required, sort_order) values
  ('staff', 'birthday', 'Birthday', 'Cumpleaños', '生日', 'date', '[]', false, 10),
  ('staff', 'hobbies', 'Hobbies', 'Aficiones', '爱好', 'multi_select',
   '[{"value":"reading","label_en":"Reading","label_es":"Lectura","label_zh":"阅读"},
     {"value":"football","label_en":"Football","label_es":"Fútbol","label_zh":"足球"},
     {"value":"music","label_en":"Music","label_es":"Música","label_zh":"音乐"},
     {"value":"travel","label_en":"Travel","label_es":"Viajes","label_zh":"旅行"},
     {"value":"cooking","label_en":"Cooking","label_es":"Cocina","label_zh":"烹饪"},
     {"value":"hiking","label_en":"Hiking","label_es":"Senderismo","label_zh":"徒步"},
     {"value":"chess","label_en":"Chess","label_es":"Ajedrez","label_zh":"象棋"},
     {"value":"photography","label_en":"Photography","label_es":"Fotografía","label_zh":"摄影"}]', false, 20),
  ('territories', 'market_size', 'Market size', 'Tamaño del mercado', '市场规模', 'single_select',
   '[{"value":"small","label_en":"Small","label_es":"Pequeño","label_zh":"小"},
     {"value":"medium","label_en":"Medium","label_es":"Mediano","label_zh":"中"},
     {"value":"large","label_en":"Large","label_es":"Grande","label_zh":"大"}]', false, 10),
  ('customers', 'industry', 'Industry', 'Sector', '行业', 'single_select',
   '[{"value":"construction","label_en":"Construction","label_es":"Construcción","label_zh":"建筑"},
     {"value":"manufacturing","label_en":"Manufacturing","label_es":"Fabricación","label_zh":"制造"},
     {"value":"retail","label_en":"Retail","label_es":"Comercio minorista","label_zh":"零售"},
     {"value":"logistics","label_en":"Logistics","label_es":"Logística","label_zh":"物流"}]', false, 10);

-- =============================================================================
-- Positions: the later-stage structure of seed 001
-- =============================================================================
insert into public.positions (code, title_en, title_es, title_zh, default_role_code, headcount, sort_order, responsibilities) values
  ('general_manager', 'General manager', 'Director general', '总经理', null, 1, 10,
   '[{"en":"Sets company strategy and the annual sales budget","es":"Fija la estrategia de la empresa y el presupuesto anual de ventas","zh":"制定公司战略和年度销售预算"},
     {"en":"Approves the sales management system and its yearly review","es":"Aprueba el sistema de gestión de ventas y su revisión anual","zh":"批准销售管理制度及其年度审查"}]');
insert into public.positions (code, title_en, title_es, title_zh, parent_id, default_role_code, headcount, sort_order, responsibilities)
select v.code, v.en, v.es, v.zh, (select id from public.positions p where p.code = v.parent), v.role, v.headcount, v.sort_order, v.resp::jsonb
  from (values
    ('hr_officer', 'HR officer', 'Responsable de RR. HH.', '人事专员', 'general_manager', 'hr_admin', 1, 20,
     '[{"en":"Writes, reviews and publishes the department''s rules","es":"Redacta, revisa y publica las normas del departamento","zh":"编写、审核并发布部门规章"},
       {"en":"Keeps staff files, logins and permissions","es":"Mantiene los expedientes, accesos y permisos del personal","zh":"管理员工档案、登录账号和权限"}]'),
    ('internal_auditor', 'Internal auditor', 'Auditor interno', '内部审计员', 'general_manager', 'auditor', 1, 30,
     '[{"en":"Checks that rules, changes and evaluations follow the system","es":"Comprueba que normas, cambios y evaluaciones siguen el sistema","zh":"检查规章、变更和考核是否符合制度"}]'),
    ('sales_director', 'Sales director', 'Director de ventas', '销售总监', 'general_manager', 'manager', 1, 40,
     '[{"en":"Sets the sales strategy, plans and forecasts","es":"Define la estrategia, los planes y las previsiones de ventas","zh":"制定销售战略、计划和预测"},
       {"en":"Builds and leads the sales team","es":"Forma y dirige el equipo de ventas","zh":"组建并领导销售团队"},
       {"en":"Controls the sales budget and expenses","es":"Controla el presupuesto y los gastos de ventas","zh":"控制销售预算和费用"},
       {"en":"Recruits, trains, motivates and evaluates subordinates","es":"Selecciona, forma, motiva y evalúa a los subordinados","zh":"招聘、培训、激励和考核下属"},
       {"en":"Gathers market intelligence","es":"Recopila información del mercado","zh":"收集市场情报"},
       {"en":"Drafts sales policies","es":"Redacta las políticas de ventas","zh":"制定销售政策"},
       {"en":"Manages relations with distributors","es":"Gestiona las relaciones con los distribuidores","zh":"管理与经销商的关系"},
       {"en":"Handles sales crises","es":"Gestiona las crisis de ventas","zh":"处理销售危机"},
       {"en":"Promotes the brand","es":"Promociona la marca","zh":"推广品牌"},
       {"en":"Resolves customer complaints","es":"Resuelve las quejas de los clientes","zh":"处理客户投诉"}]'),
    ('sales_manager', 'Sales manager', 'Gerente de ventas', '销售经理', 'sales_director', 'manager', 1, 50,
     '[{"en":"Runs the sales office and the customer service team","es":"Dirige la oficina de ventas y el equipo de atención al cliente","zh":"管理销售办公室和客服团队"}]'),
    ('regional_director', 'Regional director', 'Director regional', '区域总监', 'sales_director', 'manager', 3, 60,
     '[{"en":"Is responsible for the results of one region","es":"Responde de los resultados de una región","zh":"对一个区域的业绩负责"},
       {"en":"Allocates the region''s territories to salespeople","es":"Asigna las zonas de la región a los vendedores","zh":"将区域内的片区分配给销售员"}]'),
    ('sales_supervisor', 'Sales supervisor', 'Supervisor de ventas', '销售主管', 'regional_director', 'manager', 3, 70,
     '[{"en":"Coaches salespeople and checks daily reports","es":"Orienta a los vendedores y revisa los informes diarios","zh":"指导销售员并检查日报"}]'),
    ('regional_manager', 'Regional manager', 'Gerente regional', '区域经理', 'regional_director', 'manager', 3, 80,
     '[{"en":"Manages key customers of the region","es":"Gestiona los clientes clave de la región","zh":"管理区域内的重点客户"}]'),
    ('salesperson', 'Salesperson', 'Vendedor', '销售员', 'sales_supervisor', 'salesperson', 20, 90,
     '[{"en":"Sells only inside the assigned territory, to the customer''s decision makers","es":"Vende solo dentro de su zona asignada, a quienes deciden en el cliente","zh":"只在所分配的区域内向客户的决策者销售"},
       {"en":"Reports orders and payment collection promptly","es":"Informa de pedidos y cobros con prontitud","zh":"及时汇报订单和回款情况"},
       {"en":"Submits market information and performance reports regularly","es":"Entrega periódicamente información de mercado e informes de resultados","zh":"定期提交市场信息和业绩报告"}]'),
    ('sales_assistant', 'Sales assistant', 'Asistente de ventas', '销售助理', 'sales_manager', null, 2, 100,
     '[{"en":"Prepares quotes, orders and reports","es":"Prepara presupuestos, pedidos e informes","zh":"准备报价、订单和报表"}]'),
    ('customer_service_presale', 'Customer service (pre-sale)', 'Atención al cliente (preventa)', '售前客服', 'sales_manager', null, 1, 110,
     '[{"en":"Answers enquiries before the sale","es":"Atiende las consultas antes de la venta","zh":"解答售前咨询"}]'),
    ('customer_service_sale', 'Customer service (sale)', 'Atención al cliente (venta)', '售中客服', 'sales_manager', null, 1, 120,
     '[{"en":"Follows orders through delivery","es":"Sigue los pedidos hasta la entrega","zh":"跟进订单直至交付"}]'),
    ('customer_service_aftersale', 'Customer service (after-sale)', 'Atención al cliente (posventa)', '售后客服', 'sales_manager', null, 1, 130,
     '[{"en":"Handles returns and complaints","es":"Gestiona devoluciones y quejas","zh":"处理退货和投诉"}]')
  ) as v(code, en, es, zh, parent, role, headcount, sort_order, resp)
 order by v.sort_order;

-- Discount authority (000 §9): a salesperson grants no discount on their own; the managers
-- up to these percentages of the list price.
update public.positions p set max_discount_percent = v.pct
  from (values ('general_manager', 30), ('sales_director', 25), ('regional_director', 15), ('sales_manager', 15),
               ('regional_manager', 10), ('sales_supervisor', 5)) v(code, pct)
 where p.code = v.code;

-- =============================================================================
-- Territories: 3 regions, each with 2 sub-regions of 3 areas
-- =============================================================================
insert into public.territories (code, name, market_notes, custom_fields) values
  ('NOR', 'North region', 'Industrial north: large distributors, long sales cycles.', '{"market_size":"large"}'),
  ('CEN', 'Central region', 'Capital and surroundings: many mid-size retailers.', '{"market_size":"large"}'),
  ('SOU', 'South region', 'Coastal south: seasonal demand peaks in summer.', '{"market_size":"medium"}');
insert into public.territories (code, name, parent_id, market_notes)
select r.code || '-' || s.suffix, r.name_base || ' ' || s.label, r.id, ''
  from (select id, code, replace(name, ' region', '') as name_base from public.territories where parent_id is null) r
  cross join (values ('E', 'East'), ('W', 'West')) s(suffix, label);
insert into public.territories (code, name, parent_id, custom_fields)
select sr.code || '-' || a.n, sr.name || ' area ' || a.n, sr.id,
       jsonb_build_object('market_size', (array['small', 'medium', 'large'])[a.n])
  from public.territories sr
  cross join generate_series(1, 3) a(n)
 where extensions.nlevel(sr.path) = 2;

-- =============================================================================
-- Staff (about 40 people); demo logins linked to their records
-- =============================================================================
create temporary table seed_staff (full_name text, email text, position_code text, territory_code text, manager_email text,
  hire_date date, user_id uuid, custom_fields jsonb) on commit drop;
insert into seed_staff values
  ('Gabriel Ortega', 'gabriel.ortega@example.com', 'general_manager', null, null, '2015-03-02', null, '{"birthday":"1971-05-14","hobbies":["chess","reading"]}'),
  ('Helena Ruiz', 'hr@example.com', 'hr_officer', null, 'gabriel.ortega@example.com', '2018-09-17', '00000000-0000-4000-a000-000000000001', '{"birthday":"1985-02-03","hobbies":["travel"]}'),
  ('Ana Li', 'auditor@example.com', 'internal_auditor', null, 'gabriel.ortega@example.com', '2020-01-13', '00000000-0000-4000-a000-000000000003', '{"birthday":"1990-11-21","hobbies":["photography","hiking"]}'),
  ('Lucía Fernández', 'lucia.fernandez@example.com', 'sales_director', null, 'gabriel.ortega@example.com', '2016-06-01', null, '{"birthday":"1978-08-30","hobbies":["music"]}'),
  ('Wei Zhang', 'wei.zhang@example.com', 'sales_manager', null, 'lucia.fernandez@example.com', '2017-04-10', null, '{"hobbies":["cooking"]}'),
  ('Marco Díaz', 'manager@example.com', 'regional_director', 'NOR', 'lucia.fernandez@example.com', '2019-02-18', '00000000-0000-4000-a000-000000000002', '{"birthday":"1982-12-09","hobbies":["football","hiking"]}'),
  ('Isabel Romero', 'isabel.romero@example.com', 'regional_director', 'CEN', 'lucia.fernandez@example.com', '2018-05-07', null, '{"hobbies":["reading"]}'),
  ('Chen Jie', 'chen.jie@example.com', 'regional_director', 'SOU', 'lucia.fernandez@example.com', '2019-10-21', null, '{"hobbies":["chess"]}'),
  ('Pablo Navarro', 'pablo.navarro@example.com', 'sales_supervisor', 'NOR', 'manager@example.com', '2020-03-09', null, '{}'),
  ('Liu Yang', 'liu.yang@example.com', 'sales_supervisor', 'CEN', 'isabel.romero@example.com', '2020-07-01', null, '{}'),
  ('Carmen Vidal', 'carmen.vidal@example.com', 'sales_supervisor', 'SOU', 'chen.jie@example.com', '2021-01-11', null, '{}'),
  ('Diego Morales', 'diego.morales@example.com', 'regional_manager', 'NOR-E', 'manager@example.com', '2021-04-19', null, '{}'),
  ('Sun Mei', 'sun.mei@example.com', 'regional_manager', 'CEN-W', 'isabel.romero@example.com', '2021-09-06', null, '{}'),
  ('Sofía Chen', 'sales@example.com', 'salesperson', 'NOR-E-1', 'pablo.navarro@example.com', '2022-02-14', '00000000-0000-4000-a000-000000000004', '{"birthday":"1996-04-25","hobbies":["music","travel"]}'),
  ('Elena Castro', 'elena.castro@example.com', 'sales_assistant', null, 'wei.zhang@example.com', '2022-05-16', null, '{}'),
  ('Tomás Gil', 'tomas.gil@example.com', 'sales_assistant', null, 'wei.zhang@example.com', '2023-03-20', null, '{}'),
  ('Zhao Lin', 'zhao.lin@example.com', 'customer_service_presale', null, 'wei.zhang@example.com', '2022-08-01', null, '{}'),
  ('Marta Ibáñez', 'marta.ibanez@example.com', 'customer_service_sale', null, 'wei.zhang@example.com', '2021-11-08', null, '{}'),
  ('Qian Hao', 'qian.hao@example.com', 'customer_service_aftersale', null, 'wei.zhang@example.com', '2023-06-05', null, '{}');
-- Seventeen more salespeople, one per remaining area, reporting to their region's supervisor.
insert into seed_staff
select n.full_name, n.email, 'salesperson', t.code,
       case left(t.code, 3) when 'NOR' then 'pablo.navarro@example.com' when 'CEN' then 'liu.yang@example.com' else 'carmen.vidal@example.com' end,
       date '2021-01-04' + (n.i * 37), null,
       jsonb_build_object('hobbies', jsonb_build_array((array['reading', 'football', 'music', 'travel', 'cooking', 'hiking', 'chess', 'photography'])[1 + n.i % 8]))
  from (select t.code, row_number() over (order by t.code) as rn
          from public.territories t where extensions.nlevel(t.path) = 3 and t.code <> 'NOR-E-1') t
  join (select *, row_number() over () as rn from (values
    (1, 'Javier Soto', 'javier.soto@example.com'), (2, 'Wang Fang', 'wang.fang@example.com'),
    (3, 'Laura Méndez', 'laura.mendez@example.com'), (4, 'Li Na', 'li.na@example.com'),
    (5, 'Andrés Ramos', 'andres.ramos@example.com'), (6, 'Huang Wei', 'huang.wei@example.com'),
    (7, 'Paula Herrera', 'paula.herrera@example.com'), (8, 'Zhou Xin', 'zhou.xin@example.com'),
    (9, 'Sergio Molina', 'sergio.molina@example.com'), (10, 'Wu Jing', 'wu.jing@example.com'),
    (11, 'Alba Prieto', 'alba.prieto@example.com'), (12, 'Xu Tao', 'xu.tao@example.com'),
    (13, 'Raúl Campos', 'raul.campos@example.com'), (14, 'Gao Yan', 'gao.yan@example.com'),
    (15, 'Nuria Vega', 'nuria.vega@example.com'), (16, 'Ma Lei', 'ma.lei@example.com'),
    (17, 'Óscar León', 'oscar.leon@example.com')) v(i, full_name, email)) n on n.rn = t.rn;

insert into public.staff (full_name, email, phone, position_id, territory_id, hire_date, user_id, custom_fields)
select s.full_name, s.email, '+34 600 ' || lpad((100 + row_number() over (order by s.email))::text, 3, '0') || ' 000',
       (select p.id from public.positions p where p.code = s.position_code),
       (select t.id from public.territories t where t.code = s.territory_code),
       s.hire_date, s.user_id, s.custom_fields
  from seed_staff s;
update public.staff st set manager_id = m.id
  from seed_staff s join public.staff m on m.email = s.manager_email
 where st.email = s.email;
update public.territories t set manager_id = s.id
  from public.staff s
 where (t.code, s.email) in (('NOR', 'manager@example.com'), ('CEN', 'isabel.romero@example.com'), ('SOU', 'chen.jie@example.com'));

-- A few more people: someone on leave, a later hire, and a salesperson who left (their
-- record and history stay; their territory was freed).
insert into public.staff (full_name, email, position_id, territory_id, manager_id, hire_date, status, status_changed_on)
select v.full_name, v.email, (select p.id from public.positions p where p.code = v.position_code),
       (select t.id from public.territories t where t.code = v.territory_code),
       (select m.id from public.staff m where m.email = v.manager_email), v.hire_date, v.status::public.staff_status, v.changed
  from (values
    ('Rosa Blanco', 'rosa.blanco@example.com', 'sales_assistant', null, 'wei.zhang@example.com', date '2022-10-03', 'on_leave', date '2026-09-01'),
    ('Feng Qi', 'feng.qi@example.com', 'customer_service_sale', null, 'wei.zhang@example.com', date '2024-02-12', 'active', date '2024-02-12'),
    ('Deng Hui', 'deng.hui@example.com', 'regional_manager', 'SOU-E', 'chen.jie@example.com', date '2023-05-22', 'active', date '2023-05-22'),
    ('Iván Ruiz', 'ivan.ruiz@example.com', 'salesperson', null, 'pablo.navarro@example.com', date '2019-03-04', 'left', date '2024-06-30')
  ) as v(full_name, email, position_code, territory_code, manager_email, hire_date, status, changed);

-- =============================================================================
-- The rulebook: categories with default sanction ladders, and the rules the seed
-- documents state, as published versions (one revised, one in review, one draft,
-- one retired), in English with Spanish and Chinese translations.
-- =============================================================================
insert into public.regulation_categories (code, label_en, label_es, label_zh, sort_order) values
  ('conduct', 'Conduct', 'Conducta', '行为规范', 10),
  ('attendance_meetings', 'Attendance and meetings', 'Asistencia y reuniones', '出勤与会议', 20),
  ('pricing_discounts', 'Pricing and discounts', 'Precios y descuentos', '价格与折扣', 30),
  ('confidentiality', 'Confidentiality', 'Confidencialidad', '保密', 40),
  ('territory', 'Territory', 'Zona de ventas', '销售区域', 50),
  ('customer_care', 'Customer care', 'Atención al cliente', '客户服务', 60),
  ('reporting', 'Reporting', 'Informes', '报告', 70),
  ('evaluation', 'Evaluation', 'Evaluación', '考核', 80);

insert into public.sanction_levels (category_id, level_order, kind, fine_amount, live_months, note_en, note_es, note_zh)
select c.id, l.level_order, l.kind::public.sanction_kind, l.fine, l.months, l.note_en, l.note_es, l.note_zh
  from (values
    ('conduct', 1, 'verbal_warning', null, 6, 'First breach', 'Primera infracción', '首次违反'),
    ('conduct', 2, 'written_warning', null, 12, 'Second breach within 12 months', 'Segunda infracción en 12 meses', '12个月内第二次违反'),
    ('conduct', 3, 'fine', 200, 12, 'Repeated breach', 'Infracción reiterada', '多次违反'),
    ('conduct', 4, 'dismissal', null, 24, 'Serious or persistent breach', 'Infracción grave o persistente', '严重或屡次违反'),
    ('attendance_meetings', 1, 'verbal_warning', null, 3, 'Late or absent once', 'Retraso o ausencia una vez', '迟到或缺席一次'),
    ('attendance_meetings', 2, 'written_warning', null, 6, 'Three times in a quarter', 'Tres veces en un trimestre', '一个季度内三次'),
    ('attendance_meetings', 3, 'fine', 50, 12, 'Repeated after a written warning', 'Repetido tras un apercibimiento escrito', '书面警告后再次发生'),
    ('pricing_discounts', 1, 'written_warning', null, 12, 'Unapproved discount', 'Descuento no aprobado', '未经批准的折扣'),
    ('pricing_discounts', 2, 'fine', 500, 12, 'Second unapproved discount', 'Segundo descuento no aprobado', '第二次未经批准的折扣'),
    ('pricing_discounts', 3, 'demotion', null, 24, 'Repeated or large unapproved discounts', 'Descuentos no aprobados reiterados o grandes', '多次或大额未经批准的折扣'),
    ('confidentiality', 1, 'written_warning', null, 12, 'Minor disclosure', 'Revelación leve', '轻微泄露'),
    ('confidentiality', 2, 'demotion', null, 24, 'Disclosure that harms the company', 'Revelación que perjudica a la empresa', '损害公司利益的泄露'),
    ('confidentiality', 3, 'dismissal', null, 36, 'Serious disclosure', 'Revelación grave', '严重泄露'),
    ('territory', 1, 'verbal_warning', null, 6, 'Selling outside the territory once', 'Vender fuera de la zona una vez', '一次在区域外销售'),
    ('territory', 2, 'written_warning', null, 12, 'Repeated', 'Reiterado', '再次发生'),
    ('territory', 3, 'fine', 300, 12, 'After a written warning', 'Tras un apercibimiento escrito', '书面警告之后'),
    ('customer_care', 1, 'verbal_warning', null, 6, 'First complaint found justified', 'Primera queja fundada', '首次有效投诉'),
    ('customer_care', 2, 'written_warning', null, 12, 'Repeated', 'Reiterado', '再次发生'),
    ('reporting', 1, 'verbal_warning', null, 3, 'Late report', 'Informe tardío', '报告迟交'),
    ('reporting', 2, 'written_warning', null, 6, 'Repeatedly late', 'Retrasos reiterados', '屡次迟交'),
    ('reporting', 3, 'fine', 50, 6, 'After a written warning', 'Tras un apercibimiento escrito', '书面警告之后'),
    ('evaluation', 1, 'written_warning', null, 12, 'Missed evaluation without cause', 'Evaluación omitida sin causa', '无故缺席考核')
  ) as l(category, level_order, kind, fine, months, note_en, note_es, note_zh)
  join public.regulation_categories c on c.code = l.category;

create temporary table seed_rules (
  code text, category text, status text, title_en text, title_es text, title_zh text,
  body_en text, body_es text, body_zh text, sales_only boolean default false
) on commit drop;

insert into seed_rules (code, category, status, title_en, title_es, title_zh, body_en, body_es, body_zh) values
('ATT-01', 'attendance_meetings', 'published',
 'Meeting attendance and punctuality', 'Asistencia y puntualidad en las reuniones', '会议出勤与守时',
$$## Purpose
Meetings are where the department plans, reports and learns. They only work if everyone is there, on time.

## Scope
All sales staff, at company and department meetings.

## Rules
1. Attend every company and department meeting on the published schedule.
2. Do not arrive late or leave early. Tell your supervisor in advance if you cannot attend.
3. Bring the figures and reports the meeting asks for.

## Sanctions
The attendance and meetings ladder applies: a verbal warning, then a written warning, then a fine. Persistent absence is handled as misconduct, up to dismissal.$$,
$$## Propósito
Las reuniones son donde el departamento planifica, informa y aprende. Solo funcionan si todos están presentes y a tiempo.

## Alcance
Todo el personal de ventas, en las reuniones de la empresa y del departamento.

## Normas
1. Asista a todas las reuniones de la empresa y del departamento según el calendario publicado.
2. No llegue tarde ni se vaya antes. Avise con antelación a su supervisor si no puede asistir.
3. Traiga las cifras y los informes que pida la reunión.

## Sanciones
Se aplica la escala de asistencia y reuniones: amonestación verbal, después apercibimiento escrito y después multa. La ausencia persistente se trata como falta de conducta, hasta el despido.$$,
$$## 目的
会议是部门制定计划、汇报工作和学习的场合。只有每个人都准时出席，会议才有成效。

## 适用范围
全体销售人员，适用于公司会议和部门会议。

## 规定
1. 按照公布的时间表参加每一次公司会议和部门会议。
2. 不得迟到或早退。如不能出席，须提前告知主管。
3. 带齐会议要求的数据和报告。

## 处罚
适用出勤与会议类处罚等级：先口头警告，再书面警告，然后罚款。屡次缺席按违纪处理，直至开除。$$),
('TER-01', 'territory', 'published',
 'Working only in your own territory', 'Trabajar solo en su propia zona', '只在自己的区域内工作',
$$## Purpose
Clear territories avoid salespeople competing for the same customer and give every customer one contact.

## Scope
Every salesperson.

## Rules
1. Each salesperson is responsible for exactly one territory, assigned by the sales department.
2. Negotiate only with customers inside your territory, and only with the customer's decision makers.
3. A lead from another territory is passed to the salesperson responsible for it the same day.

## Sanctions
The territory ladder applies.$$,
$$## Propósito
Unas zonas claras evitan que los vendedores compitan por el mismo cliente y dan a cada cliente un único interlocutor.

## Alcance
Todos los vendedores.

## Normas
1. Cada vendedor es responsable de una única zona, asignada por el departamento de ventas.
2. Negocie solo con clientes de su zona, y solo con quienes deciden en el cliente.
3. Un contacto de otra zona se pasa el mismo día al vendedor responsable de ella.

## Sanciones
Se aplica la escala de zona de ventas.$$,
$$## 目的
明确的区域划分可以避免销售员争抢同一客户，并让每位客户只有一个对接人。

## 适用范围
全体销售员。

## 规定
1. 每位销售员只负责一个由销售部分配的区域。
2. 只与本区域内的客户洽谈，并且只与客户的决策者洽谈。
3. 来自其他区域的线索须当天转交给该区域的负责销售员。

## 处罚
适用销售区域类处罚等级。$$),
('TER-02', 'territory', 'published',
 'Accepting assigned territories and tasks', 'Aceptar las zonas y tareas asignadas', '服从区域和任务分配',
$$## Purpose
The department can only plan if assignments are carried out.

## Scope
All sales staff.

## Rules
1. Follow the work and the area assigned by your manager.
2. If you disagree with an assignment, say so to your manager; keep working on it until it changes.
3. Refusing an assigned territory or task, or leaving it unfinished so that the department cannot work normally, is referred to the administration department.$$,
$$## Propósito
El departamento solo puede planificar si se cumplen las asignaciones.

## Alcance
Todo el personal de ventas.

## Normas
1. Siga el trabajo y la zona que le asigne su responsable.
2. Si no está de acuerdo con una asignación, dígaselo a su responsable; siga con ella hasta que cambie.
3. Negarse a una zona o tarea asignada, o dejarla sin terminar de modo que el departamento no pueda trabajar con normalidad, se remite al departamento de administración.$$,
$$## 目的
只有执行分配，部门才能做好计划。

## 适用范围
全体销售人员。

## 规定
1. 服从上级分配的工作和区域。
2. 如对分配有异议，应向上级提出；在变更之前继续执行。
3. 拒绝所分配的区域或任务，或未完成任务致使部门无法正常开展工作的，交由行政部门处理。$$),
('PRC-01', 'pricing_discounts', 'published',
 'No discount without the manager''s permission', 'Ningún descuento sin permiso del responsable', '未经经理许可不得降价',
$$## Purpose
Prices are set by the company. Unapproved discounts erode margins and treat customers unequally.

## Scope
Everyone who quotes or sells.

## Rules
1. Never lower the sales price without your manager's permission.
2. Ask for a discount in writing, with the customer, the amount and the reason.
3. A salesperson who gives an unapproved discount bears its consequences.

## Sanctions
The pricing and discounts ladder applies.$$,
$$## Propósito
Los precios los fija la empresa. Los descuentos no aprobados reducen el margen y tratan a los clientes de forma desigual.

## Alcance
Todas las personas que presupuestan o venden.

## Normas
1. No baje nunca el precio de venta sin permiso de su responsable.
2. Pida el descuento por escrito, con el cliente, el importe y el motivo.
3. El vendedor que concede un descuento no aprobado asume sus consecuencias.

## Sanciones
Se aplica la escala de precios y descuentos.$$,
$$## 目的
价格由公司制定。未经批准的折扣会侵蚀利润，并造成对客户的不公平。

## 适用范围
所有报价或销售的人员。

## 规定
1. 未经经理许可，不得降低销售价格。
2. 折扣须书面申请，写明客户、金额和理由。
3. 给予未经批准折扣的销售员须承担相应后果。

## 处罚
适用价格与折扣类处罚等级。$$),
('CNF-01', 'confidentiality', 'published',
 'Confidentiality of plans, prices and customers', 'Confidencialidad de planes, precios y clientes', '计划、价格和客户信息保密',
$$## Purpose
Business plans, prices and customer data are the company's assets.

## Scope
All sales staff, during and after employment.

## Rules
1. Keep the company's business plans, price lists and customer information confidential.
2. Never disclose confidential information in a negotiation, even to win an order.
3. Report any suspected leak to your manager at once.

## Sanctions
By severity, following the confidentiality ladder, up to dismissal.$$,
$$## Propósito
Los planes de negocio, los precios y los datos de clientes son activos de la empresa.

## Alcance
Todo el personal de ventas, durante y después de la relación laboral.

## Normas
1. Mantenga confidenciales los planes de negocio, las tarifas y la información de clientes de la empresa.
2. No revele nunca información confidencial en una negociación, ni siquiera para ganar un pedido.
3. Comunique de inmediato a su responsable cualquier sospecha de filtración.

## Sanciones
Según la gravedad, siguiendo la escala de confidencialidad, hasta el despido.$$,
$$## 目的
经营计划、价格和客户资料是公司的资产。

## 适用范围
全体销售人员，在职期间及离职之后。

## 规定
1. 对公司的经营计划、价格表和客户信息保密。
2. 在谈判中不得泄露任何机密信息，即使是为了赢得订单。
3. 发现疑似泄密须立即报告上级。

## 处罚
视情节轻重，按保密类处罚等级处理，直至开除。$$),
('CON-01', 'conduct', 'published',
 'No private selling of competing products', 'No vender en privado productos de la competencia', '不得私自销售同类产品',
$$## Purpose
Salespeople represent the company and only the company.

## Scope
All sales staff.

## Rules
1. Never use the company's name, or a business trip, to sell other products of the same industry privately.
2. Declare to HR any outside activity in the same industry.

## Sanctions
By severity, up to expulsion. This rule has its own ladder.$$,
$$## Propósito
Los vendedores representan a la empresa y solo a la empresa.

## Alcance
Todo el personal de ventas.

## Normas
1. No use nunca el nombre de la empresa, ni un viaje de trabajo, para vender en privado otros productos del mismo sector.
2. Declare a RR. HH. cualquier actividad externa en el mismo sector.

## Sanciones
Según la gravedad, hasta la expulsión. Esta norma tiene su propia escala.$$,
$$## 目的
销售员代表公司，而且只代表公司。

## 适用范围
全体销售人员。

## 规定
1. 不得利用公司名义或出差机会私自销售同行业的其他产品。
2. 在同行业的任何兼职活动须向人事部门申报。

## 处罚
视情节轻重处理，直至开除。本规章有单独的处罚等级。$$),
('REP-01', 'reporting', 'published',
 'Reporting orders and payment collection on time', 'Informar a tiempo de pedidos y cobros', '及时汇报订单和回款',
$$## Purpose
The department plans stock, cash and targets from the orders and payments salespeople report.

## Scope
Every salesperson.

## Rules
1. Report every order to the sales department the day it is confirmed.
2. Report payment collection weekly, by customer.
3. Report overdue payments as soon as they are overdue.

## Sanctions
The reporting ladder applies.$$,
$$## Propósito
El departamento planifica existencias, tesorería y objetivos a partir de los pedidos y cobros que informan los vendedores.

## Alcance
Todos los vendedores.

## Normas
1. Informe al departamento de ventas de cada pedido el mismo día en que se confirma.
2. Informe de los cobros cada semana, por cliente.
3. Informe de los impagos en cuanto venzan.

## Sanciones
Se aplica la escala de informes.$$,
$$## 目的
部门根据销售员汇报的订单和回款来安排库存、资金和目标。

## 适用范围
全体销售员。

## 规定
1. 每笔订单在确认当天向销售部汇报。
2. 每周按客户汇报回款情况。
3. 逾期款项一经逾期立即汇报。

## 处罚
适用报告类处罚等级。$$),
('REP-02', 'reporting', 'in_review',
 'Market information, reports, training and assessment', 'Información de mercado, informes, formación y evaluación', '市场信息、报告、培训和考核',
$$## Purpose
Regular market information keeps the department's plans realistic.

## Scope
Every salesperson.

## Rules
1. Submit market information and a performance report every month.
2. Attend the regular training and assessment sessions.$$,
$$## Propósito
La información de mercado periódica mantiene realistas los planes del departamento.

## Alcance
Todos los vendedores.

## Normas
1. Entregue cada mes información de mercado y un informe de resultados.
2. Asista a las sesiones periódicas de formación y evaluación.$$,
$$## 目的
定期的市场信息使部门计划切合实际。

## 适用范围
全体销售员。

## 规定
1. 每月提交市场信息和业绩报告。
2. 参加定期培训和考核。$$),
('CUS-01', 'customer_care', 'published',
 'Honesty with customers', 'Honestidad con los clientes', '诚信对待客户',
$$## Purpose
Long-term customers come from trust.

## Scope
All sales and customer service staff.

## Rules
1. Be honest with customers about products, prices and delivery.
2. Never pass off poor products as good ones.
3. Handle complaints promptly and record them.$$,
$$## Propósito
Los clientes de largo plazo nacen de la confianza.

## Alcance
Todo el personal de ventas y de atención al cliente.

## Normas
1. Sea honesto con los clientes sobre productos, precios y plazos de entrega.
2. No haga pasar nunca productos malos por buenos.
3. Atienda las quejas con rapidez y regístrelas.$$,
$$## 目的
长期客户来自信任。

## 适用范围
全体销售和客服人员。

## 规定
1. 在产品、价格和交货方面诚实对待客户。
2. 不得以次充好。
3. 及时处理并记录客户投诉。$$),
('CUS-02', 'customer_care', 'published',
 'Customer visit duties by tier', 'Visitas a clientes según su categoría', '按客户等级拜访',
$$## Purpose
Customers who buy the most get the most attention.

## Scope
Salespeople.

## Rules
1. Customers are tiered by last year's sales: VIP, first level, second level, others.
2. Visit every VIP customer every month.
3. Visit every first-level customer every two months.
4. Record each visit the same day.$$,
$$## Propósito
Los clientes que más compran reciben más atención.

## Alcance
Vendedores.

## Normas
1. Los clientes se clasifican por las ventas del año anterior: VIP, primer nivel, segundo nivel y otros.
2. Visite a cada cliente VIP todos los meses.
3. Visite a cada cliente de primer nivel cada dos meses.
4. Registre cada visita el mismo día.$$,
$$## 目的
采购最多的客户获得最多的关注。

## 适用范围
销售员。

## 规定
1. 按上一年度销售额将客户分为VIP客户、一级客户、二级客户和其他客户。
2. 每月拜访每位VIP客户一次。
3. 每两个月拜访每位一级客户一次。
4. 每次拜访当天记录。$$),
('CON-02', 'conduct', 'published',
 'Following the core sales process', 'Seguir el proceso comercial básico', '遵守核心销售流程',
$$## Purpose
A shared process makes results comparable and teachable.

## Scope
All sales staff.

## Rules
1. Follow the department's core sales process: prospect, qualify, propose, negotiate, close, follow up.
2. Whoever does not follow it violates the system and is sanctioned accordingly.$$,
$$## Propósito
Un proceso común hace que los resultados sean comparables y se puedan enseñar.

## Alcance
Todo el personal de ventas.

## Normas
1. Siga el proceso comercial básico del departamento: prospectar, calificar, proponer, negociar, cerrar y hacer seguimiento.
2. Quien no lo sigue incumple el sistema y se sanciona en consecuencia.$$,
$$## 目的
统一的流程使业绩可比较、可传授。

## 适用范围
全体销售人员。

## 规定
1. 遵守部门的核心销售流程：寻找客户、筛选、提案、谈判、成交、跟进。
2. 不遵守者视为违反制度，并受到相应处罚。$$),
('EVA-01', 'evaluation', 'draft',
 'Monthly and year-end evaluation', 'Evaluación mensual y de fin de año', '月度和年终考核',
$$## Purpose
Evaluation gives each person feedback, rewards strong results and sets a deadline to improve weak ones.

## Scope
All sales staff.

## Rules
1. Everyone is evaluated every month and at the end of the year against their targets and KPIs.
2. Outstanding results are praised and rewarded; poor results come with the areas to improve and a deadline.$$,
'', ''),
('ATT-00', 'attendance_meetings', 'retired',
 'Punch-card attendance (replaced)', 'Fichaje con tarjeta (sustituida)', '打卡考勤（已替换）',
$$## Purpose
Recorded arrival times with a punch card. Replaced by ATT-01.$$,
$$## Propósito
Registraba la hora de llegada con tarjeta. Sustituida por ATT-01.$$,
$$## 目的
以打卡方式记录到岗时间。已由 ATT-01 替代。$$);

update seed_rules set sales_only = true where code = 'CUS-02';

insert into public.regulations (code, category_id, owner_id, applies_to_all_positions, status, effective_date, current_version, draft_number, submitted_by, submitted_at, retired_at, retired_by)
select r.code, c.id, '00000000-0000-4000-a000-000000000001', not r.sales_only, r.status::public.regulation_status, date '2026-01-01',
       case when r.status = 'published' or r.status = 'retired' then case when r.code = 'TER-01' then 2 else 1 end end,
       case when r.status = 'published' or r.status = 'retired' then case when r.code = 'TER-01' then 3 else 2 end else 1 end,
       case when r.status = 'in_review' then '00000000-0000-4000-a000-000000000001'::uuid end,
       case when r.status = 'in_review' then now() end,
       case when r.status = 'retired' then now() end,
       case when r.status = 'retired' then '00000000-0000-4000-a000-000000000001'::uuid end
  from seed_rules r join public.regulation_categories c on c.code = r.category;

insert into public.regulation_drafts (regulation_id, title_en, title_es, title_zh, body_en, body_es, body_zh)
select g.id, r.title_en, r.title_es, r.title_zh, r.body_en, r.body_es, r.body_zh
  from seed_rules r join public.regulations g on g.code = r.code;

insert into public.regulation_positions (regulation_id, position_id)
select g.id, p.id from public.regulations g, public.positions p where g.code = 'CUS-02' and p.code = 'salesperson';

-- CON-01 has a ladder of its own.
insert into public.sanction_levels (regulation_id, level_order, kind, fine_amount, live_months, note_en, note_es, note_zh)
select g.id, l.level_order, l.kind::public.sanction_kind, null, l.months, l.note_en, l.note_es, l.note_zh
  from public.regulations g,
       (values (1, 'written_warning', 12, 'Any private sale', 'Cualquier venta privada', '任何私自销售'),
               (2, 'dismissal', 36, 'Repeated or large private sales', 'Ventas privadas reiteradas o importantes', '多次或大额私自销售')) as l(level_order, kind, months, note_en, note_es, note_zh)
 where g.code = 'CON-01';

-- Adding CON-01's ladder and CUS-02's positions above counted as revisions of published
-- rules; they were part of the published text, so put those two back to published.
select set_config('app.regulation_workflow', 'on', true);
update public.regulations set status = 'published' where code in ('CON-01', 'CUS-02');
select set_config('app.regulation_workflow', '', true);

-- Published versions. TER-01's first version said less; version 2 added the hand-over rule.
insert into public.regulation_versions (regulation_id, version_number, title_en, title_es, title_zh, body_en, body_es, body_zh, category_id, sanctions, positions, effective_date, submitted_by, published_by, published_at)
select g.id, v.n, d.title_en, d.title_es, d.title_zh,
       case when g.code = 'TER-01' and v.n = 1 then replace(d.body_en, E'3. A lead from another territory is passed to the salesperson responsible for it the same day.\n', '') else d.body_en end,
       case when g.code = 'TER-01' and v.n = 1 then replace(d.body_es, E'3. Un contacto de otra zona se pasa el mismo día al vendedor responsable de ella.\n', '') else d.body_es end,
       case when g.code = 'TER-01' and v.n = 1 then replace(d.body_zh, E'3. 来自其他区域的线索须当天转交给该区域的负责销售员。\n', '') else d.body_zh end,
       g.category_id,
       coalesce((select jsonb_agg(jsonb_build_object('level_order', s.level_order, 'kind', s.kind, 'fine_amount', s.fine_amount, 'live_months', s.live_months,
                                                     'note_en', s.note_en, 'note_es', s.note_es, 'note_zh', s.note_zh, 'inherited', false) order by s.level_order)
                   from public.sanction_levels s where s.regulation_id = g.id),
                (select jsonb_agg(jsonb_build_object('level_order', s.level_order, 'kind', s.kind, 'fine_amount', s.fine_amount, 'live_months', s.live_months,
                                                     'note_en', s.note_en, 'note_es', s.note_es, 'note_zh', s.note_zh, 'inherited', true) order by s.level_order)
                   from public.sanction_levels s where s.category_id = g.category_id), '[]'::jsonb),
       case when g.applies_to_all_positions then null else
         (select jsonb_agg(jsonb_build_object('id', p.id, 'code', p.code, 'title_en', p.title_en, 'title_es', p.title_es, 'title_zh', p.title_zh))
            from public.regulation_positions rp join public.positions p on p.id = rp.position_id where rp.regulation_id = g.id) end,
       g.effective_date, '00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000001',
       now() - make_interval(days => 30 * (g.current_version - v.n + 1))
  from public.regulations g
  join public.regulation_drafts d on d.regulation_id = g.id
  cross join lateral generate_series(1, g.current_version) v(n)
 where g.current_version is not null;

-- Some acknowledgements, so coverage has something to show. Sofía read TER-01 while
-- version 1 was in force, so she is asked again for version 2.
select set_config('app.regulation_workflow', 'on', true);
update public.regulations set current_version = 1 where code = 'TER-01';
insert into public.acknowledgements (regulation_id, version_number, staff_id, acknowledged_by, acknowledged_at)
select g.id, g.current_version, s.id, s.user_id, now() - interval '20 days'
  from public.regulations g
  join public.staff s on s.email = 'sales@example.com'
 where g.code in ('ATT-01', 'TER-01', 'PRC-01');
update public.regulations set current_version = 2 where code = 'TER-01';
select set_config('app.regulation_workflow', '', true);
insert into public.acknowledgements (regulation_id, version_number, staff_id, acknowledged_at)
select g.id, g.current_version, s.id, now() - interval '10 days'
  from public.regulations g
  join public.staff s on s.status = 'active' and (abs(hashtext(s.email || g.code)) % 3) <> 0
 where g.status = 'published'
   and (g.applies_to_all_positions or s.position_id in (select rp.position_id from public.regulation_positions rp where rp.regulation_id = g.id))
   and s.email <> 'sales@example.com';

-- =============================================================================
-- Customers, visits and sales: eight customers in every area (one VIP, two first
-- level, two second level, three others), a contact or two each, visits on their
-- tier's schedule since last December (a quarter of them late, so the overdue list has
-- something), monthly invoices since January 2025 with payments, and visit plans for the
-- last three months and this one. A few customers sold like another tier last year, so
-- re-tiering has candidates; one customer moved from NOR-E-2 to NOR-E-1 in June.
-- =============================================================================
insert into public.customers (code, name, tier_id, tier_since, status, territory_id, address, custom_fields)
select t.code || '-' || lpad(n::text, 2, '0'),
       (array['Acme', 'Boreal', 'Cobalto', 'Delta', 'Estrella', 'Faro', 'Granito', 'Horizonte', 'Iris', 'Jade', 'Kappa', 'Lince',
              'Mistral', 'Nova', 'Olivo', 'Prisma', 'Quasar', 'Roble'])[t.rn] || ' ' ||
       (array['Distribuciones', 'Industrial', 'Comercial', 'Suministros', 'Trading', 'Logística', 'Talleres', 'Materiales'])[n],
       (select ct.id from public.customer_tiers ct
         where ct.code = case when n = 1 then 'vip' when n <= 3 then 'first_level' when n <= 5 then 'second_level' else 'other' end),
       date '2025-01-01',
       (case when n = 8 then 'prospect' when n = 7 then 'potential' when n = 6 and t.rn % 6 = 0 then 'lost' else 'active' end)::public.customer_status,
       t.id,
       format('Calle %s %s, %s', (array['Mayor', 'Real', 'del Puerto', 'de la Industria', 'Nueva', 'del Sol'])[1 + n % 6], 10 + n * 7, t.name),
       jsonb_build_object('industry', (array['construction', 'manufacturing', 'retail', 'logistics'])[1 + (t.rn + n) % 4])
  from (select t.id, t.code, t.name, row_number() over (order by t.code)::integer as rn
          from public.territories t where extensions.nlevel(t.path) = 3) t
 cross join generate_series(1, 8) n;

-- Placements since 2024, so last year's visits and sales land where the customer was.
update public.customer_placements set valid_from = date '2024-01-01' where true;
-- NOR-E-2-03 moved to Sofía's area on 1 June 2026: its earlier history stays with NOR-E-2.
update public.customers set territory_id = (select id from public.territories where code = 'NOR-E-1') where code = 'NOR-E-2-03';
update public.customer_placements p set valid_to = date '2026-06-01'
  from public.customers c where c.id = p.customer_id and c.code = 'NOR-E-2-03' and p.valid_to is not null;
update public.customer_placements p set valid_from = date '2026-06-01'
  from public.customers c where c.id = p.customer_id and c.code = 'NOR-E-2-03' and p.valid_to is null;

insert into public.customer_contacts (customer_id, name, role_title, phone, email, decision_maker)
select c.id,
       (array['Carlos Pérez', 'Li Wei', 'María López', 'Zhang Min', 'Jorge Sanz', 'Wang Li', 'Elena Torres', 'Chen Bo'])[1 + abs(hashtext(c.code)) % 8],
       'Purchasing director', '+34 910 ' || lpad((abs(hashtext(c.code)) % 1000)::text, 3, '0') || ' 100',
       'compras@' || lower(replace(split_part(c.name, ' ', 1), ' ', '')) || '-' || lower(c.code) || '.example.com', true
  from public.customers c;
insert into public.customer_contacts (customer_id, name, role_title, phone, decision_maker)
select c.id,
       (array['Lucía Gómez', 'Liu Fang', 'Pedro Ruiz', 'Sun Li', 'Ana Martín', 'Zhao Qiang'])[1 + abs(hashtext(c.code || 'b')) % 6],
       'Buyer', '+34 910 ' || lpad((abs(hashtext(c.code || 'b')) % 1000)::text, 3, '0') || ' 200', false
  from public.customers c
 where right(c.code, 2)::integer <= 5;

-- Visits on the tier's schedule (every 90 days for the others), by the owner; a quarter of
-- the scheduled customers missed their latest visit.
insert into public.visits (customer_id, staff_id, visited_on, purpose, contact_id, outcome, next_step, next_visit_on)
select c.id, p.owner_id, d.day,
       (array['Quarterly business review', 'New product presentation', 'Order follow-up', 'Payment collection', 'Complaint handling'])[1 + abs(hashtext(c.code || d.day::text)) % 5],
       case when abs(hashtext(c.code || d.day::text)) % 2 = 0
            then (select k.id from public.customer_contacts k where k.customer_id = c.id and k.decision_maker limit 1)
            else (select k.id from public.customer_contacts k where k.customer_id = c.id order by k.decision_maker limit 1) end,
       (array['Order agreed', 'Interested, wants a quote', 'No change', 'Payment promised this month'])[1 + abs(hashtext(c.code || d.day::text || 'o')) % 4],
       (array['Send the quote', 'Call in two weeks', 'Prepare the next order', ''])[1 + abs(hashtext(c.code || d.day::text || 's')) % 4],
       d.day + coalesce(t.visit_interval_days, 90)
  from public.customers c
  join public.customer_tiers t on t.id = c.tier_id
  cross join lateral (
    select g::date as day
      from generate_series(date '2025-12-01' + abs(hashtext(c.code)) % 20, current_date - 1,
                           make_interval(days => coalesce(t.visit_interval_days, 90) - 3)) g
  ) d
  cross join lateral private.placement_on(c.id, d.day) p
 where c.status in ('active', 'potential') and p.owner_id is not null
   and not (abs(hashtext(c.code)) % 4 = 0 and d.day > current_date - coalesce(t.visit_interval_days, 90) + 5);

-- Monthly invoices since January 2025. Some customers sold like another tier last year.
insert into public.sales (external_id, document, sale_date, customer_id, product_line_id, quantity, amount, cost, discount_percent, discount_granted_by)
select format('ERP-%s-%s', c.code, to_char(m, 'YYYYMM')), 'invoice', (m + make_interval(days => abs(hashtext(c.code || m::text)) % 25))::date, c.id,
       (select pl.id from public.product_lines pl order by pl.sort_order offset abs(hashtext(c.code || m::text || 'p')) % 4 limit 1),
       1 + abs(hashtext(c.code || m::text || 'q')) % 40,
       x.amount, round(x.amount * 0.62, 2),
       case when abs(hashtext(c.code || m::text || 'd')) % 7 = 0 then 5 else 0 end,
       case when abs(hashtext(c.code || m::text || 'd')) % 7 = 0
            then (select r.manager_id from public.territories r, public.territories a
                   where a.id = c.territory_id and r.path operator(extensions.@>) a.path and extensions.nlevel(r.path) = 1) end
  from public.customers c
  join public.customer_tiers t on t.id = c.tier_id
  cross join generate_series(date '2025-01-01', date '2026-11-01', interval '1 month') m
  cross join lateral (
    select round((case
             -- candidates for re-tiering: a VIP that sold like a first-level customer, a first level
             -- like a second, a second level like a first, an other like a second level
             when t.code = 'vip' and right(c.code, 1) = '1' and c.code like 'CEN%' then 4200
             when t.code = 'first_level' and c.code like '%-03' and c.code like 'SOU%' then 1100
             when t.code = 'second_level' and c.code like '%-04' and c.code like 'NOR-W%' then 4200
             when t.code = 'other' and c.code like '%-06' and c.code like 'CEN-E%' then 1100
             when t.code = 'vip' then 11000 when t.code = 'first_level' then 4200 when t.code = 'second_level' then 1100 else 350
           end) * (0.8 + (abs(hashtext(c.code || m::text || 'a')) % 41) / 100.0), 2) as amount
  ) x
 where c.status = 'active' or (c.status = 'lost' and m < date '2025-09-01');

-- Paid a month later; October and November 2026 are partly or not yet collected.
insert into public.payments (external_id, sale_id, paid_on, amount)
select 'PAY-' || s.external_id, s.id,
       least(s.sale_date + 30, current_date),
       case when s.sale_date < date '2026-10-01' then s.amount when abs(hashtext(s.external_id)) % 3 = 0 then round(s.amount / 2, 2) end
  from public.sales s
 where s.sale_date < date '2026-10-01' or abs(hashtext(s.external_id)) % 3 = 0;

-- Visit plans: every VIP monthly, first level every other month, since September.
insert into public.visit_plans (staff_id, month, customer_id, planned_visits)
select c.owner_id, m::date, c.id, 1
  from public.customers c
  join public.customer_tiers t on t.id = c.tier_id
  cross join generate_series(date '2026-09-01', date_trunc('month', current_date)::date, interval '1 month') m
 where c.owner_id is not null and c.status <> 'lost'
   and (t.code = 'vip' or (t.code = 'first_level' and extract(month from m)::integer % 2 = 0));

-- Evaluation templates: a salesperson's and a supervisor's, published from January 2026, and a
-- salesperson's draft for 2027 that gives new customers more weight.
insert into public.evaluation_templates (position_id, valid_from, name)
select p.id, date '2026-01-01', v.name
  from (values ('salesperson', 'Salesperson 2026'), ('sales_supervisor', 'Sales supervisor 2026')) v(code, name)
  join public.positions p on p.code = v.code;
insert into public.evaluation_template_kpis (template_id, kpi_id, weight, cap_percent, floor_percent, sort_order)
select t.id, k.id, v.weight, v.cap, v.floor, v.sort_order
  from (values
    ('salesperson', 'sales_amount', 30, 120, 50, 10), ('salesperson', 'profit_contribution', 15, 120, null, 20),
    ('salesperson', 'payments_collected', 15, 110, null, 30), ('salesperson', 'new_customers', 10, 150, null, 40),
    ('salesperson', 'visits_done', 10, 120, null, 50), ('salesperson', 'customer_satisfaction', 5, 100, null, 60),
    ('salesperson', 'communication', 5, 100, null, 70), ('salesperson', 'diligence', 5, 100, null, 80),
    ('salesperson', 'conduct', 5, 100, null, 90),
    ('sales_supervisor', 'sales_amount', 35, 120, 50, 10), ('sales_supervisor', 'profit_contribution', 20, 120, null, 20),
    ('sales_supervisor', 'payments_collected', 15, 110, null, 30), ('sales_supervisor', 'overdue_visits', 10, 120, null, 40),
    ('sales_supervisor', 'coordination', 10, 100, null, 50), ('sales_supervisor', 'responsibility', 10, 100, null, 60)
  ) v(position_code, kpi_code, weight, cap, floor, sort_order)
  join public.positions p on p.code = v.position_code
  join public.evaluation_templates t on t.position_id = p.id and t.valid_from = date '2026-01-01'
  join public.kpis k on k.code = v.kpi_code;
update public.evaluation_templates set published_at = now() where valid_from = date '2026-01-01';
select public.copy_evaluation_template(t.id, date '2027-01-01')
  from public.evaluation_templates t join public.positions p on p.id = t.position_id
 where p.code = 'salesperson' and t.valid_from = date '2026-01-01';
update public.evaluation_templates t set name = 'Salesperson 2027 (draft)'
  from public.positions p where p.id = t.position_id and p.code = 'salesperson' and t.valid_from = date '2027-01-01';

-- Targets for 2026: each salesperson's annual sales (seasonal), profit, collections, new
-- customers and visits (even), and the rates and scores that are the same each month
-- (visit-plan compliance, customer satisfaction, at most two overdue customers); split into
-- months and rolled up the territory tree; one region overridden for a new distributor.
insert into public.annual_targets (kpi_id, staff_id, year, amount, distribution_id)
select k.id, s.id, 2026,
       case k.code
         when 'sales_amount' then 150000 + (row_number() over (partition by k.code order by s.full_name)) * 6000
         when 'profit_contribution' then 60000 + (row_number() over (partition by k.code order by s.full_name)) * 2400
         when 'payments_collected' then 140000 + (row_number() over (partition by k.code order by s.full_name)) * 5000
         when 'new_customers' then 6
         when 'visits_done' then 48 + (row_number() over (partition by k.code order by s.full_name)) * 3
         when 'customer_satisfaction' then 85
         when 'overdue_visits' then 2
         else 90
       end,
       d.id
  from public.staff s
  join public.positions p on p.id = s.position_id and p.code = 'salesperson'
  join public.kpis k on k.code in ('sales_amount', 'profit_contribution', 'payments_collected', 'new_customers', 'visits_done',
                                   'visit_plan_compliance', 'customer_satisfaction', 'overdue_visits')
  join public.distribution_profiles d on d.code = case when k.code = 'sales_amount' then 'seasonal' else 'even' end
 where s.territory_id is not null and s.status <> 'left';
select public.split_targets(2026);
update public.targets t
   set overridden = true, override_reason = 'New distributor signed in the region: the region carries 10% more than its people.',
       months = (select array_agg(round(m * 1.1, 2) order by i) from unnest(t.months) with ordinality u(m, i))
  from public.territories r, public.kpis k
 where t.territory_id = r.id and r.parent_id is null and t.staff_id is null and t.kpi_id = k.id and k.code = 'sales_amount'
   and t.year = 2026 and r.code = (select min(x.code) from public.territories x where x.parent_id is null);

-- Evaluations for September to November 2026, computed by HR. The north region's manager
-- scores and submits September and October; HR approves September (with improvement plans
-- where the band asks for one, one of them now past its deadline); the demo salesperson
-- acknowledges hers. November stays in draft.
create function pg_temp.act_as(p_email text) returns void language sql as $$
  select set_config('request.jwt.claims',
                    json_build_object('sub', (select p.id from public.profiles p where p.email = p_email), 'role', 'authenticated')::text,
                    false)
$$;
select pg_temp.act_as('hr@example.com');
select public.run_evaluations(m::date) from generate_series(date '2026-09-01', date '2026-11-01', interval '1 month') m;

select pg_temp.act_as('manager@example.com');
select public.save_evaluation_scores(
         e.id, e.version,
         (select jsonb_agg(case when k.kind = 'qualitative'
                                then jsonb_build_object('kpi_id', l.kpi_id, 'manual_score', 3 + (abs(hashtext(e.id::text || k.code)) % 3))
                                else jsonb_build_object('kpi_id', l.kpi_id, 'actual', 80 + (abs(hashtext(e.id::text || k.code)) % 16)) end)
            from public.evaluation_lines l join public.kpis k on k.id = l.kpi_id
           where l.evaluation_id = e.id and (k.kind = 'qualitative' or k.measure_code is null)),
         'Reviewed with the person at the monthly meeting.')
  from public.evaluations e join public.territories t on t.id = e.territory_id
 where t.code like 'NOR%' and e.month in (date '2026-09-01', date '2026-10-01');
select public.submit_evaluation(e.id, e.version)
  from public.evaluations e join public.territories t on t.id = e.territory_id
 where t.code like 'NOR%' and e.month in (date '2026-09-01', date '2026-10-01');

select pg_temp.act_as('hr@example.com');
select public.approve_evaluation(
         e.id, e.version,
         case when e.band_outcome = 'improvement_plan'
              then jsonb_build_object('areas', 'Sales against target and collection of open invoices',
                                      'actions', 'Weekly pipeline review with the manager; visit every first-level customer this quarter.',
                                      'deadline', date '2027-02-28', 'follow_up_owner_id',
                                      coalesce(e.manager_id, (select s.id from public.staff s join public.profiles p on p.id = s.user_id
                                                               where p.email = 'manager@example.com'))) end)
  from public.evaluations e join public.territories t on t.id = e.territory_id
 where t.code like 'NOR%' and e.month = date '2026-09-01' and e.status = 'submitted';
update public.improvement_plans set deadline = date '2026-11-15'
 where id = (select p.id from public.improvement_plans p order by p.created_at, p.id limit 1);

select pg_temp.act_as('sales@example.com');
select public.acknowledge_evaluation(e.id, e.version, 'Understood. I will focus on collections.')
  from public.evaluations e join public.staff s on s.id = e.staff_id join public.profiles p on p.id = s.user_id
 where p.email = 'sales@example.com' and e.month = date '2026-09-01' and e.status = 'approved';
select set_config('request.jwt.claims', '', false);

-- September 2026 is closed for the north region (all its evaluations approved); the region's
-- manager asks to amend a closed customer-satisfaction figure, for HR to decide.
select pg_temp.act_as('hr@example.com');
select public.close_period(date '2026-09-01', (select t.id from public.territories t where t.code = 'NOR'),
                           'September results published at the monthly summary meeting.');
select pg_temp.act_as('manager@example.com');
select public.request_amendment('actual', a.staff_id, a.kpi_id, a.month, a.value + 4,
                                'The September survey was recounted: two late answers were missing.')
  from public.kpi_actuals a join public.kpis k on k.id = a.kpi_id join public.territories t on t.id = a.territory_id
 where k.code = 'customer_satisfaction' and a.month = date '2026-09-01' and t.code like 'NOR%'
 order by a.staff_id limit 1;
select set_config('request.jwt.claims', '', false);

-- Rewards: the north region's manager proposes a public announcement and a bonus for the
-- demo salesperson, which HR confirms; whatever September's approved evaluations proposed
-- (a reward band) waits for HR.
select pg_temp.act_as('manager@example.com');
insert into public.rewards (staff_id, kind, amount, reason, awarded_on)
select s.id, 'bonus', 300, 'Best collection rate of the region in the third quarter.', date '2026-10-15'
  from public.staff s join public.profiles p on p.id = s.user_id where p.email = 'sales@example.com';
insert into public.rewards (staff_id, kind, reason, awarded_on)
select s.id, 'announcement', 'Opened two new distributors in October: announced at the monthly summary meeting.', date '2026-11-05'
  from public.staff s join public.territories t on t.id = s.territory_id
  join public.positions pos on pos.id = s.position_id and pos.default_role_code = 'salesperson'
 where t.code like 'NOR%' and s.user_id is null
 order by s.full_name limit 1;
select pg_temp.act_as('hr@example.com');
select public.decide_reward(r.id, r.version, true, null, null, 'Paid with the October payroll.')
  from public.rewards r where r.kind = 'bonus' and r.evaluation_id is null;
select set_config('request.jwt.claims', '', false);

-- Meetings and attendance: the north region's weekly sales meetings, a training and the
-- November summary meeting, everyone in the region invited. HR has bound the attendance
-- detector to ATT-01 (and left it off: marks become violations when a manager says so). The
-- demo salesperson was late in October (a verbal warning) and again in November (a repeat
-- while the first was live: the ladder's written warning), and left the summary meeting an
-- hour early (a draft with their statement, proposing the fine). Another north salesperson was
-- absent from the training: the mark waits for the manager. Next week's meeting is not taken.
select pg_temp.act_as('hr@example.com');
update public.detectors set regulation_id = (select g.id from public.regulations g where g.code = 'ATT-01')
 where code = 'meeting_attendance';
select pg_temp.act_as('manager@example.com');
insert into public.meetings (kind, title, held_on, starts_at, duration_minutes, location, territory_id, organiser_id, minutes,
                             topic_id, trainer, material, pass_score)
select v.kind::public.meeting_kind, v.title, v.day, v.at::time, v.long, v.place, t.id, s.id, v.minutes,
       case when v.kind = 'training' then (select tt.id from public.training_topics tt where tt.code = 'products') end,
       case when v.kind = 'training' then 'Production department (with the product manager)' else '' end,
       case when v.kind = 'training' then 'Catalogue 2027, chapters 1-3; price list of November' else '' end,
       case when v.kind = 'training' then 60 end
  from public.territories t, public.staff s join public.profiles p on p.id = s.user_id,
       (values ('weekly_sales', 'Weekly sales meeting', date '2026-10-05', '09:00', 60, 'North office, room 2',
                'Orders of the week reviewed; two slow payers to visit before Friday.'),
               ('weekly_sales', 'Weekly sales meeting', date '2026-11-09', '09:00', 60, 'North office, room 2',
                'Year-end push: each salesperson named three customers to reorder.'),
               ('training', 'Product training: the new line', date '2026-11-18', '10:00', 180, 'Training room',
                'Product features, prices and the discount rules; a short test at the end.'),
               ('monthly_summary', 'November summary meeting', date '2026-11-30', '16:00', 120, 'North office, room 2',
                'Targets against actuals per person; December visit plans agreed.'),
               ('weekly_sales', 'Weekly sales meeting', date '2026-12-14', '09:00', 60, 'North office, room 2', ''))
         v(kind, title, day, at, long, place, minutes)
 where t.code = 'NOR' and p.email = 'manager@example.com';
select public.invite_to_meeting(m.id, m.territory_id) from public.meetings m;
update public.meeting_attendance a set mark = 'present'
  from public.meetings m where m.id = a.meeting_id and m.held_on <= date '2026-11-30';
update public.meeting_attendance a
   set mark = v.mark::public.attendance_mark, minutes_late = v.late, minutes_early = v.early
  from public.meetings m, public.staff s join public.profiles p on p.id = s.user_id,
       (values (date '2026-10-05', 'late', 20, null::integer), (date '2026-11-09', 'late', 35, null),
               (date '2026-11-30', 'left_early', null, 60)) v(day, mark, late, early)
 where m.id = a.meeting_id and m.held_on = v.day and a.staff_id = s.id and p.email = 'sales@example.com';
update public.meeting_attendance a set mark = 'absent'
  from public.meetings m
 where m.id = a.meeting_id and m.held_on = date '2026-11-18'
   and a.staff_id = (select s.id from public.staff s join public.territories t on t.id = s.territory_id
                       join public.positions pos on pos.id = s.position_id and pos.default_role_code = 'salesperson'
                      where t.code like 'NOR%' and s.user_id is null order by s.full_name limit 1);
update public.meeting_attendance a set mark = 'excused', excuse = 'Visiting a key customer with the regional director.'
  from public.meetings m
 where m.id = a.meeting_id and m.held_on = date '2026-11-18'
   and a.staff_id = (select s.id from public.staff s join public.territories t on t.id = s.territory_id
                       join public.positions pos on pos.id = s.position_id and pos.default_role_code = 'salesperson'
                      where t.code like 'NOR%' and s.user_id is null order by s.full_name offset 1 limit 1);

-- Violations: the demo salesperson's three attendance marks become violations of ATT-01; the
-- first two are confirmed in turn. Another north salesperson's unapproved discount was
-- dismissed; a confidentiality breach was closed.
select public.attendance_to_violation(a.id)
  from public.meeting_attendance a join public.meetings m on m.id = a.meeting_id
  join public.staff s on s.id = a.staff_id join public.profiles p on p.id = s.user_id
 where p.email = 'sales@example.com' and a.mark in ('late', 'left_early')
 order by m.held_on;
select public.decide_violation(v.id, v.version, 'confirm') from public.violations v
  join public.regulations g on g.id = v.regulation_id where g.code = 'ATT-01' and v.occurred_on = date '2026-10-05';
select public.decide_violation(v.id, v.version, 'confirm') from public.violations v
  join public.regulations g on g.id = v.regulation_id where g.code = 'ATT-01' and v.occurred_on = date '2026-11-09';
insert into public.violations (staff_id, regulation_id, occurred_on, severity, description)
select s.id, g.id, v.day, v.severity::public.violation_severity, v.what
  from (select s.id from public.staff s join public.territories t on t.id = s.territory_id
          join public.positions pos on pos.id = s.position_id and pos.default_role_code = 'salesperson'
         where t.code like 'NOR%' and s.user_id is null order by s.full_name limit 1) s,
       public.regulations g,
       (values ('PRC-01', date '2026-08-14', 'major', 'Sale with a 12% discount and no approved request.'),
               ('CNF-01', date '2026-05-04', 'major', 'Sent the price list to a competitor''s distributor.')) v(code, day, severity, what)
 where g.code = v.code;
select public.decide_violation(v.id, v.version, 'dismiss', null, 'The regional director had approved the discount by e-mail.')
  from public.violations v join public.regulations g on g.id = v.regulation_id where g.code = 'PRC-01';
select public.decide_violation(v.id, v.version, 'confirm') from public.violations v
  join public.regulations g on g.id = v.regulation_id where g.code = 'CNF-01';
select public.decide_violation(v.id, v.version, 'close') from public.violations v
  join public.regulations g on g.id = v.regulation_id where g.code = 'CNF-01';
select pg_temp.act_as('sales@example.com');
select public.add_violation_statement(v.id, v.version, 'A customer called with an urgent order; I told my manager before leaving.')
  from public.violations v where v.occurred_on = date '2026-11-30';
select set_config('request.jwt.claims', '', false);

-- Discount requests: the demo salesperson asked for four discounts on their customers. Their
-- manager (a regional director, up to 15%) approved 5% and refused 12% with a reason; 8% waits
-- for them, and 20% is beyond their authority: it waits for someone above.
select pg_temp.act_as('sales@example.com');
insert into public.discount_requests (customer_id, list_price, discount_percent, reason)
select c.id, v.price, v.pct, v.why
  from (select c.id, row_number() over (order by c.code) as n
          from public.customers c join public.staff s on s.territory_id = c.territory_id
          join public.profiles p on p.id = s.user_id where p.email = 'sales@example.com') c
  join (values (1, 12000.00, 5.00, 'Yearly order brought forward to November.'),
               (2, 8400.00, 12.00, 'Matching a competitor''s offer on the same line.'),
               (3, 15600.00, 8.00, 'First order of a new distributor.'),
               (4, 42000.00, 20.00, 'Three-year supply contract, paid in advance.')) v(n, price, pct, why) on v.n = c.n;
select pg_temp.act_as('manager@example.com');
select public.decide_discount_request(r.id, r.version, true, 'Approved for this order only.')
  from public.discount_requests r where r.discount_percent = 5;
select public.decide_discount_request(r.id, r.version, false, 'The competitor''s offer excludes delivery; ours includes it.')
  from public.discount_requests r where r.discount_percent = 12;
select set_config('request.jwt.claims', '', false);

-- Detectors: HR binds the discount check to PRC-01, the territory check to TER-01 and the
-- overdue-visit check to CUS-01 (seven days' grace), and switches all three on. The demo
-- salesperson then sold today to the customer whose 12% request was refused, granting 12% herself
-- (a salesperson may grant none): the discount check finds it as the sale is written. The 5%
-- sale to the customer whose request was approved is covered and finds nothing. Her visit to a
-- customer of the neighbouring area is outside her territory. The nightly run, started here by
-- HR, finds the visits overdue past the grace days.
select pg_temp.act_as('hr@example.com');
update public.detectors d set regulation_id = g.id, enabled = true, grace_days = v.grace
  from (values ('discount_above_authority', 'PRC-01', 0), ('outside_territory', 'TER-01', 0),
               ('overdue_visit', 'CUS-01', 7)) v(code, rule, grace)
  join public.regulations g on g.code = v.rule
 where d.code = v.code;
select pg_temp.act_as('manager@example.com');
insert into public.sales (external_id, document, sale_date, customer_id, product_line_id, quantity, amount, cost, discount_percent, discount_granted_by)
select 'DEMO-DISCOUNT-' || r.discount_percent, 'invoice', current_date, r.customer_id,
       (select pl.id from public.product_lines pl order by pl.sort_order limit 1), 10,
       round(r.list_price * (1 - r.discount_percent / 100), 2), round(r.list_price * 0.62, 2), r.discount_percent, r.requested_by
  from public.discount_requests r where r.discount_percent in (5, 12);
insert into public.visits (customer_id, staff_id, visited_on, purpose, outcome)
select c.id, s.id, current_date - 6, 'Order follow-up', 'Took an order for the neighbouring area''s customer.'
  from public.customers c, public.staff s
 where c.code = 'NOR-E-2-01' and s.email = 'sales@example.com';
select pg_temp.act_as('hr@example.com');
select * from public.run_detectors();
select set_config('request.jwt.claims', '', false);

-- The demo salesperson's own goal for 2026: ten per cent above the company's sales target.
insert into public.personal_goals (staff_id, kpi_id, year, months, note)
select t.staff_id, t.kpi_id, 2026, (select array_agg(round(m * 1.1, 2) order by i) from unnest(t.months) with ordinality u(m, i)),
       'Ten per cent above the company''s target: two new distributors in my area.'
  from public.targets t join public.kpis k on k.id = t.kpi_id
  join public.staff s on s.id = t.staff_id join public.profiles p on p.id = s.user_id
 where p.email = 'sales@example.com' and k.code = 'sales_amount' and t.year = 2026;

-- Training: the November product training was assessed (pass score 60; the demo salesperson
-- scored 84, a colleague who attended 52); PRC-01 requires the product training of everyone it
-- applies to within 30 days of joining, so the salesperson absent from it is still missing it.
select pg_temp.act_as('manager@example.com');
update public.meeting_attendance a
   set assessment_score = case when s.user_id is not null then 84 else 52 + (abs(hashtext(s.full_name)) % 45) end
  from public.meetings m, public.staff s
 where m.id = a.meeting_id and m.kind = 'training' and s.id = a.staff_id and a.mark in ('present', 'late', 'left_early');
select pg_temp.act_as('hr@example.com');
insert into public.regulation_trainings (regulation_id, topic_id, due_within_days)
select g.id, t.id, 30 from public.regulations g, public.training_topics t where g.code = 'PRC-01' and t.code = 'products';

-- Suggestions: the demo salesperson proposed shared visit routes (adopted by the manager) and,
-- with the author hidden, a quiet room for calls (under review by HR); two colleagues in the
-- north asked for a shorter expense form (received) and a second demo car (declined).
select pg_temp.act_as('sales@example.com');
select public.submit_suggestion('Share the visit routes in the branch',
  'Plan the week''s routes together on Monday, so two of us never visit the same street on the same day.', 'sales', false);
select public.submit_suggestion('A quiet room for customer calls',
  'The open office is loud: a small room for calls with customers would help us sound professional.', 'workplace', true);
select set_config('request.jwt.claims', '', false);
select set_config('app.suggestion_submit', 'on', false);
with authors as (
  select s.id, s.territory_id, row_number() over (order by s.full_name) as n
    from public.staff s join public.territories t on t.id = s.territory_id
    join public.positions pos on pos.id = s.position_id and pos.default_role_code = 'salesperson'
   where t.code like 'NOR%' and s.user_id is null
),
written as (
  insert into public.suggestions (title, body, area, staff_id, territory_id)
  select v.title, v.body, v.area::public.suggestion_area, a.id, a.territory_id
    from authors a
    join (values (1, 'A shorter expense form', 'The expense form asks for the same customer details three times; one page would do.', 'other'),
                 (2, 'A second demo car', 'Two of us need the demo car on the same days every month; a second one would save visits.', 'customers'))
         v(n, title, body, area) on v.n = a.n
  returning id, staff_id
)
insert into public.suggestion_authors (suggestion_id, staff_id) select id, staff_id from written;
select set_config('app.suggestion_submit', '', false);
select pg_temp.act_as('manager@example.com');
update public.suggestions set status = 'adopted',
       answer = 'Good idea: from January the branch plans routes together at the Monday meeting.'
 where title = 'Share the visit routes in the branch';
update public.suggestions set status = 'declined',
       answer = 'The budget has no second car this year; book the demo car a week ahead in the shared calendar.'
 where title = 'A second demo car';
select pg_temp.act_as('hr@example.com');
update public.suggestions set status = 'under_review' where title = 'A quiet room for customer calls';

-- Plans and summaries: the demo salesperson's October and November plans (reviewed by the
-- manager), October's summary (reviewed) and November's (submitted, waiting for the manager),
-- last week's summary in draft, and the 2025 annual summary, whose suggestion to the company
-- landed in the suggestions channel. December's plan is not written yet: the bell says so.
select pg_temp.act_as('sales@example.com');
insert into public.monthly_plans (staff_id, month, sales_target, target_breakdown, key_customers, prospects, visits_planned, known_problems)
select s.id, v.month, v.target, v.breakdown, v.keep, v.prospects, v.visits, v.problems
  from public.staff s join public.profiles p on p.id = s.user_id,
       (values (date '2026-10-01', 48000, 'Consumables 30,000; equipment 12,000; service contracts 6,000',
                'The two hospital groups and the largest pharmacy chain', 'Three clinics opened this year in the north',
                26, 'One hospital pays late: agree a payment schedule before new orders.'),
               (date '2026-11-01', 52000, 'Consumables 32,000; equipment 14,000; service contracts 6,000',
                'The hospital groups; the chain''s reorder before December', 'The dental practices of the new business park',
                28, 'Year-end budgets are closing: bring the reorders forward.'))
         v(month, target, breakdown, keep, prospects, visits, problems)
 where p.email = 'sales@example.com';
update public.monthly_plans mp set status = 'submitted'
  from public.staff s join public.profiles p on p.id = s.user_id
 where mp.staff_id = s.id and p.email = 'sales@example.com';
insert into public.summaries (staff_id, period, period_start, results, causes, went_well, went_badly, next_steps,
                              personal_growth, gaps, company_suggestions)
select s.id, v.period::public.summary_period, v.start, v.results, v.causes, v.well, v.badly, v.next, v.growth, v.gaps, v.suggestions
  from public.staff s join public.profiles p on p.id = s.user_id,
       (values ('month', date '2026-10-01', 'Close to the target; both hospital groups reordered.', 'The chain delayed its order to November.',
                'New contact at the largest hospital.', 'Two visits cancelled by customers.', 'Confirm the chain''s order in the first week.',
                '', '', ''),
               ('month', date '2026-11-01', 'Above the target thanks to the chain''s reorder.', 'Year-end budgets brought orders forward.',
                'Three dental practices visited, one ordered.', 'Late at two weekly meetings.', 'Keep the December visits to plan.',
                '', '', ''),
               ('week', (date_trunc('week', current_date) - interval '7 days')::date, 'Four visits, one order.', '', '', '', '', '', '', ''),
               ('year', date '2025-01-01', 'Met 96% of the annual target; two new distributors.', 'A slow first quarter.',
                'Customer visits every month as planned.', 'Collection from the hospitals is slow.', 'Grow the dental segment.',
                'Learned the equipment line and its service contracts.', 'Negotiating payment terms.',
                'Give the north branch a shared calendar for the demo equipment, so it is never double-booked.'))
         v(period, start, results, causes, well, badly, next, growth, gaps, suggestions)
 where p.email = 'sales@example.com';
update public.summaries su set status = 'submitted'
  from public.staff s join public.profiles p on p.id = s.user_id
 where su.staff_id = s.id and p.email = 'sales@example.com' and su.period <> 'week';
select pg_temp.act_as('manager@example.com');
update public.monthly_plans mp set status = 'reviewed', review_comment = 'Good plan: keep the clinics on the list next month too.'
  from public.staff s join public.profiles p on p.id = s.user_id
 where mp.staff_id = s.id and p.email = 'sales@example.com';
update public.summaries su set status = 'reviewed', review_comment = 'Well done; chase the hospital''s payment before the 15th.'
  from public.staff s join public.profiles p on p.id = s.user_id
 where su.staff_id = s.id and p.email = 'sales@example.com' and su.period = 'month' and su.period_start = date '2026-10-01';
select set_config('request.jwt.claims', '', false);
