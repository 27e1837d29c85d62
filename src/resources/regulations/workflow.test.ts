import { describe, expect, it } from "vitest";
import { workflowSteps } from "./workflow";

const everything = { submit: true, publish: true, retire: true, update: true };
const targets = (steps: { to: string }[]) => steps.map((s) => s.to);

describe("which workflow steps a rule offers to whom", () => {
  it("a draft offers submitting, to people who may submit", () => {
    expect(targets(workflowSteps("draft", everything))).toEqual(["in_review"]);
    expect(workflowSteps("draft", { update: true, publish: true })).toEqual([]);
  });

  it("a rule in review offers publishing (confirmed first) to publishers and sending back to editors", () => {
    const steps = workflowSteps("in_review", everything);
    expect(targets(steps)).toEqual(["published", "draft"]);
    expect(steps[0]!.confirm).toBe("regulations.actions.publishConfirm");
    expect(targets(workflowSteps("in_review", { publish: true }))).toEqual(["published"]);
    expect(targets(workflowSteps("in_review", { update: true }))).toEqual(["draft"]);
  });

  it("a published rule offers retiring, confirmed and marked dangerous, to people who may retire", () => {
    expect(workflowSteps("published", everything)).toEqual([
      expect.objectContaining({ to: "retired", danger: true, confirm: "regulations.actions.retireConfirm" }),
    ]);
    expect(workflowSteps("published", { submit: true, publish: true, update: true })).toEqual([]);
  });

  it("a retired rule offers reopening to editors; a reader (an auditor) is offered nothing anywhere", () => {
    expect(targets(workflowSteps("retired", everything))).toEqual(["draft"]);
    for (const status of ["draft", "in_review", "published", "retired"] as const) {
      expect(workflowSteps(status, {})).toEqual([]);
    }
  });
});
