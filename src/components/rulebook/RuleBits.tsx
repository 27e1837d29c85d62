// Small shared pieces of the rulebook UI: status tag, untranslated marker, sanction ladder.
import { Table, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Database } from "../../types/database";
import { PlainTable, type PlainColumn } from "../PlainTable";

type Status = Database["public"]["Enums"]["regulation_status"];
const statusColor: Record<Status, string> = { draft: "default", in_review: "gold", published: "green", retired: "red" };

export function StatusTag({ status, inForce }: { status: Status; inForce?: number | null }) {
  const { t } = useTranslation();
  return (
    <span data-testid="rule-status">
      <Tag color={statusColor[status]}>{t(`regulations.status.${status}`)}</Tag>
      {inForce && status !== "published" && status !== "retired" ? (
        <Tag color="green">{t("regulations.inForce", { n: inForce })}</Tag>
      ) : null}
    </span>
  );
}

export function FallbackMark() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("regulations.untranslated")}>
      <Tag data-testid="untranslated-mark" aria-label={t("regulations.untranslated")}>
        EN
      </Tag>
    </Tooltip>
  );
}

export interface LadderStep {
  level_order: number;
  kind: string;
  fine_amount: number | null;
  live_months: number;
  note_en: string;
  note_es: string;
  note_zh: string;
  inherited?: boolean;
}

/** A rule's sanction ladder; `plain` draws it as a plain table (the handbook shows hundreds). */
export function LadderTable({ steps, testId, plain }: { steps: LadderStep[]; testId?: string; plain?: boolean }) {
  const { t, i18n } = useTranslation();
  const note = (s: LadderStep) =>
    (i18n.language === "es" ? s.note_es : i18n.language === "zh-CN" ? s.note_zh : s.note_en) || s.note_en;
  const columns: PlainColumn<LadderStep>[] = [
    { key: "order", title: "#", width: 50, render: (s) => s.level_order },
    { key: "kind", title: t("regulations.ladder.kind"), render: (s) => t(`regulations.sanctions.${s.kind}`) },
    {
      key: "fine",
      title: t("regulations.ladder.fine"),
      render: (s) =>
        s.fine_amount ? new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2 }).format(s.fine_amount) : "—",
    },
    {
      key: "live",
      title: t("regulations.ladder.live"),
      render: (s) => t("regulations.ladder.months", { count: s.live_months }),
    },
    { key: "note", title: t("regulations.ladder.note"), render: (s) => note(s) },
  ];
  if (plain)
    return (
      <PlainTable
        columns={columns}
        rows={steps}
        rowKey={(s) => String(s.level_order)}
        empty={t("regulations.ladder.none")}
        testId={testId}
      />
    );
  return (
    <Table<LadderStep>
      size="small"
      pagination={false}
      rowKey="level_order"
      dataSource={steps}
      data-testid={testId}
      locale={{ emptyText: t("regulations.ladder.none") }}
      columns={columns.map((c) => ({ key: c.key, title: c.title, width: c.width, render: (_, s) => c.render(s) }))}
    />
  );
}
