// What the coverage page reads besides the coverage RPCs (in ../regulations/queries): the
// rules in force to choose from; and the CSV download of the people still missing.
import { saveRows } from "../../utils/csv";
import { localized, type RegulationRow, type VersionRow } from "../regulations/queries";

export const ruleOptionSelect =
  "id, code, status, current_version, regulation_versions(version_number, title_en, title_es, title_zh)";

export type RuleOption = Pick<RegulationRow, "id" | "code" | "status" | "current_version"> & {
  regulation_versions: Pick<VersionRow, "version_number" | "title_en" | "title_es" | "title_zh">[];
};

export const download = saveRows;

/** A rule's title in the version in force, in the reader's language. */
export function ruleOptionTitle(rule: RuleOption, language: string): string {
  const v = rule.regulation_versions.find((x) => x.version_number === rule.current_version);
  return v ? localized(v as unknown as Record<string, unknown>, "title", language).text : "";
}
