// Dates and amounts shown the reader's way: a YYYY-MM-DD day without a time-zone shift, money
// with two decimals (the currency is the department's; amounts are numbers in the database).

/** A calendar day (YYYY-MM-DD) in the reader's format; a dash when empty. */
export function formatDate(day: string | null | undefined, locale: string): string {
  if (!day) return "—";
  return new Date(`${day.slice(0, 10)}T00:00:00`).toLocaleDateString(locale);
}

/** An amount with exactly two decimals and the reader's grouping. */
export function formatMoney(amount: number | string | null | undefined, locale: string): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount));
}

/** The first day of the month of a day (YYYY-MM-01). */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The exact total of numbers with two decimals (shares, weights), free of float drift. */
export function sumOfHundredths(values: (number | string)[]): number {
  return values.reduce<number>((sum, v) => sum + Math.round(Number(v) * 100), 0) / 100;
}
