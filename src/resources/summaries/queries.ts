// Summaries (003 ch.2-4): the select, the form's values and payload. The figures are the
// database's (filled in from the records while a draft, frozen when submitted); the form sends
// the person, period and the written sections.
import type { Period } from "../../components/reports/period";
import type { Tables } from "../../types/database";

export type SummaryRow = Tables<"summaries"> & {
  person: Pick<Tables<"staff">, "id" | "full_name" | "user_id"> | null;
  territory: Pick<Tables<"territories">, "code" | "name"> | null;
};
export const summarySelect = "*, person:staff_id(id, full_name, user_id), territory:territory_id(code, name)";

export const summaryPeriods: Period[] = ["week", "month", "year"];
/** The sections every summary has, and those only the annual one adds (003 ch.4). */
export const summarySections = ["results", "causes", "went_well", "went_badly", "next_steps"] as const;
export const annualSections = ["personal_growth", "gaps", "company_suggestions"] as const;

export interface SummaryValues {
  staff_id: string | null;
  period: Period;
  period_start: string | null;
  results: string;
  causes: string;
  went_well: string;
  went_badly: string;
  next_steps: string;
  personal_growth: string;
  gaps: string;
  company_suggestions: string;
}

export const summaryDefaults = (period: Period, start: string): SummaryValues => ({
  staff_id: null,
  period,
  period_start: start,
  results: "",
  causes: "",
  went_well: "",
  went_badly: "",
  next_steps: "",
  personal_growth: "",
  gaps: "",
  company_suggestions: "",
});

/** The written sections, trimmed; the annual ones only for a year (the database refuses them
 * elsewhere); the person and period only when the summary is new. */
export function toSummaryPayload(v: SummaryValues, stored?: SummaryRow): Partial<SummaryValues> {
  const period = stored?.period ?? v.period;
  const sections = Object.fromEntries([
    ...summarySections.map((k) => [k, v[k].trim()]),
    ...annualSections.map((k) => [k, period === "year" ? v[k].trim() : ""]),
  ]) as Pick<SummaryValues, (typeof summarySections)[number] | (typeof annualSections)[number]>;
  return stored ? sections : { staff_id: v.staff_id, period: v.period, period_start: v.period_start, ...sections };
}
