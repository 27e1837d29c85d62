// The topics a new training session may name (those in use), as select options in the reader's language.
import { useList } from "@refinedev/core";
import { useTranslation } from "react-i18next";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";

export function useTopicOptions(enabled = true) {
  const { i18n } = useTranslation();
  const { result } = useList<Tables<"training_topics">>({
    resource: "training_topics",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
    queryOptions: { enabled },
  });
  return (result?.data ?? []).map((r) => ({
    value: r.id,
    label: localizedName(r, i18n.language),
    disabled: !r.active,
  }));
}
