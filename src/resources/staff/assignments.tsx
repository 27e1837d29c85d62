// A salesperson's territory assignments: the history (from, to, who, why) and the action
// that moves them to another territory with a reason.
import { useCan, useInvalidate, useList, useNotification } from "@refinedev/core";
import { Alert, Button, Card, Form, Input, Modal, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import { toAppError } from "../../providers/errors";
import { assignmentSelect, assignTerritory, type AssignmentRow } from "./queries";

export function AssignmentHistory({
  filter,
  title,
}: {
  filter: { field: "staff_id" | "territory_id"; value: string };
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const { result, query } = useList<AssignmentRow>({
    resource: "territory_assignments",
    filters: [{ field: filter.field, operator: "eq", value: filter.value }],
    sorters: [{ field: "valid_from", order: "desc" }],
    pagination: { mode: "off" },
    meta: { select: assignmentSelect },
  });
  const date = (v: string | null) => (v ? new Date(v).toLocaleString(i18n.language) : t("staff.assignments.current"));
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} data-testid="assignment-history">
      <Table<AssignmentRow>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result?.data ?? []}
        pagination={false}
      >
        {filter.field === "staff_id" ? (
          <Table.Column<AssignmentRow>
            key="territory"
            title={t("staff.fields.territory_id")}
            render={(_, r) => <Tag>{r.territories?.code}</Tag>}
          />
        ) : (
          <Table.Column<AssignmentRow>
            key="staff"
            title={t("territories.fields.salesperson")}
            render={(_, r) => r.staff?.full_name}
          />
        )}
        <Table.Column<AssignmentRow>
          dataIndex="valid_from"
          title={t("staff.assignments.from")}
          render={(v: string) => date(v)}
        />
        <Table.Column<AssignmentRow>
          dataIndex="valid_to"
          title={t("staff.assignments.to")}
          render={(v: string | null) => (v ? date(v) : <Tag color="green">{t("staff.assignments.current")}</Tag>)}
        />
        <Table.Column<AssignmentRow>
          key="why"
          title={t("staff.assignments.reason")}
          render={(_, r) => [r.reason, r.end_reason].filter(Boolean).join(" → ")}
        />
      </Table>
    </Card>
  );
}

export function AssignTerritoryButton({
  staffId,
  currentTerritory,
}: {
  staffId: string;
  currentTerritory: string | null;
}) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: can } = useCan({ resource: "territory_assignments", action: "create" });
  const [visible, setVisible] = useState(false);
  const [territory, setTerritory] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!can?.can) return null;
  const submit = async () => {
    if (!territory) return setError(t("staff.assignments.pickTerritory"));
    if (!reason.trim()) return setError(t("staff.assignments.reasonRequired"));
    setBusy(true);
    const { error: rpcError, status } = await assignTerritory(staffId, territory, reason.trim());
    setBusy(false);
    if (rpcError) return setError(toAppError(rpcError, status).message);
    open?.({ type: "success", message: t("staff.assignments.assigned") });
    setVisible(false);
    void invalidate({ resource: "staff", invalidates: ["detail", "list"], id: staffId });
    void invalidate({ resource: "territory_assignments", invalidates: ["list"] });
  };
  return (
    <>
      <Button
        onClick={() => {
          setVisible(true);
          setError(null);
          setTerritory(null);
          setReason("");
        }}
        data-testid="assign-territory"
      >
        {currentTerritory ? t("staff.assignments.move") : t("staff.assignments.assign")}
      </Button>
      <Modal
        open={visible}
        title={t("staff.assignments.assign")}
        onCancel={() => setVisible(false)}
        onOk={() => void submit()}
        confirmLoading={busy}
        okText={t("staff.assignments.confirm")}
        cancelText={t("buttons.cancel")}
        okButtonProps={{ ...({ "data-testid": "assign-territory-confirm" } as Record<string, string>) }}
      >
        {error && (
          <Alert
            type="error"
            role="alert"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="assign-territory-error"
          />
        )}
        <Form layout="vertical" component={false}>
          <Form.Item label={t("staff.fields.territory_id")} htmlFor="assign-territory-select" required>
            <TerritoryTreeSelect
              id="assign-territory-select"
              value={territory}
              onChange={setTerritory}
              disabledIds={currentTerritory ? [currentTerritory] : []}
              data-testid="assign-territory-select"
            />
          </Form.Item>
          <Form.Item label={t("staff.assignments.reason")} htmlFor="assign-reason" required>
            <Input.TextArea
              id="assign-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={2}
              data-testid="assign-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
