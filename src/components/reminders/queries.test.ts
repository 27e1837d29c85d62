import { describe, expect, it } from "vitest";
import { reminderCount, reminderLink, type Reminder } from "./queries";

const reminder = (r: Partial<Reminder>): Reminder => ({
  kind: "plan_due",
  due_on: null,
  overdue: false,
  subject_id: null,
  subject_date: null,
  subject: null,
  items: 1,
  ...r,
});

describe("reminders", () => {
  it("open the record when there is one, else the page where it is written", () => {
    expect(reminderLink(reminder({ kind: "plan_due" }))).toBe("/monthly-plans/create");
    expect(reminderLink(reminder({ kind: "plan_due", subject_id: "p1" }))).toBe("/monthly-plans/show/p1");
    expect(reminderLink(reminder({ kind: "summary_due" }))).toBe("/summaries/create");
    expect(reminderLink(reminder({ kind: "evaluation_to_acknowledge", subject_id: "e1" }))).toBe(
      "/evaluations/show/e1",
    );
    expect(reminderLink(reminder({ kind: "rules_to_acknowledge", items: 3 }))).toBe("/my-rules");
  });

  it("count a grouped reminder by its items", () => {
    expect(reminderCount([reminder({}), reminder({ kind: "rules_to_acknowledge", items: 4 })])).toBe(5);
    expect(reminderCount([])).toBe(0);
  });
});
