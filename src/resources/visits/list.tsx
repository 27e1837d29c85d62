// Visits: "mine" (the signed-in person's own, the default for a salesperson) or all in one's
// scope, by period; newest first, paged on the server, exported as filtered. Logging a visit
// opens the one-column form.
import { CreateButton, EditButton, ExportButton, List, useTable } from "@refinedev/antd";
import { useExport, type CrudFilter } from "@refinedev/core";
import { DatePicker, Segmented, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { TableFilterForm } from "../../components/TableFilterForm";
import { neutralizeRecord } from "../../utils/csv";
import { formatDate } from "../../utils/format";
import { useMyStaff } from "../customers/hooks";
import { visitListSelect, type VisitListRow } from "./queries";

export default function VisitsList() {
  const { t, i18n } = useTranslation();
  const { staff } = useMyStaff();
  const [who, setWho] = useState<"mine" | "all">("mine");
  const [range, setRange] = useState<[string, string] | null>(null);
  const mine = who === "mine" && staff ? staff.id : null;
  const permanent: CrudFilter[] = [
    ...(mine ? [{ field: "staff_id", operator: "eq", value: mine } as CrudFilter] : []),
    ...(range
      ? ([
          { field: "visited_on", operator: "gte", value: range[0] },
          { field: "visited_on", operator: "lte", value: range[1] },
        ] as CrudFilter[])
      : []),
  ];
  const { tableProps, tableQuery, sorters, searchFormProps } = useTable<VisitListRow>({
    resource: "visits",
    meta: { select: visitListSelect, count: "exact" },
    sorters: { initial: [{ field: "visited_on", order: "desc" }] },
    filters: { permanent },
    pagination: { pageSize: 25 },
  });
  const { triggerExport, isLoading: exporting } = useExport<VisitListRow>({
    resource: "visits",
    filters: permanent,
    sorters,
    meta: { select: visitListSelect },
    pageSize: 1000,
    filename: "visits",
    mapData: (v) =>
      neutralizeRecord({
        visited_on: v.visited_on,
        customer: v.customer?.code,
        customer_name: v.customer?.name,
        staff: v.staff?.full_name,
        purpose: v.purpose,
        contact: v.contact?.name,
        decision_maker_met: v.decision_maker_met,
        outcome: v.outcome,
        next_step: v.next_step,
        next_visit_on: v.next_visit_on,
        territory: v.territory?.code,
      }),
  });
  return (
    <List
      title={<PageTitle>{t("visits.titles.list")}</PageTitle>}
      headerButtons={
        <Space wrap>
          <ExportButton onClick={() => void triggerExport()} loading={exporting} />
          <CreateButton>{t("visits.log")}</CreateButton>
        </Space>
      }
    >
      <TableFilterForm form={searchFormProps.form} />
      <Space wrap style={{ marginBottom: 16 }}>
        {staff && (
          <Segmented
            aria-label={t("visits.filters.who")}
            value={who}
            onChange={(v) => setWho(v as "mine" | "all")}
            options={[
              { value: "mine", label: t("visits.filters.mine") },
              { value: "all", label: t("visits.filters.all") },
            ]}
          />
        )}
        <DatePicker.RangePicker
          aria-label={t("visits.filters.period")}
          allowEmpty={[false, false]}
          value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")] : null)}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<VisitListRow> {...tableProps} rowKey="id" scroll={{ x: true }} locale={{ emptyText: t("visits.none") }}>
        <Table.Column<VisitListRow>
          dataIndex="visited_on"
          title={t("visits.fields.visited_on")}
          sorter
          render={(d: string) => formatDate(d, i18n.language)}
        />
        <Table.Column<VisitListRow>
          key="customer"
          title={t("visits.fields.customer_id")}
          render={(_, v) =>
            v.customer ? (
              <Link to={`/customers/show/${v.customer.id}`}>{`${v.customer.code} · ${v.customer.name}`}</Link>
            ) : (
              "—"
            )
          }
        />
        <Table.Column<VisitListRow>
          key="staff"
          title={t("visits.fields.staff_id")}
          render={(_, v) => v.staff?.full_name ?? "—"}
        />
        <Table.Column<VisitListRow> dataIndex="purpose" title={t("visits.fields.purpose")} />
        <Table.Column<VisitListRow> dataIndex="outcome" title={t("visits.fields.outcome")} />
        <Table.Column<VisitListRow>
          dataIndex="decision_maker_met"
          title={t("visits.fields.decision_maker_met")}
          render={(d: boolean) => (d ? t("custom_field_definitions.yes") : t("custom_field_definitions.no"))}
        />
        <Table.Column<VisitListRow>
          dataIndex="next_visit_on"
          title={t("visits.fields.next_visit_on")}
          render={(d: string | null) => formatDate(d, i18n.language)}
        />
        <Table.Column<VisitListRow>
          key="territory"
          title={t("visits.fields.territory_id")}
          render={(_, v) => (v.territory ? <Tag>{v.territory.code}</Tag> : "—")}
        />
        <Table.Column<VisitListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, v) => <EditButton hideText size="small" recordItemId={v.id} aria-label={t("buttons.edit")} />}
        />
      </Table>
    </List>
  );
}
