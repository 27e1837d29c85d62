// The rulebook: every rule the person may read (HR and auditors: drafts too), with
// filters, and a search over codes, titles and bodies in all three languages that shows
// where the words matched.
import { CreateButton, ShowButton, useTable, List } from "@refinedev/antd";
import { useList, type CrudFilter } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Input, List as AntList, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { FallbackMark, StatusTag } from "../../components/rulebook/RuleBits";
import { toAppError } from "../../providers/errors";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import {
  highlightParts,
  listTitle,
  localized,
  regulationListSelect,
  searchRegulations,
  statuses,
  type RegulationListRow,
} from "./queries";
import { TableFilterForm } from "../../components/TableFilterForm";

export function Highlighted({ text, term }: { text: string; term: string }) {
  return (
    <>
      {highlightParts(text, term).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

function SearchResults({ term }: { term: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["search_regulations", term],
    queryFn: () => searchRegulations(term),
    enabled: term.length > 0,
  });
  if (query.isError)
    return <QueryError error={{ message: toAppError(query.error).message }} onRetry={() => void query.refetch()} />;
  return (
    <AntList
      data-testid="rule-search-results"
      loading={query.isLoading}
      dataSource={query.data ?? []}
      locale={{ emptyText: <Empty description={t("regulations.search.none", { term })} /> }}
      renderItem={(hit) => {
        const title = localized(hit as unknown as Record<string, unknown>, "title", i18n.language);
        return (
          <AntList.Item key={hit.regulation_id} data-testid={`rule-hit-${hit.code}`}>
            <Space direction="vertical" style={{ width: "100%" }}>
              <Space wrap>
                <Link to={`/regulations/show/${hit.regulation_id}`}>
                  <Tag>
                    <Highlighted text={hit.code} term={term} />
                  </Tag>
                  <Highlighted text={title.text} term={term} />
                </Link>
                {title.fallback && <FallbackMark />}
                <StatusTag status={hit.status} />
                {hit.is_draft ? (
                  <Tag>{t("regulations.draftText")}</Tag>
                ) : hit.version_number ? (
                  <Tag>{t("regulations.versionN", { n: hit.version_number })}</Tag>
                ) : null}
              </Space>
              {hit.snippet && (
                <Typography.Text type="secondary" data-testid="rule-hit-snippet">
                  <Highlighted text={hit.snippet} term={term} />
                </Typography.Text>
              )}
            </Space>
          </AntList.Item>
        );
      }}
    />
  );
}

export default function RegulationsList() {
  const { t, i18n } = useTranslation();
  const [term, setTerm] = useState("");
  const { result: categories } = useList<Tables<"regulation_categories">>({
    resource: "regulation_categories",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const { tableProps, tableQuery, filters, setFilters, searchFormProps } = useTable<RegulationListRow>({
    resource: "regulations",
    meta: { select: regulationListSelect },
    sorters: { initial: [{ field: "code", order: "asc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const value = (field: string) =>
    (filters.find((f) => "field" in f && f.field === field) as { value?: unknown } | undefined)?.value;
  const setFilter = (field: string, next: unknown) => {
    const others = filters.filter((f) => !("field" in f) || f.field !== field) as CrudFilter[];
    setFilters(
      next === undefined || next === null ? others : [...others, { field, operator: "eq", value: next } as CrudFilter],
      "replace",
    );
  };
  return (
    <List
      title={<PageTitle>{t("regulations.titles.list")}</PageTitle>}
      headerButtons={<CreateButton data-testid="rule-create" />}
    >
      <TableFilterForm form={searchFormProps.form} />
      <Space direction="vertical" style={{ width: "100%", marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton
          aria-label={t("regulations.search.label")}
          placeholder={t("regulations.search.placeholder")}
          onSearch={(v) => setTerm(v.trim())}
          data-testid="rule-search"
          style={{ maxWidth: 560 }}
        />
        {!term && (
          <Space wrap>
            <Select
              allowClear
              aria-label={t("regulations.fields.category_id")}
              placeholder={t("regulations.fields.category_id")}
              value={value("category_id") as string | undefined}
              onChange={(v?: string) => setFilter("category_id", v)}
              options={(categories?.data ?? []).map((c) => ({ value: c.id, label: localizedLabel(c, i18n.language) }))}
              style={{ width: 220 }}
            />
            <Select
              allowClear
              aria-label={t("regulations.fields.status")}
              placeholder={t("regulations.fields.status")}
              value={value("status") as string | undefined}
              onChange={(v?: string) => setFilter("status", v)}
              options={statuses.map((s) => ({ value: s, label: t(`regulations.status.${s}`) }))}
              style={{ width: 180 }}
            />
          </Space>
        )}
      </Space>
      {term ? (
        <>
          <Alert
            type="info"
            showIcon
            message={t("regulations.search.showing", { term })}
            style={{ marginBottom: 12 }}
          />
          <SearchResults term={term} />
        </>
      ) : (
        <>
          {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
          <Table<RegulationListRow>
            {...tableProps}
            rowKey="id"
            data-testid="rules-table"
            onRow={(r) => ({ "data-testid": `rule-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
          >
            <Table.Column<RegulationListRow>
              dataIndex="code"
              title={t("regulations.fields.code")}
              sorter
              render={(c: string) => <Tag>{c}</Tag>}
            />
            <Table.Column<RegulationListRow>
              key="title"
              title={t("regulations.fields.title")}
              render={(_, r) => {
                const title = listTitle(r, i18n.language);
                return (
                  <Space>
                    <Link to={`/regulations/show/${r.id}`}>{title.text}</Link>
                    {title.fallback && <FallbackMark />}
                  </Space>
                );
              }}
            />
            <Table.Column<RegulationListRow>
              key="category"
              title={t("regulations.fields.category_id")}
              render={(_, r) =>
                r.regulation_categories ? localizedLabel(r.regulation_categories, i18n.language) : "—"
              }
            />
            <Table.Column<RegulationListRow>
              dataIndex="status"
              title={t("regulations.fields.status")}
              sorter
              render={(s: RegulationListRow["status"], r) => <StatusTag status={s} inForce={r.current_version} />}
            />
            <Table.Column<RegulationListRow>
              dataIndex="effective_date"
              title={t("regulations.fields.effective_date")}
              sorter
              render={(d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language) : "—")}
            />
            <Table.Column<RegulationListRow>
              key="actions"
              title={t("table.actions")}
              render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.show")} />}
            />
          </Table>
        </>
      )}
    </List>
  );
}
