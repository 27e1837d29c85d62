// The monthly visit plan (made at the start of the month: visits planned per customer) and
// plan vs done per salesperson and month.
import { List } from "@refinedev/antd";
import { DatePicker, Select, Space, Tabs, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { monthOf, today } from "../../utils/format";
import { useMyStaff, usePeople } from "../customers/hooks";
import { MonthPlan } from "./plan";
import { PlanVsDone } from "./plan-vs-done";

export default function VisitPlansList() {
  const { t } = useTranslation();
  const { staff } = useMyStaff();
  const { people } = usePeople();
  const [month, setMonth] = useState(monthOf(today()));
  const [person, setPerson] = useState<string | null>(null);
  // Plans belong to people who hold a territory; anyone else chooses whose plan to see.
  const who = person ?? (staff?.territory_id ? staff.id : null);
  const sellers = people.filter((p) => p.territory_id).map((p) => ({ value: p.id, label: p.full_name }));
  return (
    <List title={<PageTitle>{t("visit_plans.titles.list")}</PageTitle>}>
      <Tabs
        items={[
          {
            key: "plan",
            label: t("visit_plans.tabs.plan"),
            children: (
              <>
                <Space wrap style={{ marginBottom: 16 }}>
                  <DatePicker
                    picker="month"
                    aria-label={t("visit_plans.fields.month")}
                    allowClear={false}
                    value={dayjs(month)}
                    onChange={(d) => d && setMonth(d.startOf("month").format("YYYY-MM-DD"))}
                  />
                  <Select
                    showSearch
                    optionFilterProp="label"
                    aria-label={t("visit_plans.fields.staff_id")}
                    placeholder={t("visit_plans.fields.staff_id")}
                    value={who ?? undefined}
                    onChange={(v: string) => setPerson(v)}
                    options={sellers}
                    style={{ width: 240 }}
                  />
                </Space>
                {who ? (
                  <MonthPlan staffId={who} month={month} />
                ) : (
                  <Typography.Text type="secondary">{t("visit_plans.choosePerson")}</Typography.Text>
                )}
              </>
            ),
          },
          { key: "vs", label: t("visit_plans.tabs.vs"), children: <PlanVsDone /> },
        ]}
      />
    </List>
  );
}
