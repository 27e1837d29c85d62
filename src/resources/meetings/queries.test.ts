import { describe, expect, it } from "vitest";
import { markProblem, toMarkPayload, toMeetingPayload, meetingDefaults } from "./queries";

describe("meetings", () => {
  it("sends a meeting trimmed, with its time as hours and minutes", () => {
    expect(
      toMeetingPayload({
        ...meetingDefaults("2026-11-30"),
        title: "  Weekly sales meeting ",
        starts_at: "09:30:00",
        location: " Room 2 ",
        territory_id: "t",
        organiser_id: "o",
      }),
    ).toMatchObject({ title: "Weekly sales meeting", starts_at: "09:30", location: "Room 2", held_on: "2026-11-30" });
  });

  it("keeps only what a mark needs", () => {
    expect(toMarkPayload({ mark: "late", minutes: 15, excuse: "x" })).toEqual({
      mark: "late",
      minutes_late: 15,
      minutes_early: null,
      excuse: "",
    });
    expect(toMarkPayload({ mark: "left_early", minutes: 40, excuse: "" })).toMatchObject({
      minutes_late: null,
      minutes_early: 40,
    });
    expect(toMarkPayload({ mark: "excused", minutes: 15, excuse: " Sick leave " })).toEqual({
      mark: "excused",
      minutes_late: null,
      minutes_early: null,
      excuse: "Sick leave",
    });
  });

  it("asks for minutes when late or left early and a reason when excused, like the database", () => {
    expect(markProblem({ mark: "late", minutes: null, excuse: "" })).toBe("minutes");
    expect(markProblem({ mark: "left_early", minutes: 0, excuse: "" })).toBe("minutes");
    expect(markProblem({ mark: "late", minutes: 721, excuse: "" })).toBe("minutes");
    expect(markProblem({ mark: "excused", minutes: null, excuse: " ok " })).toBe("excuse");
    expect(markProblem({ mark: "absent", minutes: null, excuse: "" })).toBeNull();
    expect(markProblem({ mark: "late", minutes: 5, excuse: "" })).toBeNull();
  });
});
