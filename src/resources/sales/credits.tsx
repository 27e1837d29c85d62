// Who is credited with a sale and by how much. The shares must add up to exactly 100: the
// editor shows the difference while typing, and the database refuses a split that does not.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useCan, useInvalidate, useList, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, InputNumber, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Tables } from "../../types/database";
import { usePeople } from "../customers/hooks";
import { creditTotal, saveCredits, type CreditLine } from "./queries";

type Credit = Tables<"sale_credits"> & { staff: Pick<Tables<"staff">, "full_name"> | null };

export function SaleCredits({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canEdit } = useCan({ resource: "sales", action: "edit", params: { id: saleId } });
  const { options: people } = usePeople();
  const [draft, setDraft] = useState<CreditLine[] | null>(null);
  const { result, query } = useList<Credit>({
    resource: "sale_credits",
    filters: [{ field: "sale_id", operator: "eq", value: saleId }],
    pagination: { mode: "off" },
    meta: { select: "sale_id, staff_id, share_percent, territory_id, staff:staff_id(full_name)" },
  });
  const save = useMutation({
    mutationFn: (lines: CreditLine[]) => saveCredits(saleId, lines),
    onSuccess: () => {
      setDraft(null);
      open?.({ type: "success", message: t("sale_credits.saved") });
      void invalidate({ resource: "sale_credits", invalidates: ["list"] });
    },
  });
  const credits = result?.data ?? [];
  if (!draft) {
    return (
      <>
        <Table<Credit>
          size="small"
          rowKey="staff_id"
          loading={query.isLoading}
          dataSource={credits}
          pagination={false}
          locale={{ emptyText: t("sale_credits.none") }}
        >
          <Table.Column<Credit>
            key="staff"
            title={t("sale_credits.fields.staff_id")}
            render={(_, c) => c.staff?.full_name ?? "—"}
          />
          <Table.Column<Credit>
            dataIndex="share_percent"
            title={t("sale_credits.fields.share_percent")}
            align="right"
            render={(s: number) => `${Number(s).toFixed(2)} %`}
          />
        </Table>
        {canEdit?.can && (
          <Button
            style={{ marginTop: 12 }}
            onClick={() =>
              setDraft(credits.map((c) => ({ staff_id: c.staff_id, share_percent: Number(c.share_percent) })))
            }
          >
            {t("sale_credits.change")}
          </Button>
        )}
      </>
    );
  }
  const total = creditTotal(draft);
  const set = (i: number, line: Partial<CreditLine>) =>
    setDraft(draft.map((l, j) => (j === i ? { ...l, ...line } : l)));
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {draft.map((line, i) => (
        <Space key={i} wrap>
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t("sale_credits.fields.staff_id")}
            placeholder={t("sale_credits.fields.staff_id")}
            value={line.staff_id || undefined}
            onChange={(v: string) => set(i, { staff_id: v })}
            options={people}
            style={{ width: 240 }}
          />
          <InputNumber
            aria-label={t("sale_credits.fields.share_percent")}
            min={0.01}
            max={100}
            precision={2}
            value={line.share_percent}
            onChange={(v) => set(i, { share_percent: Number(v ?? 0) })}
            addonAfter="%"
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t("sale_credits.remove")}
            onClick={() => setDraft(draft.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setDraft([...draft, { staff_id: "", share_percent: 0 }])}>
        {t("sale_credits.add")}
      </Button>
      <Typography.Text type={total === 100 ? "success" : "danger"} role="status">
        {total === 100
          ? t("sale_credits.complete")
          : t("sale_credits.difference", { total: total.toFixed(2), diff: (100 - total).toFixed(2) })}
      </Typography.Text>
      {save.error && <Alert type="error" showIcon message={save.error.message} />}
      <Space>
        <Button
          type="primary"
          loading={save.isPending}
          disabled={total !== 100 || draft.some((l) => !l.staff_id)}
          onClick={() => save.mutate(draft)}
        >
          {t("buttons.save")}
        </Button>
        <Button onClick={() => setDraft(null)}>{t("buttons.cancel")}</Button>
      </Space>
    </Space>
  );
}
