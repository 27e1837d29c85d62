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
    expect(toMarkPayload({ mark: "late", minutes: 15, excuse: "x", score: 80 })).toEqual({
      mark: "late",
      minutes_late: 15,
      minutes_early: null,
      excuse: "",
      assessment_score: 80,
    });
    expect(toMarkPayload({ mark: "left_early", minutes: 40, excuse: "", score: null })).toMatchObject({
      minutes_late: null,
      minutes_early: 40,
    });
    expect(toMarkPayload({ mark: "excused", minutes: 15, excuse: " Sick leave ", score: 70 })).toEqual({
      mark: "excused",
      minutes_late: null,
      minutes_early: null,
      excuse: "Sick leave",
      assessment_score: null,
    });
  });

  it("asks for minutes when late or left early and a reason when excused, like the database", () => {
    expect(markProblem({ mark: "late", minutes: null, excuse: "", score: null })).toBe("minutes");
    expect(markProblem({ mark: "left_early", minutes: 0, excuse: "", score: null })).toBe("minutes");
    expect(markProblem({ mark: "late", minutes: 721, excuse: "", score: null })).toBe("minutes");
    expect(markProblem({ mark: "excused", minutes: null, excuse: " ok ", score: null })).toBe("excuse");
    expect(markProblem({ mark: "absent", minutes: null, excuse: "", score: null })).toBeNull();
    expect(markProblem({ mark: "late", minutes: 5, excuse: "", score: null })).toBeNull();
  });

  it("assesses only someone who attended, between 0 and 100", () => {
    expect(markProblem({ mark: "present", minutes: null, excuse: "", score: 101 })).toBe("score");
    expect(markProblem({ mark: "present", minutes: null, excuse: "", score: -1 })).toBe("score");
    expect(markProblem({ mark: "present", minutes: null, excuse: "", score: 100 })).toBeNull();
    expect(toMarkPayload({ mark: "absent", minutes: null, excuse: "", score: 90 }).assessment_score).toBeNull();
  });

  it("sends a training session's topic, trainer, material and pass score, and none for other meetings", () => {
    const training = {
      ...meetingDefaults("2026-11-30"),
      kind: "training" as const,
      topic_id: "p",
      trainer: " Ana ",
      material: " Deck ",
      pass_score: 60,
    };
    expect(toMeetingPayload(training)).toMatchObject({
      topic_id: "p",
      trainer: "Ana",
      material: "Deck",
      pass_score: 60,
    });
    expect(toMeetingPayload({ ...training, kind: "weekly_sales" })).toMatchObject({
      topic_id: null,
      trainer: "",
      material: "",
      pass_score: null,
    });
  });
});
