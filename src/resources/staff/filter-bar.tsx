// The staff list's filter bar: name search, territory subtree, position, status, one select per
// selectable custom field, and which custom fields to show as columns.
import type { CrudFilter } from "@refinedev/core";
import { Button, Checkbox, Input, Popover, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { fieldOptions, optionLabel } from "../../components/org/customFields";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { positionTitle } from "../positions/queries";
import { staffStatuses } from "./queries";

type Definition = Tables<"custom_field_definitions">;

export function StaffFilterBar({
  value,
  setFilter,
  territory,
  setTerritory,
  positions,
  definitions,
  extraColumns,
  setExtraColumns,
}: {
  value: (field: string) => unknown;
  setFilter: (field: string, operator: CrudFilter["operator"], next: unknown) => void;
  territory: string | null;
  setTerritory: (id: string | null) => void;
  positions: Tables<"positions">[];
  definitions: Definition[];
  extraColumns: string[];
  setExtraColumns: (keys: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const selectable = definitions.filter((d) => ["single_select", "multi_select", "boolean"].includes(d.field_type));
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        aria-label={t("staff.filters.search")}
        placeholder={t("staff.filters.search")}
        defaultValue={(value("full_name") as string | undefined) ?? ""}
        onSearch={(v) => setFilter("full_name", "contains", v.trim())}
        style={{ width: 240 }}
        data-testid="staff-search"
      />
      <TerritoryTreeSelect
        value={territory}
        onChange={setTerritory}
        aria-label={t("staff.filters.territory")}
        data-testid="staff-filter-territory"
      />
      <Select
        allowClear
        aria-label={t("staff.filters.position")}
        placeholder={t("staff.filters.position")}
        value={value("position_id") as string | undefined}
        onChange={(v?: string) => setFilter("position_id", "eq", v)}
        options={positions.map((p) => ({ value: p.id, label: positionTitle(p, i18n.language) }))}
        style={{ width: 220 }}
        data-testid="staff-filter-position"
      />
      <Select
        allowClear
        aria-label={t("staff.filters.status")}
        placeholder={t("staff.filters.status")}
        value={value("status") as string | undefined}
        onChange={(v?: string) => setFilter("status", "eq", v)}
        options={staffStatuses.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
        style={{ width: 160 }}
        data-testid="staff-filter-status"
      />
      {selectable.map((d) => {
        const label = localizedLabel(d, i18n.language);
        const field = d.field_type === "multi_select" ? `custom_fields->${d.key}` : `custom_fields->>${d.key}`;
        const current = value(field) as string | undefined;
        return (
          <Select
            key={d.id}
            allowClear
            aria-label={label}
            placeholder={label}
            value={d.field_type === "multi_select" && current ? (JSON.parse(current) as string[])[0] : current}
            onChange={(v?: string) =>
              d.field_type === "multi_select"
                ? setFilter(field, "ina", v ? JSON.stringify([v]) : undefined)
                : setFilter(field, "eq", v)
            }
            options={
              d.field_type === "boolean"
                ? [
                    { value: "true", label: t("custom_field_definitions.yes") },
                    { value: "false", label: t("custom_field_definitions.no") },
                  ]
                : fieldOptions(d).map((o) => ({ value: o.value, label: optionLabel(o, i18n.language) }))
            }
            style={{ width: 170 }}
            data-testid={`staff-filter-cf-${d.key}`}
          />
        );
      })}
      {definitions.length > 0 && (
        <Popover
          trigger="click"
          title={t("staff.columns")}
          content={
            <Checkbox.Group
              value={extraColumns}
              onChange={(v) => setExtraColumns(v as string[])}
              options={definitions.map((d) => ({ value: d.key, label: localizedLabel(d, i18n.language) }))}
              style={{ display: "flex", flexDirection: "column" }}
            />
          }
        >
          <Button data-testid="staff-columns">{t("staff.columns")}</Button>
        </Popover>
      )}
    </Space>
  );
}
