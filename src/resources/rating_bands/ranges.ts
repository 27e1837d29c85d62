// The score range each band covers: from its lower bound up to (not including) the next
// higher band's; the highest band has no upper end.
export interface BandRange {
  lower: number;
  upper: number | null;
}

export function bandRanges(bands: { id: string; lower_bound: number }[]): Map<string, BandRange> {
  const sorted = [...bands].sort((a, b) => Number(a.lower_bound) - Number(b.lower_bound));
  return new Map(
    sorted.map((b, i) => [
      b.id,
      { lower: Number(b.lower_bound), upper: i + 1 < sorted.length ? Number(sorted[i + 1]!.lower_bound) : null },
    ]),
  );
}
