// Training topics: the catalogue's select (with how many sessions each topic has had, counted
// through the reader's own meeting policies) and the description in the reader's language.
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";

export type TopicRow = Tables<"training_topics"> & { meetings: { count: number }[] };
export const topicSelect = "*, meetings(count)";

export function localizedDescription(row: Tables<"training_topics">, locale: string): string {
  return localizedLabel(
    { label_en: row.description_en, label_es: row.description_es, label_zh: row.description_zh },
    locale,
  );
}
