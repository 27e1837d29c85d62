import { afterEach, describe, expect, it, vi } from "vitest";
import { ServiceHealth } from "./serviceHealth";

afterEach(() => {
  vi.useRealTimers();
});

describe("service health", () => {
  it("goes down on a report, keeps probing while the API is away, and tells listeners once it is back", async () => {
    vi.useFakeTimers();
    const answers = [false, false, true];
    const probe = vi.fn(async () => answers.shift() ?? true);
    const health = new ServiceHealth(probe, 1000);
    const recovered = vi.fn();
    health.onRecovery(recovered);
    const states: string[] = [];
    health.subscribe(() => states.push(health.current));

    health.reportDown();
    health.reportDown(); // a second failure while down changes nothing
    expect(health.current).toBe("down");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(health.current).toBe("down");
    expect(recovered).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(health.current).toBe("up");
    expect(recovered).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledTimes(3);
    expect(states).toEqual(["down", "up"]);
  });

  it("a probe that throws counts as still down", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const health = new ServiceHealth(async () => {
      calls++;
      if (calls === 1) throw new TypeError("Failed to fetch");
      return true;
    }, 500);
    health.reportDown();
    await vi.advanceTimersByTimeAsync(500);
    expect(health.current).toBe("down");
    await vi.advanceTimersByTimeAsync(500);
    expect(health.current).toBe("up");
  });
});
