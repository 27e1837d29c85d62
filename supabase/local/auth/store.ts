// The auth service's reads and writes on the `auth` schema (users, identities, sessions,
// refresh tokens, amr claims), connected as `supabase_auth_admin` like Supabase Auth.
import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";

export type Db = pg.Pool | pg.PoolClient;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  identities: IdentityJson[];
}

interface IdentityJson {
  identity_id: string;
  id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

const userColumns = `
  u.id, u.aud, u.role, u.email, u.phone, u.encrypted_password, u.email_confirmed_at, u.phone_confirmed_at,
  u.confirmed_at, u.invited_at, u.confirmation_sent_at, u.recovery_sent_at, u.last_sign_in_at,
  u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at, u.banned_until, u.deleted_at,
  u.is_anonymous,
  coalesce((
    select jsonb_agg(jsonb_build_object(
      'identity_id', i.id, 'id', i.provider_id, 'user_id', i.user_id, 'identity_data', i.identity_data,
      'provider', i.provider, 'last_sign_in_at', i.last_sign_in_at, 'created_at', i.created_at,
      'updated_at', i.updated_at, 'email', i.email) order by i.created_at)
    from auth.identities i where i.user_id = u.id), '[]'::jsonb) as identities`;

/** GoTrue only finds users of the nil instance (seed SQL may also leave it NULL). */
const instanceFilter = `(u.instance_id is null or u.instance_id = '00000000-0000-0000-0000-000000000000')`;

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select ${userColumns} from auth.users u where u.id = $1`, [id]);
  return rows[0];
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${userColumns} from auth.users u
      where lower(u.email) = lower($1) and u.is_sso_user = false and u.deleted_at is null and ${instanceFilter}
      limit 1`,
    [email],
  );
  return rows[0];
}

export async function passwordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `select coalesce(encrypted_password = extensions.crypt($2, encrypted_password), false) as ok
       from auth.users where id = $1`,
    [userId, password],
  );
  return rows[0]?.ok ?? false;
}

export async function hashPassword(db: Db, password: string): Promise<string> {
  const { rows } = await db.query<{ hash: string }>(
    `select extensions.crypt($1, extensions.gen_salt('bf', 10)) as hash`,
    [password],
  );
  return rows[0]!.hash;
}

const tokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
/** GoTrue v1 refresh tokens: 12 characters of [a-z0-9]. */
export function newRefreshTokenString(): string {
  let token = "";
  for (let i = 0; i < 12; i++) token += tokenAlphabet[randomInt(tokenAlphabet.length)];
  return token;
}

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  not_after: Date | null;
}

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export async function createSession(
  db: Db,
  userId: string,
  method: string,
  meta: { userAgent?: string; ip?: string },
): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = randomUUID();
  const refreshToken = newRefreshTokenString();
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', now() at time zone 'utc', $3, $4)`,
    [sessionId, userId, meta.userAgent ?? null, meta.ip ?? null],
  );
  await db.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method)
     values ($1, now(), now(), $2)`,
    [sessionId, method],
  );
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), null, $3)`,
    [refreshToken, userId, sessionId],
  );
  return { sessionId, refreshToken };
}

export async function findSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>(
    `select id, user_id, created_at, not_after from auth.sessions where id = $1`,
    [sessionId],
  );
  return rows[0];
}

export async function amrFor(db: Db, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await db.query<{ method: string; ts: number }>(
    `select authentication_method as method, extract(epoch from created_at)::bigint as ts
       from auth.mfa_amr_claims where session_id = $1 order by created_at desc`,
    [sessionId],
  );
  return rows.map((r) => ({ method: r.method, timestamp: Number(r.ts) }));
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  parent: string | null;
  session_id: string | null;
}

export async function lockRefreshToken(db: Db, token: string): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `select id, token, user_id, revoked, updated_at, parent, session_id
       from auth.refresh_tokens where token = $1 for update`,
    [token],
  );
  return rows[0];
}

export async function activeRefreshToken(db: Db, sessionId: string): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `select id, token, user_id, revoked, updated_at, parent, session_id
       from auth.refresh_tokens where session_id = $1 and revoked = false
      order by id desc limit 1`,
    [sessionId],
  );
  return rows[0];
}

/** Revokes `parent` and issues its child in the same session. */
export async function swapRefreshToken(db: Db, parent: RefreshTokenRow): Promise<string> {
  const token = newRefreshTokenString();
  await db.query(
    `update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1 and revoked = false`,
    [parent.id],
  );
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, parent.user_id, parent.token, parent.session_id],
  );
  await db.query(`update auth.sessions set updated_at = now(), refreshed_at = now() at time zone 'utc' where id = $1`, [
    parent.session_id,
  ]);
  return token;
}

export async function revokeTokenFamily(db: Db, sessionId: string): Promise<void> {
  await db.query(
    `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`,
    [sessionId],
  );
}

