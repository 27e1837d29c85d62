// CSV import dialog: read the file, have the database check every row (in batches, with
// progress), show each bad row with its line, column and reason, and write only a file
// with no bad row — in one transaction, so it is all or nothing.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  batches,
  parseCsv,
  templateCsv,
  type ImportProblem,
  type ImportResult,
  type ImportRow,
} from "../utils/importCsv";
import { saveCsv } from "../utils/csv";

type Phase = "idle" | "reading" | "checking" | "writing" | "done" | "failed";

export interface CsvImportProps {
  open: boolean;
  onClose: () => void;
  title: string;
  headers: string[];
  templateName: string;
  run: (rows: ImportRow[], dryRun: boolean) => Promise<ImportResult>;
  onImported: (count: number) => void;
  batchSize?: number;
}

export function CsvImport({
  open,
  onClose,
  title,
  headers,
  templateName,
  run,
  onImported,
  batchSize = 2000,
}: CsvImportProps) {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [inserted, setInserted] = useState(0);

  const reset = () => {
    setPhase("idle");
    setProgress(0);
    setProblems([]);
    setMessage(null);
    setInserted(0);
  };

  const start = async (file: File) => {
    reset();
    setPhase("reading");
    const { rows, problems: syntax } = parseCsv(await file.text());
    if (syntax.length > 0) {
      setProblems(syntax);
      setPhase("failed");
      return;
    }
    if (rows.length === 0) {
      setMessage(t("csvImport.empty"));
      setPhase("failed");
      return;
    }
    try {
      setPhase("checking");
      const found: ImportProblem[] = [];
      const parts = batches(rows, batchSize);
      for (const [index, part] of parts.entries()) {
        const result = await run(part, true);
        found.push(...result.errors);
        setProgress(Math.round(((index + 1) / parts.length) * 100));
      }
      if (found.length > 0) {
        setProblems(found);
        setPhase("failed");
        return;
      }
      setPhase("writing");
      const result = await run(rows, false);
      if (!result.ok) {
        setProblems(result.errors);
        setPhase("failed");
        return;
      }
      setInserted(result.inserted);
      setPhase("done");
      onImported(result.inserted);
    } catch (error) {
      setMessage((error as Error).message);
      setPhase("failed");
    }
  };

  const downloadTemplate = () => saveCsv(templateName, templateCsv(headers));

  const busy = phase === "reading" || phase === "checking" || phase === "writing";
  return (
    <Modal
      open={open}
      title={title}
      onCancel={() => {
        if (!busy) {
          reset();
          onClose();
        }
      }}
      footer={
        <Button
          onClick={() => {
            reset();
            onClose();
          }}
          disabled={busy}
        >
          {t("buttons.close")}
        </Button>
      }
      width={760}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph>{t("csvImport.intro")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t("csvImport.columns")} <code>{headers.join(", ")}</code>{" "}
          <Button type="link" size="small" onClick={downloadTemplate}>
            {t("csvImport.template")}
          </Button>
        </Typography.Paragraph>
        <div data-testid="csv-import-dropzone">
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t("csvImport.drop")}</p>
          </Upload.Dragger>
        </div>
        {phase !== "idle" && (
          <div data-testid="csv-import-status" aria-live="polite">
            {phase === "reading" && <Typography.Text>{t("csvImport.reading")}</Typography.Text>}
            {phase === "checking" && (
              <>
                <Typography.Text>{t("csvImport.checking")}</Typography.Text>
                <Progress percent={progress} data-testid="csv-import-progress" />
              </>
            )}
            {phase === "writing" && (
              <>
                <Typography.Text>{t("csvImport.writing")}</Typography.Text>
                <Progress percent={100} status="active" />
              </>
            )}
            {phase === "done" && (
              <Alert
                type="success"
                showIcon
                message={t("csvImport.done", { count: inserted })}
                data-testid="csv-import-done"
              />
            )}
            {phase === "failed" && (
              <Alert
                type="error"
                showIcon
                role="alert"
                data-testid="csv-import-failed"
                message={problems.length > 0 ? t("csvImport.failed", { count: problems.length }) : t("csvImport.error")}
                description={message ?? t("csvImport.nothingWritten")}
              />
            )}
          </div>
        )}
        {problems.length > 0 && (
          <Table<ImportProblem>
            size="small"
            data-testid="csv-import-errors"
            rowKey={(p) => `${p.line}|${p.column}|${p.code}`}
            dataSource={problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { key: "line", title: t("csvImport.line"), dataIndex: "line", width: 80 },
              { key: "column", title: t("csvImport.column"), dataIndex: "column", width: 160 },
              {
                key: "message",
                title: t("csvImport.reason"),
                // The server's sentence names the value; other languages get the reason translated first.
                render: (_, p) =>
                  i18n.language.startsWith("en") || !i18n.exists(`csvImport.codes.${p.code}`)
                    ? p.message
                    : `${t(`csvImport.codes.${p.code}`)} (${p.message})`,
              },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
