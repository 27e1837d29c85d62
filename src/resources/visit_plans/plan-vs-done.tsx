// Plan vs done per salesperson and month: every month of the range, 0 where nothing was
// planned or done, optionally for a territory subtree.
import { useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Segmented, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../components/QueryError";
import { TerritoryTreeSelect, useTerritoryTree } from "../../components/org/TerritoryTreeSelect";
import { neutralizeRecord, saveRows } from "../../utils/csv";
import { fetchPlanVsDone, pivotPlanVsDone, type PlanVsDoneLine } from "./queries";

export function PlanVsDone() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<[string, string]>([
    dayjs().subtract(5, "month").startOf("month").format("YYYY-MM-DD"),
    dayjs().endOf("month").format("YYYY-MM-DD"),
  ]);
  const [territory, setTerritory] = useState<string | null>(null);
  const [by, setBy] = useState<"staff" | "territory">("staff");
  const { rows: territories } = useTerritoryTree();
  const query = useQuery({
    queryKey: ["visit_plan_vs_done", range, territory],
    queryFn: () => fetchPlanVsDone(range[0], range[1], territory),
  });
  const codeOf = (id: string) => territories.find((x) => x.id === id)?.code ?? "—";
  const { months, lines } = pivotPlanVsDone(query.data ?? [], by, codeOf);
  const exportLines = () =>
    saveRows(
      "plan-vs-done.csv",
      lines.flatMap((l) =>
        months.map((m) =>
          neutralizeRecord({
            [by]: l.label,
            month: m,
            planned: l.months[m]?.planned ?? 0,
            done: l.months[m]?.done ?? 0,
          }),
        ),
      ),
    );
  const monthLabel = (m: string) =>
    new Date(`${m}T00:00:00`).toLocaleDateString(i18n.language, { month: "short", year: "numeric" });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          picker="month"
          aria-label={t("visit_plans.filters.months")}
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) =>
            v?.[0] &&
            v[1] &&
            setRange([v[0].startOf("month").format("YYYY-MM-DD"), v[1].endOf("month").format("YYYY-MM-DD")])
          }
        />
        <TerritoryTreeSelect value={territory} onChange={setTerritory} aria-label={t("customers.filters.territory")} />
        <Segmented
          aria-label={t("visit_plans.filters.by")}
          value={by}
          onChange={(v) => setBy(v as "staff" | "territory")}
          options={[
            { value: "staff", label: t("visit_plans.filters.byStaff") },
            { value: "territory", label: t("visit_plans.filters.byTerritory") },
          ]}
        />
        <Button onClick={exportLines} disabled={lines.length === 0}>
          {t("buttons.export")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t("visit_plans.legend")}</Typography.Paragraph>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<PlanVsDoneLine>
        size="small"
        rowKey="key"
        loading={query.isLoading}
        dataSource={lines}
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        locale={{ emptyText: t("visit_plans.nobody") }}
        scroll={{ x: true }}
      >
        <Table.Column<PlanVsDoneLine>
          dataIndex="label"
          title={by === "staff" ? t("visit_plans.fields.staff_id") : t("visit_plans.fields.territory_id")}
          fixed="left"
        />
        {months.map((m) => (
          <Table.Column<PlanVsDoneLine>
            key={m}
            title={monthLabel(m)}
            align="right"
            render={(_, p) => {
              const cell = p.months[m] ?? { planned: 0, done: 0 };
              const short = cell.done < cell.planned;
              return (
                <Typography.Text type={short ? "danger" : undefined} strong={short}>
                  {`${cell.done} / ${cell.planned}`}
                </Typography.Text>
              );
            }}
          />
        ))}
      </Table>
    </>
  );
}
