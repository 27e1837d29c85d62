// The position form: owns the form state, shapes what is saved (trimmed titles, nulls for
// empty links, responsibilities without empty translations); the code is fixed once created.
import { useTranslation } from "react-i18next";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { PositionFormFields } from "./fields";
import { positionSelect, type PositionFormValues, type PositionRow } from "./queries";

export function toPositionPayload(v: PositionFormValues): PositionFormValues {
  return {
    ...v,
    title_en: v.title_en.trim(),
    title_es: (v.title_es ?? "").trim(),
    title_zh: (v.title_zh ?? "").trim(),
    parent_id: v.parent_id || null,
    default_role_code: v.default_role_code || null,
    responsibilities: (v.responsibilities ?? []).map((r) => ({
      en: r.en.trim(),
      ...(r.es?.trim() ? { es: r.es.trim() } : {}),
      ...(r.zh?.trim() ? { zh: r.zh.trim() } : {}),
    })),
  };
}

export function PositionForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<PositionRow, PositionFormValues>({
    resource: "positions",
    action,
    meta: { select: positionSelect },
    defaultValues: {
      code: "",
      title_en: "",
      title_es: "",
      title_zh: "",
      headcount: 1,
      max_discount_percent: 0,
      sort_order: 100,
      responsibilities: [],
    },
    toPayload: (values) => {
      const payload = toPositionPayload(values);
      if (action === "create") return payload;
      const { code: _code, ...rest } = payload;
      return rest as PositionFormValues;
    },
  });
  return (
    <ResourceFormPage form={form} title={t(`positions.titles.${action}`)} saveTestId="position-save" canDelete>
      <PositionFormFields control={form.control} mode={action} selfId={form.stored?.id} />
    </ResourceFormPage>
  );
}
