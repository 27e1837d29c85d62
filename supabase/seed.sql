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
     {"value":"large","label_en":"Large","label_es":"Grande","label_zh":"大"}]', false, 10);

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
