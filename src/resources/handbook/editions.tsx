// Editions of the handbook: HR publishes the handbook as in force on the chosen day as the next
// numbered edition (frozen as it was); HR and the auditor open any edition and compare two of
// them, chapter by chapter.
import { DiffOutlined, FileDoneOutlined } from "@ant-design/icons";
import { useCan, useList, useNotification } from "@refinedev/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../utils/format";
import {
  changeLabel,
  compareEditions,
  editionListSelect,
  publishEdition,
  type EditionChange,
  type EditionRow,
} from "./queries";

export function useEditions() {
  const { data: canRead } = useCan({ resource: "handbook_editions", action: "list" });
  const { result, query } = useList<EditionRow>({
    resource: "handbook_editions",
    pagination: { mode: "off" },
    sorters: [{ field: "number", order: "desc" }],
    meta: { select: editionListSelect },
    queryOptions: { enabled: canRead?.can === true },
  });
  return { canRead: canRead?.can === true, editions: result?.data ?? [], query };
}

export function editionName(e: EditionRow, t: (key: string, values?: Record<string, unknown>) => string, lang: string) {
  return t("handbook.editions.name", { number: e.number, date: formatDate(e.as_of, lang) });
}

export function PublishEdition({ asOf, onPublished }: { asOf: string; onPublished: (e: EditionRow) => void }) {
  const { t, i18n } = useTranslation();
  const { open } = useNotification();
  const { data: canPublish } = useCan({ resource: "handbook_editions", action: "create" });
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState("");
  const publish = useMutation({
    mutationFn: () => publishEdition(asOf, note.trim()),
    onSuccess: (e) => {
      open?.({ type: "success", message: t("handbook.editions.published", { number: e.number }) });
      setOpened(false);
      setNote("");
      onPublished(e);
    },
    onError: (e) => open?.({ type: "error", message: t("handbook.editions.publishFailed"), description: e.message }),
  });
  if (!canPublish?.can) return null;
  return (
    <>
      <Button icon={<FileDoneOutlined />} onClick={() => setOpened(true)}>
        {t("handbook.editions.publish")}
      </Button>
      <Modal
        open={opened}
        title={t("handbook.editions.publishTitle")}
        okText={t("handbook.editions.publish")}
        confirmLoading={publish.isPending}
        onOk={() => publish.mutate()}
        onCancel={() => setOpened(false)}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("handbook.editions.publishExplained", { date: formatDate(asOf, i18n.language) })}
        />
        <Form layout="vertical">
          <Form.Item
            label={t("handbook.editions.note")}
            htmlFor="edition-note"
            validateStatus={note.length > 2000 ? "error" : undefined}
            help={note.length > 2000 ? t("handbook.editions.noteTooLong") : undefined}
          >
            <Input.TextArea
              id="edition-note"
              rows={3}
              maxLength={2000}
              showCount
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CompareEditions({ editions }: { editions: EditionRow[] }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const diff = useQuery({
    queryKey: ["handbook_edition_diff", from, to],
    queryFn: () => compareEditions(from!, to!),
    enabled: Boolean(opened && from && to && from !== to),
  });
  if (editions.length < 2) return null;
  const options = editions.map((e) => ({ value: e.id, label: editionName(e, t, i18n.language) }));
  const changeColor: Record<string, string> = { added: "green", removed: "red", changed: "gold" };
  return (
    <>
      <Button
        icon={<DiffOutlined />}
        onClick={() => {
          setFrom(from ?? editions[1]!.id);
          setTo(to ?? editions[0]!.id);
          setOpened(true);
        }}
      >
        {t("handbook.editions.compare")}
      </Button>
      <Modal
        open={opened}
        width={900}
        title={t("handbook.editions.compareTitle")}
        footer={<Button onClick={() => setOpened(false)}>{t("buttons.close")}</Button>}
        onCancel={() => setOpened(false)}
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t("handbook.editions.from")}
            style={{ minWidth: 260 }}
            value={from}
            options={options}
            onChange={setFrom}
          />
          <Select
            aria-label={t("handbook.editions.to")}
            style={{ minWidth: 260 }}
            value={to}
            options={options}
            onChange={setTo}
          />
        </Space>
        {diff.isError && <QueryError error={diff.error} onRetry={() => void diff.refetch()} />}
        {from === to ? (
          <Alert type="info" showIcon message={t("handbook.editions.same")} />
        ) : (
          <Table<EditionChange>
            size="small"
            rowKey={(c) => `${c.chapter}:${c.item}`}
            loading={diff.isLoading}
            dataSource={diff.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t("handbook.editions.noChanges") }}
            columns={[
              {
                key: "chapter",
                title: t("handbook.editions.chapter"),
                render: (_, c) => t(`handbook.editions.chapters.${c.chapter}`),
              },
              { key: "item", title: t("handbook.editions.item"), render: (_, c) => changeLabel(c, i18n.language) },
              {
                key: "change",
                title: t("handbook.editions.change"),
                render: (_, c) => <Tag color={changeColor[c.change]}>{t(`handbook.editions.changes.${c.change}`)}</Tag>,
              },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
