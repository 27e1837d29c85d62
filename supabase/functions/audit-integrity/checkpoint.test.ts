import { describe, expect, it } from "vitest";
import { checkpointMessage, signCheckpoint, verifyCheckpoints, type CheckpointFact } from "./checkpoint.ts";

const secret = "test-secret-for-checkpoints";
const hash = "ab".repeat(32);

async function fact(
  id: number,
  lastId: number,
  count: number,
  overrides: Partial<CheckpointFact> = {},
): Promise<CheckpointFact> {
  const head = { last_id: lastId, last_hash: hash, row_count: count };
  return {
    id,
    created_at: "2026-12-01T10:00:00Z",
    kind: "on_demand",
    ...head,
    signature: await signCheckpoint(head, secret),
    log_hash: hash,
    log_count: count,
    ...overrides,
  };
}

describe("audit checkpoints", () => {
  it("sign a fixed text of the last id, hash and count", async () => {
    expect(checkpointMessage({ last_id: 7, last_hash: "AB01", row_count: 7 })).toBe("audit-checkpoint:v1:7:ab01:7");
    const signature = await signCheckpoint({ last_id: 7, last_hash: hash, row_count: 7 }, secret);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await signCheckpoint({ last_id: 7, last_hash: hash, row_count: 8 }, secret)).not.toBe(signature);
    expect(await signCheckpoint({ last_id: 7, last_hash: hash, row_count: 7 }, "another key")).not.toBe(signature);
  });

  it("hold while the log still has the pinned row, hash and count", async () => {
    expect(await verifyCheckpoints([await fact(1, 10, 10), await fact(2, 20, 20)], secret)).toEqual({
      checked: 2,
      first_mismatch: null,
    });
  });

  it("name the first checkpoint that no longer matches, and why", async () => {
    const facts = [
      await fact(1, 10, 10),
      await fact(2, 20, 20, { log_hash: "cd".repeat(32) }),
      await fact(3, 30, 30, { log_hash: null }),
    ];
    const report = await verifyCheckpoints(facts, secret);
    expect(report.first_mismatch).toMatchObject({ id: 2, reason: "hash_changed" });
    expect((await verifyCheckpoints([facts[2]!], secret)).first_mismatch?.reason).toBe("row_missing");
    expect((await verifyCheckpoints([await fact(4, 40, 40, { log_count: 39 })], secret)).first_mismatch?.reason).toBe(
      "count_changed",
    );
  });

  it("refuse a checkpoint whose numbers were rewritten without the key", async () => {
    const forged = await fact(5, 50, 50);
    forged.row_count = 49;
    forged.log_count = 49;
    expect((await verifyCheckpoints([forged], secret)).first_mismatch?.reason).toBe("bad_signature");
  });
});
