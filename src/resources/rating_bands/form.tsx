// The rating band form: code (fixed once created), names in three languages, the lowest total
// score that falls in the band and what the band leads to.
import { useTranslation } from "react-i18next";
import { LocalizedTextFields, NumberField, SelectField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import type { Database, Tables, TablesInsert } from "../../types/database";

export type BandOutcome = Database["public"]["Enums"]["band_outcome"];
export const bandOutcomes: BandOutcome[] = ["reward", "none", "improvement_plan"];

type BandValues = Pick<
  TablesInsert<"rating_bands">,
  "code" | "name_en" | "name_es" | "name_zh" | "lower_bound" | "outcome"
> & { version?: number };

export function RatingBandForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const form = useResourceForm<Tables<"rating_bands">, BandValues>({
    resource: "rating_bands",
    action,
    redirect: "list",
    defaultValues: { code: "", name_en: "", name_es: "", name_zh: "", lower_bound: 0, outcome: "none" },
    toPayload: (v) => {
      const payload = {
        ...v,
        name_en: v.name_en.trim(),
        name_es: (v.name_es ?? "").trim(),
        name_zh: (v.name_zh ?? "").trim(),
        lower_bound: Number(v.lower_bound),
      };
      if (action === "create") return payload;
      const { code: _code, ...rest } = payload;
      return rest as BandValues;
    },
  });
  const field = { control: form.control, idPrefix: "band" } as const;
  return (
    <ResourceFormPage form={form} title={t(`rating_bands.titles.${action}`)}>
      <TextField
        {...field}
        name="code"
        label={t("rating_bands.fields.code")}
        extra={t("app_roles.hints.code")}
        required={t("app_roles.errors.codeRequired")}
        pattern={{ value: /^[a-z][a-z0-9_]{1,39}$/, message: t("app_roles.errors.codeFormat") }}
        disabled={action === "edit"}
      />
      <LocalizedTextFields
        {...field}
        base="name"
        labelOf={(lang) => t(`rating_bands.fields.name_${lang}`)}
        required={t("rating_bands.errors.name")}
        max={80}
      />
      <NumberField
        {...field}
        name="lower_bound"
        label={t("rating_bands.fields.lower_bound")}
        extra={t("rating_bands.hints.lowerBound")}
        min={0}
        max={300}
        precision={2}
        fallback={null}
        required={t("rating_bands.errors.lowerBound")}
        width={200}
      />
      <SelectField
        {...field}
        name="outcome"
        label={t("rating_bands.fields.outcome")}
        required={t("rating_bands.errors.outcome")}
        options={bandOutcomes.map((o) => ({ value: o, label: t(`rating_bands.outcome.${o}`) }))}
      />
    </ResourceFormPage>
  );
}
