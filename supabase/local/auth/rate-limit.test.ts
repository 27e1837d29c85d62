import { describe, expect, it } from "vitest";
import { FailedSignIns } from "./rate-limit.ts";
import { parseGoDuration } from "./server.ts";

describe("failed sign-in limit", () => {
  it("blocks after 10 failures inside 5 minutes, until the oldest leaves the window", () => {
    let now = 0;
    const limiter = new FailedSignIns({ limit: 10, windowMs: 300_000, now: () => now });
    for (let i = 0; i < 9; i++) {
      limiter.record("a@x");
      now += 1000;
    }
    expect(limiter.blockedFor("a@x")).toBe(0);
    limiter.record("a@x");
    expect(limiter.blockedFor("a@x")).toBe(300_000 - 9000);
    expect(limiter.blockedFor("b@x")).toBe(0);
    now = 300_001;
    expect(limiter.blockedFor("a@x")).toBe(0);
  });
  it("forgets failures after a successful sign-in", () => {
    const limiter = new FailedSignIns({ limit: 2, windowMs: 1000, now: () => 0 });
    limiter.record("a");
    limiter.record("a");
    limiter.clear("a");
    expect(limiter.blockedFor("a")).toBe(0);
  });
});

describe("Go durations for ban_duration", () => {
  it("parse hours, minutes and seconds and refuse anything else", () => {
    expect(parseGoDuration("876000h")).toBe(876000 * 3_600_000);
    expect(parseGoDuration("1h30m")).toBe(5_400_000);
    expect(parseGoDuration("90s")).toBe(90_000);
    expect(parseGoDuration("forever")).toBeUndefined();
    expect(parseGoDuration("")).toBeUndefined();
  });
});
