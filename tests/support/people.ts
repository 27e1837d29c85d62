// Arranging the people a database test needs, as the superuser: territories (under a parent,
// with a manager), staff on a position in a territory with or without a login, and a rule in
// force for one position only (so it changes nothing for anyone else's tests) or for everyone.
import { randomUUID } from "node:crypto";
import { sql, superuserPool } from "./sql.ts";

export async function arrangeId(text: string, params: unknown[] = []): Promise<string> {
  const [row] = await sql<{ id: string }>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row.id;
}

/** Helpers whose codes and e-mails carry one tag, so a file's rows never meet another's. */
export function arranger(prefix: string) {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  return {
    tag,
    territory: (code: string, opts: { parent?: string | null; manager?: string | null } = {}) =>
      arrangeId(
        "insert into public.territories (code, name, parent_id, manager_id) values ($1, $1, $2, $3) returning id",
        [`${prefix}-${code}-${tag}`, opts.parent ?? null, opts.manager ?? null],
      ),
    person: (
      name: string,
      territoryId: string | null,
      userId: string | null,
      opts: { position?: string; positionId?: string; hired?: string } = {},
    ) =>
      arrangeId(
        `insert into public.staff (full_name, email, position_id, territory_id, user_id, hire_date)
         values ($1, $2, coalesce($6::uuid, (select id from public.positions where code = $5)), $3, $4, $7) returning id`,
        [
          `${name} ${tag}`,
          `${name.toLowerCase().replace(/\W/g, "")}-${tag}@${prefix.toLowerCase()}.example.com`,
          territoryId,
          userId,
          opts.position ?? "salesperson",
          opts.positionId ?? null,
          opts.hired ?? "2020-01-01",
        ],
      ),
    /** A position nobody else holds, selling (its default role is salesperson). */
    position: () =>
      arrangeId(
        "insert into public.positions (code, title_en, default_role_code) values ($1, $2, 'salesperson') returning id",
        [`${prefix.toLowerCase()}_${randomUUID().slice(0, 8)}`, `${prefix} position ${tag}`],
      ),
  };
}

/**
 * A rule published today (version 1), arranged as the superuser in one transaction (the workflow
 * flag lets the status columns change): for one position only, or for every position (null).
 */
export async function ruleInForce(code: string, positionId: string | null, title = `Rule ${code}`): Promise<string> {
  const client = await superuserPool().connect();
  try {
    await client.query("begin");
    const { rows: category } = await client.query<{ id: string }>(
      "select id from public.regulation_categories where code = 'conduct'",
    );
    const { rows } = await client.query<{ id: string }>(
      `insert into public.regulations (code, category_id, applies_to_all_positions, effective_date)
       values ($1, $2, $3, current_date) returning id`,
      [code, category[0]!.id, positionId === null],
    );
    const id = rows[0]!.id;
    if (positionId !== null)
      await client.query("insert into public.regulation_positions (regulation_id, position_id) values ($1, $2)", [
        id,
        positionId,
      ]);
    await client.query(
      "insert into public.regulation_drafts (regulation_id, title_en, body_en) values ($1, $2, 'Text.')",
      [id, title],
    );
    await client.query(
      `insert into public.regulation_versions (regulation_id, version_number, title_en, body_en, category_id, effective_date)
       values ($1, 1, $2, 'Text.', $3, current_date)`,
      [id, title, category[0]!.id],
    );
    await client.query("select set_config('app.regulation_workflow', 'on', true)");
    await client.query(
      "update public.regulations set status = 'published', current_version = 1, draft_number = 2 where id = $1",
      [id],
    );
    await client.query("commit");
    return id;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}
