// A rule's working copy as the edit form needs it: the rule, its draft and the positions it
// applies to, the form values they make, and the versions a save must still match.
import { useList, useShow } from "@refinedev/core";
import type { Tables } from "../../types/database";
import { regulationSelect, type CreateRegulationInput, type DraftRow, type RegulationListRow } from "./queries";

export function workingCopyValues(
  rule: RegulationListRow,
  draft: DraftRow,
  positions: Pick<Tables<"regulation_positions">, "position_id">[],
): CreateRegulationInput {
  return {
    code: rule.code,
    category_id: rule.category_id,
    effective_date: rule.effective_date,
    applies_to_all_positions: rule.applies_to_all_positions,
    positions: positions.map((p) => p.position_id),
    title_en: draft.title_en,
    title_es: draft.title_es,
    title_zh: draft.title_zh,
    body_en: draft.body_en,
    body_es: draft.body_es,
    body_zh: draft.body_zh,
  };
}

export function useWorkingCopy() {
  const { query } = useShow<RegulationListRow>({
    resource: "regulations",
    meta: { select: regulationSelect },
    queryOptions: { refetchOnWindowFocus: false },
  });
  const rule = query.data?.data;
  const draft = useList<DraftRow>({
    resource: "regulation_drafts",
    filters: [{ field: "regulation_id", operator: "eq", value: rule?.id }],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(rule?.id) },
  });
  const positions = useList<Tables<"regulation_positions">>({
    resource: "regulation_positions",
    filters: [{ field: "regulation_id", operator: "eq", value: rule?.id }],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(rule?.id) },
  });
  const draftRow = draft.result?.data?.[0];
  const loaded = rule && draftRow && positions.result ? { rule, draftRow, positions: positions.result.data } : null;
  /** The newest rule and draft versions (after someone else's save). */
  const refetchVersions = async () => {
    const [r, d] = await Promise.all([query.refetch(), draft.query.refetch()]);
    const freshRule = r.data?.data;
    const freshDraft = d.data?.data?.[0];
    return freshRule && freshDraft ? { rule: freshRule.version, draft: freshDraft.version } : null;
  };
  return { query, rule, loaded, refetchVersions };
}
