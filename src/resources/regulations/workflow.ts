// Which workflow steps a rule offers, and to whom: from its status and the person's rights
// (the database decides again on every step; this only chooses the buttons).
import type { RegulationStatus } from "./queries";

export interface WorkflowRights {
  submit?: boolean;
  publish?: boolean;
  retire?: boolean;
  update?: boolean;
}

export interface WorkflowStep {
  to: RegulationStatus;
  /** i18n key of the button (with `n`, the draft's number). */
  label: string;
  /** i18n key of the confirmation asked first, when the step needs one. */
  confirm?: string;
  testId: string;
  danger?: boolean;
}

const stepsFrom: Record<RegulationStatus, (WorkflowStep & { right: keyof WorkflowRights })[]> = {
  draft: [{ to: "in_review", label: "regulations.actions.submit", right: "submit", testId: "rule-submit" }],
  in_review: [
    {
      to: "published",
      label: "regulations.actions.publish",
      confirm: "regulations.actions.publishConfirm",
      right: "publish",
      testId: "rule-publish",
    },
    { to: "draft", label: "regulations.actions.backToDraft", right: "update", testId: "rule-back-to-draft" },
  ],
  published: [
    {
      to: "retired",
      label: "regulations.actions.retire",
      confirm: "regulations.actions.retireConfirm",
      right: "retire",
      testId: "rule-retire",
      danger: true,
    },
  ],
  retired: [{ to: "draft", label: "regulations.actions.reopen", right: "update", testId: "rule-reopen" }],
};

/** The steps from `status` the person may take. */
export function workflowSteps(status: RegulationStatus, rights: WorkflowRights): WorkflowStep[] {
  return stepsFrom[status].filter((s) => rights[s.right] === true).map(({ right: _right, ...step }) => step);
}
