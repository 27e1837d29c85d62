import { describe, expect, it } from "vitest";
import { isLive, timeLeft, type PreviewSession } from "./preview";

const session = (expiresAt: number): PreviewSession => ({
  token: "t",
  expiresAt,
  sessionId: "s",
  subject: { id: "u", name: "N", email: "e" },
});

describe("preview sessions", () => {
  it("is live until its expiry and not a moment after", () => {
    expect(isLive(session(1000), 999_000)).toBe(true);
    expect(isLive(session(1000), 1_000_000)).toBe(false);
  });

  it("shows the time left as minutes and seconds, never negative", () => {
    expect(timeLeft(session(1000), 100_000)).toBe("15:00");
    expect(timeLeft(session(1000), 999_500)).toBe("0:00");
    expect(timeLeft(session(1000), 2_000_000)).toBe("0:00");
  });
});
