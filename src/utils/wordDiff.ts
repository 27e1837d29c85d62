// Word-level diff of two texts (pure; unit-tested). Latin text splits into words and the
// spaces and punctuation between them; Chinese (no spaces) splits into characters.
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const tokenPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}_'’-]+|\s+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Longest-common-subsequence diff over tokens; merges neighbouring parts of one kind. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Trim the common prefix and suffix first: revisions usually change a small part.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const rows = midA.length + 1;
  const cols = midB.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        midA[i] === midB[j]
          ? table[(i + 1) * cols + j + 1]! + 1
          : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (start > 0) push("same", a.slice(0, start).join(""));
  let i = 0;
  let j = 0;
  while (i < midA.length && j < midB.length) {
    if (midA[i] === midB[j]) {
      push("same", midA[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
      push("removed", midA[i++]!);
    } else {
      push("added", midB[j++]!);
    }
  }
  while (i < midA.length) push("removed", midA[i++]!);
  while (j < midB.length) push("added", midB[j++]!);
  if (endA < a.length) push("same", a.slice(endA).join(""));
  return parts;
}
