// Fields shared by the staff create and edit forms, mirroring the database's checks.
import { useCan, useList } from "@refinedev/core";
import dayjs from "dayjs";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField, SelectField, TerritoryField, TextField } from "../../components/fields";
import { CustomFieldInputs } from "../../components/org/CustomFieldInputs";
import type { Tables } from "../../types/database";
import { emailPattern } from "../../utils/validation";
import { positionTitle } from "../positions/queries";
import { loginSelect } from "../profiles/queries";
import { staffNameSelect, staffStatuses, type StaffFormValues } from "./queries";

const phonePattern = /^[0-9+() .-]*$/;

export function StaffFormFields({ control, selfId }: { control: Control<StaffFormValues>; selfId?: string }) {
  return (
    <>
      <StaffPlacementFields control={control} selfId={selfId} />
      <StaffStatusFields control={control} />
    </>
  );
}

function useRequired() {
  const { t } = useTranslation();
  return (key: string) => t("staff.errors.required", { field: t(`staff.fields.${key}`) });
}

/** Name, contact, position, territory and manager. */
function StaffPlacementFields({ control, selfId }: { control: Control<StaffFormValues>; selfId?: string }) {
  const { t, i18n } = useTranslation();
  const required = useRequired();
  const { result: positions } = useList<Tables<"positions">>({
    resource: "positions",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const { result: people } = useList<Pick<Tables<"staff">, "id" | "full_name">>({
    resource: "staff",
    pagination: { mode: "off" },
    sorters: [{ field: "full_name", order: "asc" }],
    filters: [{ field: "status", operator: "ne", value: "left" }],
    meta: { select: staffNameSelect },
  });
  const field = { control, idPrefix: "staff" } as const;
  return (
    <>
      <TextField
        {...field}
        name="full_name"
        label={t("staff.fields.full_name")}
        required={required("full_name")}
        max={120}
      />
      <TextField
        {...field}
        name="email"
        label={t("staff.fields.email")}
        required={required("email")}
        pattern={{ value: emailPattern, message: t("pages.login.errors.validEmail") }}
        type="email"
      />
      <TextField
        {...field}
        name="phone"
        label={t("staff.fields.phone")}
        pattern={{ value: phonePattern, message: t("staff.errors.phone") }}
        max={40}
        type="tel"
      />
      <SelectField
        {...field}
        name="position_id"
        label={t("staff.fields.position_id")}
        required={required("position_id")}
        search
        options={(positions?.data ?? []).map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
      />
      <TerritoryField
        {...field}
        name="territory_id"
        label={t("staff.fields.territory_id")}
        extra={t("staff.hints.territory")}
        placeholder={t("staff.fields.territory_id")}
      />
      <SelectField
        {...field}
        name="manager_id"
        label={t("staff.fields.manager_id")}
        search
        options={(people?.data ?? []).filter((p) => p.id !== selfId).map((p) => ({ value: p.id, label: p.full_name }))}
      />
    </>
  );
}

/** Hire date, status, the linked login (HR only), notes and custom fields. */
function StaffStatusFields({ control }: { control: Control<StaffFormValues> }) {
  const { t } = useTranslation();
  const required = useRequired();
  const { result: logins } = useList<Pick<Tables<"profiles">, "id" | "full_name" | "email">>({
    resource: "profiles",
    pagination: { mode: "off" },
    meta: { select: loginSelect },
  });
  // Linking a login is HR's (logins:update); the database refuses it to anyone without staff update for all.
  const { data: canLink } = useCan({ resource: "logins", action: "update" });
  const field = { control, idPrefix: "staff" } as const;
  return (
    <>
      <DateField
        {...field}
        name="hire_date"
        label={t("staff.fields.hire_date")}
        required={required("hire_date")}
        disabledDate={(d) => d.isAfter(dayjs().add(1, "year")) || d.isBefore(dayjs("1950-01-01"))}
      />
      <SelectField
        {...field}
        name="status"
        label={t("staff.fields.status")}
        required={required("status")}
        options={staffStatuses.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
      />
      <DateField {...field} name="status_changed_on" label={t("staff.fields.status_changed_on")} />
      {canLink?.can && (
        <SelectField
          {...field}
          name="user_id"
          label={t("staff.fields.user_id")}
          extra={t("staff.hints.login")}
          search
          options={(logins?.data ?? []).map((p) => ({ value: p.id, label: `${p.full_name} <${p.email}>` }))}
        />
      )}
      <TextField {...field} name="notes" label={t("staff.fields.notes")} max={5000} rows={3} />
      <CustomFieldInputs resource="staff" control={control} />
    </>
  );
}
