// Arranging suggestions as the superuser: they are only ever written by submit_suggestion, so a
// test that needs one by someone without a login writes it the way that function does.
import { superuserPool } from "./sql.ts";

export async function arrangeSuggestion(
  staffId: string,
  opts: { hidden?: boolean; title?: string; status?: "received" | "under_review" } = {},
): Promise<string> {
  const client = await superuserPool().connect();
  try {
    await client.query("begin");
    await client.query("select set_config('app.suggestion_submit', 'on', true)");
    const { rows } = await client.query<{ id: string }>(
      `insert into public.suggestions (title, body, area, author_hidden, staff_id, territory_id)
       select $2, 'A suggestion arranged by a test, long enough.', 'sales', $3,
              case when $3 then null else s.id end, case when $3 then null else s.territory_id end
         from public.staff s where s.id = $1
       returning id`,
      [staffId, opts.title ?? "Arranged suggestion", opts.hidden ?? false],
    );
    const id = rows[0]!.id;
    await client.query("insert into public.suggestion_authors (suggestion_id, staff_id) values ($1, $2)", [
      id,
      staffId,
    ]);
    if (opts.status && opts.status !== "received")
      await client.query("update public.suggestions set status = $2 where id = $1", [id, opts.status]);
    await client.query("commit");
    return id;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}
