// The periods plans and summaries cover: a week (Monday to Sunday), a month or a year, named by
// its first day (YYYY-MM-DD) as the database keeps them, and shown the reader's way.
export type Period = "week" | "month" | "year";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const parse = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00`);

/** The first day of the period holding `day`: its Monday, the 1st, or 1 January. */
export function periodStart(period: Period, day: string): string {
  const d = parse(day);
  if (period === "week") {
    d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
    return iso(d);
  }
  return period === "month" ? `${day.slice(0, 7)}-01` : `${day.slice(0, 4)}-01-01`;
}

/** The last day of the period that starts on `start`. */
export function periodEnd(period: Period, start: string): string {
  const d = parse(start);
  if (period === "week") d.setDate(d.getDate() + 6);
  else if (period === "month") d.setMonth(d.getMonth() + 1, 0);
  else d.setFullYear(d.getFullYear() + 1, 0, 0);
  return iso(d);
}

/** The period before the one holding `day` (last week, last month, last year). */
export function previousPeriod(period: Period, day: string): string {
  const d = parse(periodStart(period, day));
  if (period === "week") d.setDate(d.getDate() - 7);
  else if (period === "month") d.setMonth(d.getMonth() - 1);
  else d.setFullYear(d.getFullYear() - 1);
  return iso(d);
}

/** "March 2026", "2026", or "week of 2 March 2026" in the reader's language. */
export function periodLabel(period: Period, start: string, locale: string, weekOf: (day: string) => string): string {
  const d = parse(start);
  if (period === "year") return String(d.getFullYear());
  if (period === "month") return d.toLocaleDateString(locale, { month: "long", year: "numeric" });
  return weekOf(d.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" }));
}
