// The dashboard settings are the department's one row (shared by every test, hence serial): HR
// switches the ranking off and on through PostgREST, with the version guarding against a lost
// update; a manager, the auditor and a salesperson cannot; while it is off the ranking answers
// 403 to everyone, managers included.
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "../support/clients.ts";
import { closePools, sql } from "../support/sql.ts";

afterAll(async () => {
  await sql("update public.dashboard_settings set show_ranking = true where id");
  await closePools();
});

const settings = async () =>
  (
    await sql<{ show_ranking: boolean; version: number; updated_by: string | null }>(
      "select show_ranking, version, updated_by from public.dashboard_settings",
    )
  )[0]!;

describe("dashboard settings", () => {
  it("only HR switches the ranking; while it is off nobody gets it", async () => {
    const [hr, manager, auditor, seller] = await Promise.all([
      createTestUser(["hr_admin"]),
      createTestUser(["manager"]),
      createTestUser(["auditor"]),
      createTestUser(["salesperson"]),
    ]);
    const before = await settings();
    // Everyone with a dashboard reads the one row (a card needs to know whether the ranking is on).
    for (const reader of [hr, manager, auditor, seller]) {
      const { data } = await reader.client.from("dashboard_settings").select("show_ranking");
      expect(data).toEqual([{ show_ranking: before.show_ranking }]);
    }
    for (const other of [manager, auditor, seller]) {
      const { data, error } = await other.client
        .from("dashboard_settings")
        .update({ show_ranking: false, version: before.version })
        .eq("id", true)
        .select();
      // The manager and salesperson read the row but no policy lets them change it; the
      // auditor's role holds no update grant at all.
      expect(error?.code === "42501" || (error === null && data?.length === 0)).toBe(true);
    }
    expect(await settings()).toEqual(before);

    const { data: off, error } = await hr.client
      .from("dashboard_settings")
      .update({ show_ranking: false, version: before.version })
      .eq("id", true)
      .select("show_ranking, version, updated_by")
      .single();
    expect(error).toBeNull();
    expect(off).toEqual({ show_ranking: false, version: before.version + 1, updated_by: hr.id });

    // A save made from the version read before is a conflict (409) and changes nothing.
    const { error: stale, status: staleStatus } = await hr.client
      .from("dashboard_settings")
      .update({ show_ranking: true, version: before.version })
      .eq("id", true);
    expect(staleStatus).toBe(409);
    expect(stale?.code).toBe("PT409");
    expect(await settings()).toMatchObject({ show_ranking: false, version: before.version + 1 });

    const kpi = (await sql<{ id: string }>("select id from public.kpis where code = 'sales_amount'"))[0]!.id;
    for (const client of [hr.client, manager.client]) {
      const { error: refused, status } = await client.rpc("dashboard_ranking", { p_kpi: kpi, p_year: 2026 });
      expect(status).toBe(403);
      expect(refused?.message).toBe("The ranking is switched off.");
    }

    const { error: onError } = await hr.client
      .from("dashboard_settings")
      .update({ show_ranking: true, version: before.version + 1 })
      .eq("id", true);
    expect(onError).toBeNull();
    const { error: allowed } = await manager.client.rpc("dashboard_ranking", { p_kpi: kpi, p_year: 2026 });
    expect(allowed).toBeNull();
  });
});
