// The person's record on their page: violations, rewards and meeting attendance, each shown
// to whoever the matrix lets read it (a salesperson their own; a manager their subtree's).
import { useCan } from "@refinedev/core";
import { Card, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AttendanceOf } from "../meetings/records";
import { RewardsOf } from "../rewards/records";
import { ViolationsOf } from "../violations/records";

export function PersonRecord({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const violations = useCan({ resource: "violations", action: "list" }).data?.can;
  const rewards = useCan({ resource: "rewards", action: "list" }).data?.can;
  const meetings = useCan({ resource: "meetings", action: "list" }).data?.can;
  const items = [
    ...(violations
      ? [
          {
            key: "violations",
            label: t("staff.record.violations"),
            children: <ViolationsOf field="staff_id" value={staffId} />,
          },
        ]
      : []),
    ...(rewards
      ? [{ key: "rewards", label: t("staff.record.rewards"), children: <RewardsOf staffId={staffId} /> }]
      : []),
    ...(meetings
      ? [{ key: "attendance", label: t("staff.record.attendance"), children: <AttendanceOf staffId={staffId} /> }]
      : []),
  ];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("staff.record.title")}
        </Typography.Title>
      }
    >
      <Tabs items={items} />
    </Card>
  );
}
