// Simultaneous edits from two sessions, through PostgREST with real JWTs: for each pair sent
// at the same moment with the version both read, exactly one write wins and the other gets a
// conflict (HTTP 409, stale_version); the stored row is the winner's, never a silent
// overwrite. (The bench repeats this at 200 pairs; here a smaller count keeps `npm test` quick.)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type TestUser } from "../support/clients.ts";
import { closePools } from "../support/sql.ts";

afterAll(closePools);

const pairs = Number(process.env.CONCURRENCY_PAIRS ?? 20);
let alice: TestUser;
let bruno: TestUser;

beforeAll(async () => {
  alice = await createTestUser(["hr_admin"]);
  bruno = await createTestUser(["hr_admin"]);
});

interface Outcome {
  ok: boolean;
  status: number;
  code?: string;
}

describe("two people saving the same staff record at once", () => {
  it(`in ${pairs} simultaneous pairs exactly one save wins and the other is told of the conflict`, async () => {
    const admin = serviceClient();
    const position = (await admin.from("positions").select("id").eq("code", "sales_assistant").single()).data!.id;
    const { data: person } = await admin
      .from("staff")
      .insert({
        full_name: "Concurrent Person",
        email: `concurrent.${randomUUID().slice(0, 8)}@example.com`,
        position_id: position,
      })
      .select("id, version")
      .single();
    let version = person!.version;
    for (let i = 0; i < pairs; i++) {
      const save = async (who: TestUser, notes: string): Promise<Outcome> => {
        const { data, error, status } = await who.client
          .from("staff")
          .update({ notes, version })
          .eq("id", person!.id)
          .select("id, version");
        return { ok: !error && (data ?? []).length === 1, status, code: error?.code };
      };
      const [a, b] = await Promise.all([save(alice, `Alice ${i}`), save(bruno, `Bruno ${i}`)]);
      expect([a.ok, b.ok].filter(Boolean), `pair ${i}`).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(loser.status, `pair ${i}`).toBe(409);
      expect(loser.code).toBe("PT409");
      const { data: stored } = await admin.from("staff").select("notes, version").eq("id", person!.id).single();
      expect(stored!.notes).toBe(a.ok ? `Alice ${i}` : `Bruno ${i}`);
      expect(stored!.version).toBe(version + 1);
      version = stored!.version;
    }
  });
});

describe("two people saving the same rule draft at once", () => {
  it(`in ${pairs} simultaneous pairs exactly one save wins and the other is told of the conflict`, async () => {
    const admin = serviceClient();
    const category = (await admin.from("regulation_categories").select("id").eq("code", "conduct").single()).data!.id;
    const code = `CC-${randomUUID().slice(0, 6).toUpperCase()}`;
    const { data: created, error } = await alice.client.rpc("create_regulation", {
      p_code: code,
      p_category: category,
      p_title_en: `Rule ${code}`,
      p_body_en: "## Purpose\n\nStart.",
      p_body_zh: "",
      p_effective_date: "2026-01-01",
      p_applies_to_all: true,
      p_positions: [],
    });
    expect(error).toBeNull();
    const id = created!.id;
    for (let i = 0; i < pairs; i++) {
      const rule = (await admin.from("regulations").select("version").eq("id", id).single()).data!;
      const draft = (await admin.from("regulation_drafts").select("version").eq("regulation_id", id).single()).data!;
      const save = async (who: TestUser, body: string): Promise<Outcome> => {
        const result = await who.client.rpc("save_regulation", {
          p_regulation: id,
          p_version: rule.version,
          p_draft_version: draft.version,
          p_category: category,
          p_effective_date: "2026-01-01",
          p_applies_to_all: true,
          p_positions: [],
          p_title_en: `Rule ${code}`,
          p_title_es: "",
          p_title_zh: "",
          p_body_en: body,
          p_body_es: "",
          p_body_zh: "",
        });
        return { ok: !result.error, status: result.status, code: result.error?.code };
      };
      const [a, b] = await Promise.all([save(alice, `Alice's body ${i}`), save(bruno, `Bruno's body ${i}`)]);
      expect([a.ok, b.ok].filter(Boolean), `pair ${i}`).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(loser.status, `pair ${i}`).toBe(409);
      expect(loser.code).toBe("PT409");
      const stored = (await admin.from("regulation_drafts").select("body_en").eq("regulation_id", id).single()).data!;
      expect(stored.body_en).toBe(a.ok ? `Alice's body ${i}` : `Bruno's body ${i}`);
    }
  });
});
