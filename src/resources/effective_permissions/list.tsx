// Effective permissions: pick a person, see every resource x action they can use, with
// the widest scope and the roles that grant it (after the invariants).
import { List, useSelect } from "@refinedev/antd";
import { useGetIdentity, useList } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Empty, Form, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { Identity } from "../../providers/authProvider";
import { toAppError } from "../../providers/errors";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { effectiveKey, fetchEffectivePermissions, type EffectiveRow } from "./queries";

export default function EffectivePermissions() {
  const { t, i18n } = useTranslation();
  const { data: me } = useGetIdentity<Identity>();
  const [picked, setPicked] = useState<string | undefined>();
  const userId = picked ?? me?.id;
  const { selectProps } = useSelect<Tables<"profiles">>({
    resource: "profiles",
    optionLabel: (p) => `${p.full_name} <${p.email}>`,
    optionValue: "id",
    searchField: "full_name",
    meta: { select: "id, full_name, email" },
    pagination: { pageSize: 50 },
  });
  const labels = {
    resources: useList<Tables<"resources">>({ resource: "resources", pagination: { mode: "off" } }).result?.data ?? [],
    actions: useList<Tables<"permission_actions">>({ resource: "permission_actions", pagination: { mode: "off" } }).result?.data ?? [],
    roles: useList<Tables<"app_roles">>({ resource: "app_roles", pagination: { mode: "off" }, meta: { idColumnName: "code" } }).result?.data ?? [],
  };
  const label = (list: { code: string; label_en: string; label_es: string; label_zh: string }[], code: string) => {
    const row = list.find((r) => r.code === code);
    return row ? localizedLabel(row, i18n.language) : code;
  };
  const query = useQuery({ queryKey: effectiveKey(userId ?? ""), queryFn: () => fetchEffectivePermissions(userId!), enabled: Boolean(userId) });
  return (
    <List title={<PageTitle>{t("effective.title")}</PageTitle>} canCreate={false}>
      <Typography.Paragraph type="secondary">{t("effective.intro")}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Form.Item label={t("effective.person")} htmlFor="effective-person" style={{ maxWidth: 480 }}>
          <Select<string>
            id="effective-person"
            data-testid="effective-person"
            options={selectProps.options as { label: string; value: string }[] | undefined}
            onSearch={selectProps.onSearch}
            filterOption={false}
            loading={selectProps.loading}
            value={picked ?? me?.id}
            onChange={setPicked}
            showSearch
            placeholder={t("effective.person")}
          />
        </Form.Item>
      </Form>
      {query.isError && <QueryError error={{ message: toAppError(query.error).message }} onRetry={() => void query.refetch()} />}
      <Table<EffectiveRow>
        dataSource={query.data ?? []}
        loading={query.isLoading}
        rowKey={(r) => `${r.resource}|${r.action}`}
        pagination={false}
        size="small"
        data-testid="effective-table"
        locale={{ emptyText: <Empty description={t("effective.none")} /> }}
        onRow={(r) => ({ "data-testid": `effective-${r.resource}-${r.action}` }) as React.HTMLAttributes<HTMLElement>}
      >
        <Table.Column<EffectiveRow> key="resource" title={t("matrix.resource")} render={(_, r) => label(labels.resources, r.resource)} />
        <Table.Column<EffectiveRow> key="action" title={t("matrix.action")} render={(_, r) => label(labels.actions, r.action)} />
        <Table.Column<EffectiveRow> key="scope" title={t("effective.scope")} render={(_, r) => <Tag color="blue">{t(`matrix.scopes.${r.scope}`)}</Tag>} />
        <Table.Column<EffectiveRow> key="granted_by" title={t("effective.grantedBy")} render={(_, r) => r.granted_by.map((code) => <Tag key={code}>{label(labels.roles, code)}</Tag>)} />
      </Table>
    </List>
  );
}
