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
