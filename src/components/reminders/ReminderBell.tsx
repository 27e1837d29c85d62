// The bell: how many things are due for the signed-in person (their plan by the 3rd, summaries,
// an evaluation to acknowledge, an improvement plan's deadline, a required training, rules to
// acknowledge, plans and summaries to review), and the list of them, each a link.
import { BellOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Empty, List, Popover, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { periodLabel, type Period } from "../reports/period";
import { formatDate } from "../../utils/format";
import { fetchReminders, reminderCount, reminderLink, remindersKey, type Reminder } from "./queries";

function ReminderText({ r }: { r: Reminder }) {
  const { t, i18n } = useTranslation();
  const period = (p: Period) =>
    r.subject_date ? periodLabel(p, r.subject_date, i18n.language, (d) => t("summaries.weekOf", { day: d })) : "";
  const values = {
    count: r.items,
    month: period("month"),
    period: period(r.subject === "week" ? "week" : "month"),
    rule: r.subject ?? "",
    areas: r.subject ?? "",
  };
  return <>{t(`reminders.kind.${r.kind}`, values)}</>;
}

export function ReminderBell() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const reminders = useQuery({
    queryKey: remindersKey,
    queryFn: fetchReminders,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const rows = reminders.data ?? [];
  const count = reminderCount(rows);
  const rules = rows.find((r) => r.kind === "rules_to_acknowledge")?.items ?? 0;
  const list = (
    <div style={{ width: 340, maxWidth: "80vw" }}>
      {reminders.isError ? (
        <Typography.Text type="danger">{t("reminders.failed")}</Typography.Text>
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reminders.none")} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          aria-label={t("reminders.title")}
          renderItem={(r) => (
            <List.Item>
              <Link to={reminderLink(r)} onClick={() => setOpen(false)}>
                <ReminderText r={r} />
              </Link>
              {r.due_on && (
                <Tag color={r.overdue ? "red" : "default"} style={{ marginInlineStart: 8 }}>
                  {t(r.overdue ? "reminders.overdueSince" : "reminders.dueOn", {
                    date: formatDate(r.due_on, i18n.language),
                  })}
                </Tag>
              )}
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t("reminders.title")}
      content={list}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={t("reminders.bell", { count })}
          aria-expanded={open}
          aria-haspopup="dialog"
          data-testid="header-reminders"
          data-count={count}
          data-rules-pending={rules}
        />
      </Badge>
    </Popover>
  );
}
