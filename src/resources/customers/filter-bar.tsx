// The customer list's filters: name or code, tier, status, territory subtree, owner, overdue.
import type { CrudFilter } from "@refinedev/core";
import { Input, Select, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import { usePeople, useTiers } from "./hooks";
import { customerStatuses } from "./queries";

export function CustomerFilterBar({
  value,
  setFilter,
  territory,
  setTerritory,
}: {
  value: (field: string) => unknown;
  setFilter: (field: string, operator: CrudFilter["operator"], next: unknown) => void;
  territory: string | null;
  setTerritory: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { options: tiers } = useTiers();
  const { options: people } = usePeople();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        aria-label={t("customers.filters.search")}
        placeholder={t("customers.filters.search")}
        defaultValue={(value("name") as string | undefined) ?? ""}
        onSearch={(v) => setFilter("name", "contains", v.trim())}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        aria-label={t("customers.fields.tier_id")}
        placeholder={t("customers.fields.tier_id")}
        value={value("tier_id") as string | undefined}
        onChange={(v?: string) => setFilter("tier_id", "eq", v)}
        options={tiers}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        aria-label={t("customers.fields.status")}
        placeholder={t("customers.fields.status")}
        value={value("status") as string | undefined}
        onChange={(v?: string) => setFilter("status", "eq", v)}
        options={customerStatuses.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
        style={{ width: 150 }}
      />
      <TerritoryTreeSelect value={territory} onChange={setTerritory} aria-label={t("customers.filters.territory")} />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        aria-label={t("customers.fields.owner_id")}
        placeholder={t("customers.fields.owner_id")}
        value={value("owner_id") as string | undefined}
        onChange={(v?: string) => setFilter("owner_id", "eq", v)}
        options={people}
        style={{ width: 200 }}
      />
      <Space>
        <Switch
          id="customers-overdue-only"
          checked={value("days_overdue") !== undefined}
          onChange={(on) => setFilter("days_overdue", "gt", on ? 0 : undefined)}
        />
        <Typography.Text>
          <label htmlFor="customers-overdue-only">{t("customers.filters.overdue")}</label>
        </Typography.Text>
      </Space>
    </Space>
  );
}
