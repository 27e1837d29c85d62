// Rating bands, highest first: each covers total scores from its lower bound up to the next
// band's, and says what follows (a reward proposed, nothing, or an improvement plan).
import { CreateButton, DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { useCan } from "@refinedev/core";
import { Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import type { BandOutcome } from "./form";
import { bandRanges } from "./ranges";

type Row = Tables<"rating_bands">;

const outcomeColor: Record<BandOutcome, string> = { reward: "green", none: "default", improvement_plan: "orange" };

export default function RatingBandsList() {
  const { t, i18n } = useTranslation();
  const { data: canCreate } = useCan({ resource: "rating_bands", action: "create" });
  const { data: canEdit } = useCan({ resource: "rating_bands", action: "edit" });
  const { data: canDelete } = useCan({ resource: "rating_bands", action: "delete" });
  const { tableProps, tableQuery } = useTable<Row>({
    resource: "rating_bands",
    sorters: { initial: [{ field: "lower_bound", order: "desc" }] },
    pagination: { mode: "off" },
    syncWithLocation: false,
  });
  const ranges = bandRanges(tableQuery.data?.data ?? []);
  return (
    <List
      title={<PageTitle>{t("rating_bands.titles.list")}</PageTitle>}
      headerButtons={canCreate?.can ? <CreateButton /> : null}
    >
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table<Row> {...tableProps} rowKey="id" size="small" locale={{ emptyText: t("rating_bands.none") }}>
        <Table.Column<Row>
          dataIndex="code"
          title={t("rating_bands.fields.code")}
          render={(c: string) => <code>{c}</code>}
        />
        <Table.Column<Row>
          key="name"
          title={t("rating_bands.fields.name_en")}
          render={(_, r) => localizedName(r, i18n.language)}
        />
        <Table.Column<Row>
          key="range"
          title={t("rating_bands.range")}
          render={(_, r) => {
            const range = ranges.get(r.id);
            return range?.upper === null
              ? t("rating_bands.fromUp", { from: range.lower.toFixed(2) })
              : t("rating_bands.fromTo", { from: range?.lower.toFixed(2), to: range?.upper?.toFixed(2) });
          }}
        />
        <Table.Column<Row>
          dataIndex="outcome"
          title={t("rating_bands.fields.outcome")}
          render={(o: BandOutcome) => <Tag color={outcomeColor[o]}>{t(`rating_bands.outcome.${o}`)}</Tag>}
        />
        {(canEdit?.can || canDelete?.can) && (
          <Table.Column<Row>
            key="actions"
            title={t("table.actions")}
            render={(_, r) => (
              <Space>
                {canEdit?.can && (
                  <EditButton hideText size="small" recordItemId={r.id} aria-label={t("buttons.edit")} />
                )}
                {canDelete?.can && (
                  <DeleteButton
                    hideText
                    size="small"
                    recordItemId={r.id}
                    confirmTitle={t("rating_bands.deleteConfirm")}
                    aria-label={t("buttons.delete")}
                  />
                )}
              </Space>
            )}
          />
        )}
      </Table>
    </List>
  );
}
