// Evaluation templates: per position, the version in force from each month, published or draft,
// with how many KPIs it weighs.
import { CreateButton, DeleteButton, EditButton, List, ShowButton, useTable } from "@refinedev/antd";
import { useCan } from "@refinedev/core";
import { Badge, Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { positionTitle } from "../positions/queries";
import { templateSelect, weightTotal, type TemplateWithLines } from "./queries";

export default function EvaluationTemplatesList() {
  const { t, i18n } = useTranslation();
  const { data: canCreate } = useCan({ resource: "evaluation_templates", action: "create" });
  const { data: canEdit } = useCan({ resource: "evaluation_templates", action: "edit" });
  const { data: canDelete } = useCan({ resource: "evaluation_templates", action: "delete" });
  const { tableProps, tableQuery } = useTable<TemplateWithLines>({
    resource: "evaluation_templates",
    meta: { select: templateSelect },
    sorters: { initial: [{ field: "valid_from", order: "desc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  return (
    <List
      title={<PageTitle>{t("evaluation_templates.titles.list")}</PageTitle>}
      headerButtons={canCreate?.can ? <CreateButton /> : null}
    >
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<TemplateWithLines>
        {...tableProps}
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("evaluation_templates.none") }}
      >
        <Table.Column<TemplateWithLines> dataIndex="name" title={t("evaluation_templates.fields.name")} sorter />
        <Table.Column<TemplateWithLines>
          key="position"
          title={t("evaluation_templates.fields.position_id")}
          render={(_, r) => positionTitle(r.position, i18n.language)}
        />
        <Table.Column<TemplateWithLines>
          dataIndex="valid_from"
          title={t("evaluation_templates.fields.valid_from")}
          sorter
          render={(d: string) => d.slice(0, 7)}
        />
        <Table.Column<TemplateWithLines>
          key="kpis"
          title={t("evaluation_templates.kpis")}
          align="right"
          render={(_, r) =>
            t("evaluation_templates.kpiCount", {
              count: r.lines.length,
              total: weightTotal(r.lines.map((l) => ({ weight: Number(l.weight) }))).toFixed(2),
            })
          }
        />
        <Table.Column<TemplateWithLines>
          dataIndex="published_at"
          title={t("evaluation_templates.fields.published_at")}
          render={(p: string | null) =>
            p ? (
              <Badge status="success" text={t("evaluation_templates.published")} />
            ) : (
              <Badge status="default" text={t("evaluation_templates.draft")} />
            )
          }
        />
        <Table.Column<TemplateWithLines>
          key="actions"
          title={t("table.actions")}
          render={(_, r) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.show")} />
              {canEdit?.can && <EditButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.edit")} />}
              {canDelete?.can && !r.published_at && (
                <DeleteButton
                  hideText
                  size="small"
                  recordItemId={r.id}
                  confirmTitle={t("evaluation_templates.deleteConfirm")}
                  aria-label={t("buttons.delete")}
                />
              )}
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
