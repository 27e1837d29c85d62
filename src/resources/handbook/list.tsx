// The handbook: "the sales department management system" written from the data it describes
// (purpose and scope, the org chart, each position's responsibilities, the rules by chapter
// with their sanction ladders, the evaluation system, the visit rules and the discount
// authority), as in force on a chosen day, in the reader's language. It prints on clean A4
// pages (no menu or header, each chapter on a new page); the browser's print dialog saves it
// as a PDF; "Download PDF" writes one in the browser from what the page shows (see pdf.ts).
import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useQuery } from "@tanstack/react-query";
import { App, Button, DatePicker, Empty, Select, Skeleton, Space, theme, Typography } from "antd";
import dayjs from "dayjs";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { PlainTable } from "../../components/PlainTable";
import { QueryError } from "../../components/QueryError";
import { Markdown } from "../../components/rulebook/Markdown";
import { LadderTable } from "../../components/rulebook/RuleBits";
import { saveFile } from "../../utils/download";
import { formatDate, formatMoney, today } from "../../utils/format";
import { CompareEditions, editionName, PublishEdition, useEditions } from "./editions";
import {
  chapters,
  fetchEdition,
  fetchHandbook,
  pick,
  pickText,
  positionTree,
  rulesByCategory,
  type Chapter,
  type Handbook,
  type HandbookKpi,
  type PositionNode,
} from "./queries";
import { blocksFrom } from "./pdfBlocks";

// Printing: only the handbook, on A4, each chapter from a new page.
const printStyle = `
@page { size: A4; margin: 18mm 16mm; }
@media print {
  .ant-layout-sider, .ant-layout-header, [data-print="hide"] { display: none !important; }
  .ant-layout, .ant-layout-content, main { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .handbook { color: #000; font-size: 11pt; }
  .handbook-chapter { break-before: page; }
  .handbook-chapter:first-of-type { break-before: auto; }
  .handbook h3, .handbook h4 { break-after: avoid; }
  .handbook table { break-inside: avoid; }
}
@media screen {
  /* The reference department's handbook is a few hundred pages: the browser lays out and paints
     a chapter when it comes near the screen, not all of them before the first one shows. */
  .handbook-chapter { content-visibility: auto; contain-intrinsic-size: auto 1600px; }
}`;

function Chapter({ id, n, children }: { id: Chapter; n: number; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section id={`handbook-${id}`} className="handbook-chapter" aria-labelledby={`handbook-${id}-title`}>
      <Typography.Title level={2} id={`handbook-${id}-title`}>
        {n}. {t(`handbook.chapters.${id}`)}
      </Typography.Title>
      {children}
    </section>
  );
}

function OrgTree({ nodes, language }: { nodes: PositionNode[]; language: string }) {
  const { t } = useTranslation();
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.position.id}>
          {pick(n.position, "title", language)} ({t("handbook.headcount", { count: n.position.headcount })})
          {n.children.length > 0 && <OrgTree nodes={n.children} language={language} />}
        </li>
      ))}
    </ul>
  );
}

function HowMeasured({ kpi, handbook }: { kpi: HandbookKpi; handbook: Handbook }) {
  const { t, i18n } = useTranslation();
  const measure = handbook.measures.find((m) => m.code === kpi.measure_code);
  if (measure) return <>{pick(measure, "name", i18n.language)}</>;
  return <>{kpi.kind === "qualitative" ? t("handbook.scale", { max: kpi.scale_max ?? "—" }) : t("handbook.entered")}</>;
}

/**
 * Headings and notes repeated for every position, rule and template: plain elements in the
 * theme's colours (Typography's components cost more each, and there are hundreds).
 */
function useDocumentStyles() {
  const { token } = theme.useToken();
  const heading = (fontSize: number): React.CSSProperties => ({
    fontSize,
    fontWeight: 600,
    lineHeight: 1.4,
    margin: "20px 0 8px",
    color: token.colorTextHeading,
  });
  return {
    h3: heading(token.fontSizeHeading3),
    h4: heading(token.fontSizeHeading4),
    muted: { color: token.colorTextSecondary, marginBottom: 8 } satisfies React.CSSProperties,
  };
}