export async function deleteSessions(
  db: Db,
  userId: string,
  filter: { only?: string; except?: string } = {},
): Promise<void> {
  if (filter.only) {
    await db.query(`delete from auth.sessions where user_id = $1 and id = $2`, [userId, filter.only]);
  } else if (filter.except) {
    await db.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [userId, filter.except]);
  } else {
    await db.query(`delete from auth.sessions where user_id = $1`, [userId]);
  }
}

export async function touchSignIn(db: Db, userId: string): Promise<void> {
  await db.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [userId]);
  await db.query(`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`, [
    userId,
  ]);
}

export interface NewUser {
  id?: string;
  email: string | null;
  phone: string | null;
  encryptedPassword: string | null;
  emailConfirmed: boolean;
  phoneConfirmed: boolean;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  role: string;
  bannedUntil: Date | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const id = user.id ?? randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password, email_confirmed_at,
        phone_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until,
        confirmation_token, recovery_token, email_change_token_new, email_change, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4, $5,
        case when $6 then now() end, case when $7 then now() end, $8, $9, now(), now(), $10, '', '', '', '', false)`,
    [
      id,
      user.role,
      user.email,
      user.phone,
      user.encryptedPassword,
      user.emailConfirmed,
      user.phoneConfirmed,
      user.appMetadata,
      user.userMetadata,
      user.bannedUntil,
    ],
  );
  if (user.email) {
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1, $2, $3, 'email', now(), now())`,
      [id, id, { sub: id, email: user.email, email_verified: user.emailConfirmed, phone_verified: false }],
    );
  }
  return id;
}

export async function updateUserColumns(db: Db, id: string, columns: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(columns);
  if (keys.length === 0) return;
  const assignments = keys.map((key, i) => `${key} = $${i + 2}`);
  await db.query(`update auth.users set ${assignments.join(", ")}, updated_at = now() where id = $1`, [
    id,
    ...keys.map((k) => columns[k]),
  ]);
}

export async function countUsers(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`select count(*) as n from auth.users u where ${instanceFilter}`);
  return Number(rows[0]!.n);
}

export async function listUsers(db: Db, page: number, perPage: number): Promise<UserRow[]> {
  const { rows } = await db.query<UserRow>(
    `select ${userColumns} from auth.users u where ${instanceFilter}
      order by u.created_at desc, u.id limit $1 offset $2`,
    [perPage, (page - 1) * perPage],
  );
  return rows;
}

export async function deleteUser(db: Db, id: string, soft: boolean): Promise<void> {
  if (!soft) {
    await db.query(`delete from auth.users where id = $1`, [id]);
    return;
  }
  await db.query(`delete from auth.sessions where user_id = $1`, [id]);
  await db.query(
    `update auth.users set email = null, phone = null, encrypted_password = '', deleted_at = now(), updated_at = now(),
        raw_user_meta_data = '{}'::jsonb where id = $1`,
    [id],
  );
}

/** Stores a recovery's "<link hash>.<code hash>" and when it was sent. */
export async function setRecoveryToken(db: Db, userId: string, hashes: string): Promise<void> {
  await db.query(`update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1`, [userId, hashes]);
}

/** The user whose live recovery has this link hash (or, for "code", this e-mail and code hash). */
export async function findUserByRecoveryHash(
  db: Db,
  kind: "link" | "code",
  hash: string,
  maxAgeSeconds: number,
  email?: string,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${userColumns} from auth.users u
      where u.recovery_token like '%.%' and split_part(u.recovery_token, '.', $2) = $1
        and u.recovery_sent_at > now() - make_interval(secs => $3) and u.deleted_at is null
        and ($4::text is null or lower(u.email) = lower($4))
      for update`,
    [hash, kind === "link" ? 1 : 2, maxAgeSeconds, email ?? null],
  );
  return rows[0];
}

/** A used recovery: cleared, and the e-mail counts as confirmed (the person read it). */
export async function consumeRecovery(db: Db, userId: string): Promise<void> {
  await db.query(
    `update auth.users set recovery_token = '', email_confirmed_at = coalesce(email_confirmed_at, now()),
        last_sign_in_at = now(), updated_at = now() where id = $1`,
    [userId],
  );
}

/** Too many wrong codes: the pending recovery is void and a new one must be asked for. */
export async function burnRecovery(db: Db, email: string): Promise<void> {
  await db.query(`update auth.users set recovery_token = '' where lower(email) = lower($1) and recovery_token <> ''`, [
    email,
  ]);
}

/** A bcrypt comparison against a hash of the same cost, so an unknown e-mail costs what a wrong password does. */
let dummyHash: Promise<string> | undefined;
export async function dummyPasswordCheck(db: Db, password: string): Promise<void> {
  dummyHash ??= hashPassword(db, newRefreshTokenString());
  await db.query(`select extensions.crypt($1, $2) = $2 as ok`, [password, await dummyHash]);
}

export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}
