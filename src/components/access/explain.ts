// Turns the database's explanation (explain_access) into one sentence in the reader's
// language (pure; unit-tested). The decision itself always comes from the database.
import type { TFunction } from "i18next";
import { localizedLabel } from "../../providers/i18n";

export interface Labelled {
  code: string;
  label_en: string;
  label_es: string;
  label_zh: string;
}

export type Decision =
  | "all"
  | "some_rows"
  | "in_territory"
  | "own"
  | "outside_territory"
  | "not_own"
  | "scope_not_applicable"
  | "no_record"
  | "no_grant"
  | "auditor_never_writes"
  | "inactive";

export interface Explanation {
  allowed: boolean;
  decision: Decision;
  invariant: string | null;
  person: { id: string; name: string; email: string; active: boolean; roles: Labelled[] };
  resource: string;
  action: string;
  scope: "own" | "territory" | "all" | null;
  matrix_rows: { role_code: string; scope: "own" | "territory" | "all" }[];
  territories: { id: string; code: string; name: string }[];
  record: null | {
    id: string;
    exists: boolean;
    label?: string;
    territory?: { id: string; code: string; name: string } | null;
    is_own?: boolean;
  };
}

/** A catalogue row's label in the reader's language, or the fallback (its code) when missing. */
export function labelOf(row: Labelled | undefined, language: string, fallback: string): string {
  return (row && localizedLabel(row, language)) || fallback;
}

export interface ExplainContext {
  t: TFunction;
  language: string;
  resources: Labelled[];
  actions: Labelled[];
  roles: Labelled[];
}

const list = (items: string[], language: string) =>
  items.length === 0 ? "—" : new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);

/** The one-sentence answer to "why can / can't they". */
export function explainSentence(e: Explanation, ctx: ExplainContext): string {
  const { t, language } = ctx;
  const resource = labelOf(
    ctx.resources.find((r) => r.code === e.resource),
    language,
    e.resource,
  );
  const action = labelOf(
    ctx.actions.find((a) => a.code === e.action),
    language,
    e.action,
  ).toLocaleLowerCase(language);
  const granting = e.matrix_rows.filter((r) => r.scope === e.scope).map((r) => r.role_code);
  const roleNames = (codes: string[]) =>
    list(
      codes.map((c) =>
        labelOf(
          ctx.roles.find((r) => r.code === c),
          language,
          c,
        ),
      ),
      language,
    );
  const heldRoles = list(
    e.person.roles.map((r) => labelOf(r, language, r.code)),
    language,
  );
  const territories = list(
    e.territories.map((x) => `${x.name} (${x.code})`),
    language,
  );
  const record = e.record?.label ?? e.record?.id ?? "";
  const where = e.record?.territory ? `${e.record.territory.name} (${e.record.territory.code})` : t("why.noTerritory");
  const values = {
    name: e.person.name,
    resource,
    action,
    roles: roleNames(granting),
    held: heldRoles,
    territories,
    record,
    where,
    id: e.record?.id ?? "",
  };
  return t(`why.sentences.${e.decision}`, values);
}
