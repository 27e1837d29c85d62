// Editing a sanction ladder (of a rule or of a category): ordered levels with kind, fine
// amount, how long the sanction stays live, and notes in three languages.
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useCreate, useDelete, useList, useUpdate } from "@refinedev/core";
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Database, Tables } from "../../types/database";

type Level = Tables<"sanction_levels">;
type Kind = Database["public"]["Enums"]["sanction_kind"];
const kinds: Kind[] = ["verbal_warning", "written_warning", "fine", "demotion", "dismissal"];

interface Draft {
  id?: string;
  version?: number;
  level_order: number;
  kind: Kind;
  fine_amount: number | null;
  live_months: number;
  note_en: string;
  note_es: string;
  note_zh: string;
}

export function LadderEditor({
  owner,
  title,
  readOnly,
}: {
  owner: { regulation_id: string } | { category_id: string };
  title: string;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ownerField = "regulation_id" in owner ? "regulation_id" : "category_id";
  const ownerId = "regulation_id" in owner ? owner.regulation_id : owner.category_id;
  const { result, query } = useList<Level>({
    resource: "sanction_levels",
    filters: [{ field: ownerField, operator: "eq", value: ownerId }],
    sorters: [{ field: "level_order", order: "asc" }],
    pagination: { mode: "off" },
  });
  const { mutate: create } = useCreate();
  const { mutate: update } = useUpdate();
  const { mutate: remove } = useDelete();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const levels = result?.data ?? [];
  const done = {
    onSuccess: () => {
      setEditing(null);
      setError(null);
      void query.refetch();
    },
    onError: (e: { message: string }) => setError(e.message),
  };
  const save = () => {
    if (!editing) return;
    if (editing.kind === "fine" && !(editing.fine_amount && editing.fine_amount > 0))
      return setError(t("regulations.ladder.fineRequired"));
    const values = {
      level_order: editing.level_order,
      kind: editing.kind,
      fine_amount: editing.kind === "fine" ? editing.fine_amount : null,
      live_months: editing.live_months,
      note_en: editing.note_en,
      note_es: editing.note_es,
      note_zh: editing.note_zh,
    };
    if (editing.id)
      update(
        {
          resource: "sanction_levels",
          id: editing.id,
          values: { ...values, version: editing.version },
          successNotification: false,
        },
        done,
      );
    else
      create(
        { resource: "sanction_levels", values: { ...values, [ownerField]: ownerId }, successNotification: false },
        done,
      );
  };
  const note = (l: Level) =>
    (i18n.language === "es" ? l.note_es : i18n.language === "zh-CN" ? l.note_zh : l.note_en) || l.note_en;
  return (
    <Card
      size="small"
      title={title}
      data-testid="ladder-editor"
      extra={
        !readOnly && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid="ladder-add"
            onClick={() =>
              setEditing({
                level_order: (levels[levels.length - 1]?.level_order ?? 0) + 1,
                kind: "verbal_warning",
                fine_amount: null,
                live_months: 12,
                note_en: "",
                note_es: "",
                note_zh: "",
              })
            }
          >
            {t("regulations.ladder.add")}
          </Button>
        )
      }
    >
      {error && !editing && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Table<Level>
        size="small"
        rowKey="id"
        pagination={false}
        loading={query.isLoading}
        dataSource={levels}
        locale={{ emptyText: t("regulations.ladder.none") }}
        columns={[
          { key: "order", title: "#", dataIndex: "level_order", width: 50 },
          { key: "kind", title: t("regulations.ladder.kind"), render: (_, l) => t(`regulations.sanctions.${l.kind}`) },
          {
            key: "fine",
            title: t("regulations.ladder.fine"),
            render: (_, l) => (l.fine_amount ? String(l.fine_amount) : "—"),
          },
          {
            key: "live",
            title: t("regulations.ladder.live"),
            render: (_, l) => t("regulations.ladder.months", { count: l.live_months }),
          },
          { key: "note", title: t("regulations.ladder.note"), render: (_, l) => note(l) },
          ...(readOnly
            ? []
            : [
                {
                  key: "actions",
                  title: t("table.actions"),
                  render: (_: unknown, l: Level) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t("buttons.edit")}
                        onClick={() => setEditing({ ...l })}
                      />
                      <Popconfirm
                        title={t("regulations.ladder.deleteConfirm")}
                        okText={t("buttons.delete")}
                        cancelText={t("buttons.cancel")}
                        onConfirm={() =>
                          remove({ resource: "sanction_levels", id: l.id, successNotification: false }, done)
                        }
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("buttons.delete")} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      <Modal
        open={Boolean(editing)}
        title={t("regulations.ladder.level")}
        onCancel={() => {
          setEditing(null);
          setError(null);
        }}
        onOk={save}
        okText={t("buttons.save")}
        cancelText={t("buttons.cancel")}
        okButtonProps={{ ...({ "data-testid": "ladder-save" } as Record<string, string>) }}
      >
        {editing && (
          <Form layout="vertical" component={false}>
            {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 8 }} />}
            <Form.Item label={t("regulations.ladder.order")} htmlFor="ladder-order">
              <InputNumber
                id="ladder-order"
                min={1}
                max={20}
                precision={0}
                value={editing.level_order}
                onChange={(v) => setEditing({ ...editing, level_order: v ?? 1 })}
              />
            </Form.Item>
            <Form.Item label={t("regulations.ladder.kind")} htmlFor="ladder-kind">
              <Select
                id="ladder-kind"
                value={editing.kind}
                onChange={(v) => setEditing({ ...editing, kind: v })}
                options={kinds.map((k) => ({ value: k, label: t(`regulations.sanctions.${k}`) }))}
              />
            </Form.Item>
            {editing.kind === "fine" && (
              <Form.Item label={t("regulations.ladder.fine")} htmlFor="ladder-fine" required>
                <InputNumber
                  id="ladder-fine"
                  min={0.01}
                  max={9999999}
                  precision={2}
                  value={editing.fine_amount}
                  onChange={(v) => setEditing({ ...editing, fine_amount: v })}
                  style={{ width: 200 }}
                />
              </Form.Item>
            )}
            <Form.Item label={t("regulations.ladder.live")} htmlFor="ladder-live">
              <InputNumber
                id="ladder-live"
                min={1}
                max={120}
                precision={0}
                value={editing.live_months}
                onChange={(v) => setEditing({ ...editing, live_months: v ?? 12 })}
                addonAfter={t("regulations.ladder.monthsUnit")}
              />
            </Form.Item>
            {(["en", "es", "zh"] as const).map((lang) => (
              <Form.Item
                key={lang}
                label={`${t("regulations.ladder.note")} (${t(`positions.languages.${lang}`)})`}
                htmlFor={`ladder-note-${lang}`}
              >
                <Input
                  id={`ladder-note-${lang}`}
                  maxLength={500}
                  value={editing[`note_${lang}`]}
                  onChange={(e) => setEditing({ ...editing, [`note_${lang}`]: e.target.value })}
                />
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </Card>
  );
}
