// A monthly plan: its sections as the person wrote them; the person edits and submits it while
// it is a draft; a reviewer in scope comments, marks it reviewed or sends it back.
import { useCan, useShow } from "@refinedev/core";
import { Descriptions, Space, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";
import { periodLabel } from "../../components/reports/period";
import {
  ReportStatusTag,
  ReviewNote,
  ReviewReport,
  SubmitReport,
  useIsPerson,
} from "../../components/reports/Workflow";
import { formatMoney } from "../../utils/format";
import { monthlyPlanSelect, type MonthlyPlanRow } from "./queries";

const sections = ["target_breakdown", "key_customers", "prospects", "known_problems"] as const;

export default function MonthlyPlansShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<MonthlyPlanRow>({ resource: "monthly_plans", meta: { select: monthlyPlanSelect } });
  const plan = query.data?.data;
  const isPerson = useIsPerson(plan);
  const { data: canUpdate } = useCan({ resource: "monthly_plans", action: "edit", params: { id: plan?.id } });
  const refresh = () => void query.refetch();
  const month = plan ? periodLabel("month", plan.month, i18n.language, (d) => d) : "";
  return (
    <Show
      title={
        <PageTitle>
          {plan
            ? t("monthly_plans.titles.showOf", { name: plan.person?.full_name ?? "", month })
            : t("monthly_plans.titles.show")}
        </PageTitle>
      }
      isLoading={query.isLoading}
      headerButtons={() => (
        <Space wrap>
          {plan?.status === "draft" && <RecordEditButton id={plan.id} />}
          {plan?.status === "draft" && isPerson && <SubmitReport table="monthly_plans" row={plan} onDone={refresh} />}
          {plan?.status === "draft" && (
            <RecordDeleteButton id={plan.id} confirmTitle={t("monthly_plans.deleteConfirm")} />
          )}
        </Space>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {plan && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <ReviewNote row={plan} reviewer={plan.reviewer_name || null} />
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("monthly_plans.fields.staff_id")}>
              {plan.person ? <Link to={`/staff/show/${plan.person.id}`}>{plan.person.full_name}</Link> : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.fields.status")}>
              <ReportStatusTag status={plan.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t("monthly_plans.fields.sales_target")}>
              {formatMoney(plan.sales_target, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t("monthly_plans.fields.visits_planned")}>
              {plan.visits_planned}
            </Descriptions.Item>
            {sections.map((s) => (
              <Descriptions.Item key={s} label={t(`monthly_plans.fields.${s}`)} span={2}>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                  {plan[s] || "—"}
                </Typography.Paragraph>
              </Descriptions.Item>
            ))}
          </Descriptions>
          {!isPerson && canUpdate?.can && plan.status !== "draft" && (
            <ReviewReport table="monthly_plans" row={plan} onDone={refresh} />
          )}
          <Tabs
            items={[
              {
                key: "history",
                label: t("reports.history"),
                children: <HistoryTab table="monthly_plans" recordId={plan.id} />,
              },
            ]}
          />
        </Space>
      )}
    </Show>
  );
}
