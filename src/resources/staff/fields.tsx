// Fields shared by the staff create and edit forms, mirroring the database's checks.
import { useCan, useList } from "@refinedev/core";
import { DatePicker, Input, Select } from "antd";
import dayjs from "dayjs";
import type { Control } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ControlledField } from "../../components/ControlledField";
import { CustomFieldInputs } from "../../components/org/CustomFieldInputs";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import type { Tables } from "../../types/database";
import { emailPattern } from "../../utils/validation";
import { positionTitle } from "../positions/queries";
import { staffStatuses, type StaffFormValues, staffNameSelect } from "./queries";
import { loginSelect } from "../profiles/queries";

const phonePattern = /^[0-9+() .-]*$/;

export function StaffFormFields({ control, selfId }: { control: Control<StaffFormValues>; selfId?: string }) {
  return (
    <>
      <StaffPlacementFields control={control} selfId={selfId} />
      <StaffStatusFields control={control} />
    </>
  );
}

/** Name, contact, position, territory and manager. */
function StaffPlacementFields({ control, selfId }: { control: Control<StaffFormValues>; selfId?: string }) {
  const { t, i18n } = useTranslation();
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
  const required = (key: string) => t("staff.errors.required", { field: t(`staff.fields.${key}`) });
  return (
    <>
      <ControlledField
        name="full_name"
        control={control}
        idPrefix="staff"
        required
        label={t("staff.fields.full_name")}
        rules={{
          validate: (v) => (v ?? "").trim().length > 0 || required("full_name"),
          maxLength: { value: 120, message: t("staff.errors.tooLong", { count: 120 }) },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} autoComplete="off" />}
      />
      <ControlledField
        name="email"
        control={control}
        idPrefix="staff"
        required
        label={t("staff.fields.email")}
        rules={{
          required: required("email"),
          pattern: { value: emailPattern, message: t("pages.login.errors.validEmail") },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} type="email" autoComplete="off" />}
      />
      <ControlledField
        name="phone"
        control={control}
        idPrefix="staff"
        label={t("staff.fields.phone")}
        rules={{
          pattern: { value: phonePattern, message: t("staff.errors.phone") },
          maxLength: { value: 40, message: t("staff.errors.tooLong", { count: 40 }) },
        }}
        render={(field) => <Input {...field} value={field.value ?? ""} type="tel" autoComplete="off" />}
      />
      <ControlledField
        name="position_id"
        control={control}
        idPrefix="staff"
        required
        label={t("staff.fields.position_id")}
        rules={{ required: required("position_id") }}
        render={(field) => (
          <Select
            {...field}
            value={field.value ?? undefined}
            showSearch
            optionFilterProp="label"
            options={(positions?.data ?? []).map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
          />
        )}
      />
      <ControlledField
        name="territory_id"
        control={control}
        idPrefix="staff"
        label={t("staff.fields.territory_id")}
        extra={t("staff.hints.territory")}
        render={(field) => (
          <TerritoryTreeSelect
            id={field.id}
            value={field.value ?? null}
            onChange={field.onChange}
            placeholder={t("staff.fields.territory_id")}
            data-testid={field["data-testid"]}
          />
        )}
      />
      <ControlledField
        name="manager_id"
        control={control}
        idPrefix="staff"
        label={t("staff.fields.manager_id")}
        render={(field) => (
          <Select
            {...field}
            value={field.value ?? undefined}
            allowClear
            showSearch
            optionFilterProp="label"
            options={(people?.data ?? [])
              .filter((p) => p.id !== selfId)
              .map((p) => ({ value: p.id, label: p.full_name }))}
          />
        )}
      />
    </>
  );
}

/** Hire date, status, the linked login (HR only), notes and custom fields. */
function StaffStatusFields({ control }: { control: Control<StaffFormValues> }) {
  const { t } = useTranslation();
  const { result: logins } = useList<Pick<Tables<"profiles">, "id" | "full_name" | "email">>({
    resource: "profiles",
    pagination: { mode: "off" },
    meta: { select: loginSelect },
  });
  // Linking a login is HR's (logins:update); the database refuses it to anyone without staff update for all.
  const { data: canLink } = useCan({ resource: "logins", action: "update" });
  const required = (key: string) => t("staff.errors.required", { field: t(`staff.fields.${key}`) });
  return (
    <>
      <ControlledField
        name="hire_date"
        control={control}
        idPrefix="staff"
        required
        label={t("staff.fields.hire_date")}
        rules={{ required: required("hire_date") }}
        render={(field) => (
          <DatePicker
            id={field.id}
            data-testid={field["data-testid"]}
            value={field.value ? dayjs(field.value) : null}
            onChange={(d) => field.onChange(d ? d.format("YYYY-MM-DD") : null)}
            disabledDate={(d) => d.isAfter(dayjs().add(1, "year")) || d.isBefore(dayjs("1950-01-01"))}
            style={{ width: "100%" }}
          />
        )}
      />
      <ControlledField
        name="status"
        control={control}
        idPrefix="staff"
        required
        label={t("staff.fields.status")}
        render={(field) => (
          <Select
            {...field}
            value={field.value ?? "active"}
            options={staffStatuses.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
          />
        )}
      />
      <ControlledField
        name="status_changed_on"
        control={control}
        idPrefix="staff"
        label={t("staff.fields.status_changed_on")}
        render={(field) => (
          <DatePicker
            id={field.id}
            data-testid={field["data-testid"]}
            value={field.value ? dayjs(field.value) : null}
            onChange={(d) => field.onChange(d ? d.format("YYYY-MM-DD") : null)}
            style={{ width: "100%" }}
          />
        )}
      />
      {canLink?.can && (
        <ControlledField
          name="user_id"
          control={control}
          idPrefix="staff"
          label={t("staff.fields.user_id")}
          extra={t("staff.hints.login")}
          render={(field) => (
            <Select
              {...field}
              value={field.value ?? undefined}
              allowClear
              showSearch
              optionFilterProp="label"
              options={(logins?.data ?? []).map((p) => ({ value: p.id, label: `${p.full_name} <${p.email}>` }))}
            />
          )}
        />
      )}
      <ControlledField
        name="notes"
        control={control}
        idPrefix="staff"
        label={t("staff.fields.notes")}
        rules={{ maxLength: { value: 5000, message: t("staff.errors.tooLong", { count: 5000 }) } }}
        render={(field) => <Input.TextArea {...field} value={field.value ?? ""} rows={3} />}
      />
      <CustomFieldInputs resource="staff" control={control} />
    </>
  );
}
