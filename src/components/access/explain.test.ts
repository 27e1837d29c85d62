import i18n from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import es from "../../locales/es.json";
import { explainSentence, type Explanation } from "./explain";

const roles = [{ code: "manager", label_en: "Manager", label_es: "Gerente", label_zh: "经理" }];
const ctx = (language: string) => ({
  t: i18n.getFixedT(language),
  language,
  resources: [{ code: "staff", label_en: "Staff", label_es: "Personal", label_zh: "员工" }],
  actions: [{ code: "update", label_en: "Update", label_es: "Editar", label_zh: "编辑" }],
  roles,
});

const base: Explanation = {
  allowed: false,
  decision: "outside_territory",
  invariant: null,
  person: { id: "u", name: "Ana", email: "ana@x", active: true, roles },
  resource: "staff",
  action: "update",
  scope: "territory",
  matrix_rows: [{ role_code: "manager", scope: "territory" }],
  territories: [{ id: "t1", code: "NOR", name: "North" }],
  record: {
    id: "41",
    exists: true,
    label: "Staff #41",
    territory: { id: "t2", code: "SOU", name: "South" },
    is_own: false,
  },
};

beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
  });
});

describe("the why sentence", () => {
  it("names the role, its territory and where the record lies when a record is outside the scope", () => {
    expect(explainSentence(base, ctx("en"))).toBe(
      "Ana can't update Staff “Staff #41”: the role Manager may update Staff only inside North (NOR), and “Staff #41” is in South (SOU).",
    );
  });

  it("is written in the reader's language", () => {
    expect(explainSentence(base, ctx("es"))).toContain("Ana no puede editar Personal");
  });

  it("says when the matrix grants nothing, and when an invariant overrides it", () => {
    expect(
      explainSentence({ ...base, decision: "no_grant", scope: null, matrix_rows: [], record: null }, ctx("en")),
    ).toBe("Ana can't update Staff: none of their roles (Manager) holds this action in the permission matrix.");
    expect(explainSentence({ ...base, decision: "auditor_never_writes", record: null }, ctx("en"))).toContain(
      "auditors never change anything",
    );
  });
});
