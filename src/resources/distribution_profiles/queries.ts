// Distribution profiles: how an annual target is split into months — evenly (no percents) or
// by twelve seasonal percentages that add up to exactly 100 (the database refuses anything
// else, naming the difference; the form shows the total as you type).

export const evenPercents = (): number[] => Array.from({ length: 12 }, () => 0);

/** The twelve percentages' total, to the thousandth (their precision). */
export function percentTotal(percents: (number | null)[]): number {
  return Math.round(percents.reduce<number>((s, p) => s + Number(p ?? 0), 0) * 1000) / 1000;
}

/** What is left to place (positive) or over (negative) before the months add up to 100. */
export function percentGap(percents: (number | null)[]): number {
  return Math.round((100 - percentTotal(percents)) * 1000) / 1000;
}

/** A profile's months as a short line: "Even" is the caller's word; otherwise the percents. */
export function percentsLine(percents: number[], locale: string): string {
  return percents.map((p) => Number(p).toLocaleString(locale, { maximumFractionDigits: 3 })).join(" · ");
}
