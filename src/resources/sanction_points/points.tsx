// Discipline points per sanction kind, under the KPI catalogue: what each confirmed sanction
// costs in the discipline_points measure. Readers of KPIs see them; editors of KPIs set them.
import { useCan, useInvalidate, useList, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, InputNumber, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../components/QueryError";
import { pointsProblem, sanctionOrder, savePoints, type SanctionPointsRow } from "./queries";

export function SanctionPointsCard() {
  const { t } = useTranslation();
  const { result, query } = useList<SanctionPointsRow>({
    resource: "sanction_points",
    pagination: { mode: "off" },
  });
  const rows = [...(result?.data ?? [])].sort((a, b) => sanctionOrder.indexOf(a.kind) - sanctionOrder.indexOf(b.kind));
  return (
    <Card
      size="small"
      style={{ marginTop: 24 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("sanction_points.title")}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{t("sanction_points.intro")}</Typography.Paragraph>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isLoading ? (
        <Spin />
      ) : (
        <Space wrap size="large">
          {rows.map((row) => (
            <PointsForm key={row.kind} row={row} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function PointsForm({ row }: { row: SanctionPointsRow }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canEdit } = useCan({ resource: "kpis", action: "edit" });
  const [points, setPoints] = useState<number | null>(row.points);
  const [problem, setProblem] = useState<"points" | null>(null);
  const save = useMutation({
    mutationFn: (p: number) => savePoints(row, p),
    onSuccess: () => {
      open?.({ type: "success", message: t("sanction_points.saved") });
      void invalidate({ resource: "sanction_points", invalidates: ["list"] });
    },
    onError: (e: Error) => open?.({ type: "error", message: t("sanction_points.failed"), description: e.message }),
  });
  const name = t(`violations.sanction.${row.kind}`);
  const id = `points-${row.kind}`;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const wrong = pointsProblem(points);
        setProblem(wrong);
        if (!wrong && points !== null) save.mutate(points);
      }}
    >
      <Space direction="vertical" size={4}>
        <label htmlFor={id}>{name}</label>
        <Space>
          <InputNumber
            id={id}
            min={0}
            max={1000}
            precision={0}
            value={points}
            onChange={(v) => setPoints(v)}
            disabled={!canEdit?.can}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-error` : undefined}
            style={{ width: 96 }}
          />
          {canEdit?.can && (
            <Button
              htmlType="submit"
              loading={save.isPending}
              disabled={points === row.points}
              aria-label={t("sanction_points.saveFor", { name })}
            >
              {t("buttons.save")}
            </Button>
          )}
        </Space>
        {problem && (
          <Typography.Text type="danger" id={`${id}-error`} role="alert">
            {t("sanction_points.errors.points")}
          </Typography.Text>
        )}
      </Space>
    </form>
  );
}