function Body({ handbook }: { handbook: Handbook }) {
  const { t, i18n } = useTranslation();
  const styles = useDocumentStyles();
  const lang = i18n.language;
  const groups = rulesByCategory(handbook);
  const positionTitle = (idOrCode: string) => {
    const p = handbook.positions.find((x) => x.id === idOrCode || x.code === idOrCode);
    return p ? pick(p, "title", lang) : idOrCode;
  };
  const kpiOf = (id: string) => handbook.kpis.find((k) => k.id === id);
  return (
    <>
      <nav aria-label={t("handbook.contents")} data-print="keep">
        <Typography.Title level={2}>{t("handbook.contents")}</Typography.Title>
        <ol>
          {chapters.map((c) => (
            <li key={c}>
              <a href={`#handbook-${c}`}>{t(`handbook.chapters.${c}`)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Chapter id="purpose" n={1}>
        <Typography.Paragraph>{t("handbook.purpose")}</Typography.Paragraph>
        <Typography.Paragraph>
          {t("handbook.scope", {
            positions: handbook.positions.length,
            rules: handbook.rules.length,
            chapters: groups.length,
            kpis: handbook.kpis.length,
          })}
        </Typography.Paragraph>
      </Chapter>

      <Chapter id="organisation" n={2}>
        <OrgTree nodes={positionTree(handbook.positions)} language={lang} />
      </Chapter>

      <Chapter id="responsibilities" n={3}>
        {handbook.positions.map((p) => (
          <div key={p.id}>
            <h3 style={styles.h3}>{pick(p, "title", lang)}</h3>
            {p.responsibilities.length === 0 ? (
              <p className="handbook-muted" style={styles.muted}>
                {t("handbook.noResponsibilities")}
              </p>
            ) : (
              <ol>
                {p.responsibilities.map((r, i) => (
                  <li key={i}>{pickText(r, lang)}</li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </Chapter>

      <Chapter id="rules" n={4}>
        {groups.length === 0 && <Empty description={t("handbook.noRules")} />}
        {groups.map(({ category, rules }, ci) => (
          <div key={category.id}>
            <Typography.Title level={3}>
              4.{ci + 1}. {pick(category, "label", lang)}
            </Typography.Title>
            {rules.map((r) => (
              <article key={r.code} aria-labelledby={`rule-${r.code}`}>
                <h4 id={`rule-${r.code}`} style={styles.h4}>
                  {r.code} {pick(r, "title", lang)}
                </h4>
                <p className="handbook-muted" style={styles.muted}>
                  {t("handbook.ruleVersion", { version: r.version_number, date: formatDate(r.effective_date, lang) })}{" "}
                  {r.applies_to_all_positions || r.positions.length === 0
                    ? t("handbook.appliesToAll")
                    : t("handbook.appliesTo", { positions: r.positions.map(positionTitle).join(", ") })}
                </p>
                <Markdown source={pick(r, "body", lang)} />
                <LadderTable steps={r.sanctions} plain />
              </article>
            ))}
          </div>
        ))}
      </Chapter>

      <Chapter id="evaluation" n={5}>
        <Typography.Paragraph>{t("handbook.periods")}</Typography.Paragraph>
        <Typography.Title level={3}>{t("handbook.kpis")}</Typography.Title>
        <PlainTable<HandbookKpi>
          rowKey={(k) => k.id}
          rows={handbook.kpis}
          columns={[
            { key: "name", title: t("handbook.columns.kpi"), render: (k) => pick(k, "name", lang) },
            { key: "unit", title: t("handbook.columns.unit"), render: (k) => t(`kpis.unit.${k.unit}`) },
            {
              key: "direction",
              title: t("handbook.columns.direction"),
              render: (k) => t(`kpis.direction.${k.direction}`),
            },
            {
              key: "how",
              title: t("handbook.columns.measured"),
              render: (k) => <HowMeasured kpi={k} handbook={handbook} />,
            },
            {
              key: "year",
              title: t("handbook.columns.yearEnd"),
              render: (k) => t(`kpis.yearAggregation.${k.year_aggregation}`),
            },
          ]}
        />
        <Typography.Title level={3}>{t("handbook.templates")}</Typography.Title>
        {handbook.templates.length === 0 && <Typography.Paragraph>{t("handbook.noTemplates")}</Typography.Paragraph>}
        {handbook.templates.map((tpl) => (
          <div key={tpl.position_id}>
            <h4 style={styles.h4}>
              {positionTitle(tpl.position_id)}: {tpl.name} (
              {t("handbook.since", { date: formatDate(tpl.valid_from, lang) })})
            </h4>
            <PlainTable
              rowKey={(row) => String(row.kpi_id)}
              rows={tpl.kpis}
              columns={[
                {
                  key: "kpi",
                  title: t("handbook.columns.kpi"),
                  render: (l) => {
                    const k = kpiOf(l.kpi_id);
                    return k ? pick(k, "name", lang) : "—";
                  },
                },
                {
                  key: "weight",
                  title: t("handbook.columns.weight"),
                  align: "right",
                  render: (l) => `${l.weight} %`,
                },
                {
                  key: "cap",
                  title: t("handbook.columns.cap"),
                  align: "right",
                  render: (l) => `${l.cap_percent} %`,
                },
                {
                  key: "floor",
                  title: t("handbook.columns.floor"),
                  align: "right",
                  render: (l) => (l.floor_percent === null ? "—" : `${l.floor_percent} %`),
                },
              ]}
            />
          </div>
        ))}
        <Typography.Title level={3}>{t("handbook.bands")}</Typography.Title>
        <PlainTable
          rowKey={(row) => String(row.code)}
          rows={handbook.bands}
          columns={[
            { key: "band", title: t("handbook.columns.band"), render: (b) => pick(b, "name", lang) },
            { key: "from", title: t("handbook.columns.fromScore"), align: "right", render: (b) => b.lower_bound },
            {
              key: "outcome",
              title: t("handbook.columns.outcome"),
              render: (b) => t(`rating_bands.outcome.${b.outcome}`),
            },
          ]}
        />
      </Chapter>

      <Chapter id="visits" n={6}>
        <PlainTable
          rowKey={(row) => String(row.code)}
          rows={handbook.tiers}
          columns={[
            { key: "tier", title: t("handbook.columns.tier"), render: (x) => pick(x, "name", lang) },
            {
              key: "interval",
              title: t("handbook.columns.visitEvery"),
              align: "right",
              render: (x) => (x.visit_interval_days === null ? t("handbook.noInterval") : x.visit_interval_days),
            },
            {
              key: "qualifies",
              title: t("handbook.columns.qualifies"),
              align: "right",
              render: (x) => formatMoney(x.min_previous_year_sales, lang),
            },
          ]}
        />
      </Chapter>

      <Chapter id="discounts" n={7}>
        <Typography.Paragraph>{t("handbook.discountRule")}</Typography.Paragraph>
        <PlainTable
          rowKey={(row) => String(row.id)}
          rows={handbook.positions}
          columns={[
            { key: "position", title: t("handbook.columns.position"), render: (p) => pick(p, "title", lang) },
            {
              key: "discount",
              title: t("handbook.columns.maxDiscount"),
              align: "right",
              render: (p) => `${p.max_discount_percent} %`,
            },
          ]}
        />
      </Chapter>
    </>
  );
}

/** Writes the handbook under `content` as a PDF and hands it to the browser to save. */
function DownloadPdf({
  content,
  name,
  ready,
}: {
  content: React.RefObject<HTMLDivElement>;
  name: string;
  ready: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!content.current) return;
    setBusy(true);
    try {
      const { handbookPdf } = await import("./pdf");
      const title = t("handbook.documentTitle");
      const bytes = await handbookPdf({
        title,
        language: i18n.language,
        blocks: blocksFrom(content.current),
        footer: (page, pages) => ({ left: title, right: t("handbook.pdfPage", { page, pages }) }),
      });
      saveFile(`${name}.pdf`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }));
    } catch (error) {
      void message.error(t("handbook.pdfFailed", { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={!ready} onClick={() => void download()}>
      {t("handbook.downloadPdf")}
    </Button>
  );
}

export default function HandbookPage() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(today());
  const [editionId, setEditionId] = useState<string>();
  const { canRead, editions, query: editionList } = useEditions();
  const live = useQuery({ queryKey: ["handbook", asOf], queryFn: () => fetchHandbook(asOf), enabled: !editionId });
  const edition = useQuery({
    queryKey: ["handbook_edition", editionId],
    queryFn: () => fetchEdition(editionId!),
    enabled: Boolean(editionId),
  });
  const q = editionId ? edition : live;
  const chosen = editions.find((e) => e.id === editionId);
  const content = useRef<HTMLDivElement>(null);
  const fileName = `${t("handbook.fileName")}-${chosen ? t("handbook.editionFile", { number: chosen.number }) : asOf}-${i18n.language}`;
  return (
    <List title={<PageTitle>{t("handbook.documentTitle")}</PageTitle>}>
      <style>{printStyle}</style>
      <Space wrap style={{ marginBottom: 16 }} data-print="hide">
        {canRead && (
          <Select
            aria-label={t("handbook.editions.shown")}
            style={{ minWidth: 260 }}
            value={editionId ?? "live"}
            loading={editionList.isLoading}
            options={[
              { value: "live", label: t("handbook.editions.live") },
              ...editions.map((e) => ({ value: e.id, label: editionName(e, t, i18n.language) })),
            ]}
            onChange={(v: string) => setEditionId(v === "live" ? undefined : v)}
          />
        )}
        <DatePicker
          aria-label={t("handbook.asOf")}
          allowClear={false}
          disabled={Boolean(editionId)}
          value={dayjs(asOf)}
          onChange={(d) => d && setAsOf(d.format("YYYY-MM-DD"))}
        />
        <PublishEdition
          asOf={asOf}
          onPublished={(e) => {
            void editionList.refetch();
            setEditionId(e.id);
          }}
        />
        <CompareEditions editions={editions} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("handbook.print")}
        </Button>
        <DownloadPdf content={content} name={fileName} ready={Boolean(q.data)} />
      </Space>
      <div className="handbook" lang={i18n.language} ref={content}>
        <Typography.Paragraph strong>
          {chosen
            ? t("handbook.editions.header", {
                number: chosen.number,
                date: formatDate(chosen.as_of, i18n.language),
                published: formatDate(chosen.published_at, i18n.language),
              })
            : t("handbook.inForceOn", { date: formatDate(asOf, i18n.language) })}
        </Typography.Paragraph>
        {chosen?.note && <Typography.Paragraph>{chosen.note}</Typography.Paragraph>}
        {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
        {q.isLoading ? <Skeleton active paragraph={{ rows: 12 }} /> : q.data && <Body handbook={q.data} />}
      </div>
    </List>
  );
}
