// Customers overdue for a visit: the last visit (or, never visited, the day they entered their
// tier) is older than their tier's interval. Most overdue first; by owner or territory
// subtree; each row opens the visit log for that customer.
import { ExportButton, List } from "@refinedev/antd";
import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { TerritoryTreeSelect, useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { neutralizeRecord, saveRows } from "../../utils/csv";
import { formatDate } from "../../utils/format";
import { usePeople, useTiers } from "../customers/hooks";
import { fetchOverdue, tierName, type OverdueRow } from "../customers/queries";

const pageSize = 25;

export default function OverdueCustomersList() {
  const { t, i18n } = useTranslation();
  const [owner, setOwner] = useState<string | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { tiers } = useTiers();
  const { people, options: peopleOptions } = usePeople();
  const { rows: territories } = useTerritoryTree();
  const filter = { owner, territory };
  const query = useQuery({
    queryKey: ["overdue_customers", owner, territory, page],
    queryFn: () => fetchOverdue(filter, { from: (page - 1) * pageSize, to: page * pageSize - 1 }),
  });
  const tierOf = (id: string) =>
    tierName(
      tiers.find((x) => x.id === id),
      i18n.language,
    );
  const codeOf = (id: string) => territories.find((x) => x.id === id)?.code ?? "—";
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.full_name ?? "—";
  const exportAll = async () => {
    const { rows } = await fetchOverdue(filter, { from: 0, to: 49_999 });
    saveRows(
      "overdue-customers.csv",
      rows.map((r) =>
        neutralizeRecord({
          code: r.code,
          name: r.name,
          tier: tierOf(r.tier_id),
          last_visit_on: r.last_visit_on ?? "",
          due_on: r.due_on,
          days_overdue: r.days_overdue,
          owner: nameOf(r.owner_id),
          territory: codeOf(r.territory_id),
        }),
      ),
    );
  };
  return (
    <List
      title={<PageTitle>{t("overdue_customers.titles.list")}</PageTitle>}
      headerButtons={<ExportButton onClick={() => void exportAll()} />}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t("customers.fields.owner_id")}
          placeholder={t("customers.fields.owner_id")}
          value={owner ?? undefined}
          onChange={(v?: string) => {
            setOwner(v ?? null);
            setPage(1);
          }}
          options={peopleOptions}
          style={{ width: 220 }}
        />
        <TerritoryTreeSelect
          value={territory}
          onChange={(v) => {
            setTerritory(v);
            setPage(1);
          }}
          aria-label={t("customers.filters.territory")}
        />
      </Space>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<OverdueRow>
        rowKey="customer_id"
        loading={query.isLoading}
        dataSource={query.data?.rows ?? []}
        locale={{ emptyText: t("overdue_customers.none") }}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: true }}
      >
        <Table.Column<OverdueRow>
          key="customer"
          title={t("visits.fields.customer_id")}
          render={(_, r) => <Link to={`/customers/show/${r.customer_id}`}>{`${r.code} · ${r.name}`}</Link>}
        />
        <Table.Column<OverdueRow>
          key="tier"
          title={t("customers.fields.tier_id")}
          render={(_, r) => <Tag>{tierOf(r.tier_id)}</Tag>}
        />
        <Table.Column<OverdueRow>
          dataIndex="last_visit_on"
          title={t("overdue_customers.fields.last_visit_on")}
          render={(d: string | null) => (d ? formatDate(d, i18n.language) : t("overdue_customers.never"))}
        />
        <Table.Column<OverdueRow>
          dataIndex="due_on"
          title={t("overdue_customers.fields.due_on")}
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<OverdueRow>
          dataIndex="days_overdue"
          title={t("customers.fields.days_overdue")}
          render={(d: number) => <Tag color="error">{t("customers.overdueDays", { count: d })}</Tag>}
        />
        <Table.Column<OverdueRow>
          key="owner"
          title={t("customers.fields.owner_id")}
          render={(_, r) => nameOf(r.owner_id)}
        />
        <Table.Column<OverdueRow>
          key="territory"
          title={t("customers.fields.territory_id")}
          render={(_, r) => <Tag>{codeOf(r.territory_id)}</Tag>}
        />
        <Table.Column<OverdueRow>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <Link to={`/visits/create?customer=${r.customer_id}`}>
              <Button size="small">{t("visits.log")}</Button>
            </Link>
          )}
        />
      </Table>
    </List>
  );
}
