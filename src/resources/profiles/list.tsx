import { CreateButton, ShowButton, useTable, List } from "@refinedev/antd";
import { PreviewButton } from "../../components/access/PreviewButton";
import { useList, type CrudFilter } from "@refinedev/core";
import { Badge, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { localizedLabel } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { userListSelect, userListSelectByRole, type UserListRow } from "./queries";
import { TableFilterForm } from "../../components/TableFilterForm";
import { roleLabelSelect } from "../app_roles/queries";

export default function ProfilesList() {
  const { t, i18n } = useTranslation();
  const { result: roles } = useList<Tables<"app_roles">>({
    resource: "app_roles",
    pagination: { mode: "off" },
    meta: { select: roleLabelSelect },
  });
  const roleLabel = (code: string) => {
    const role = roles?.data?.find((r) => r.code === code);
    return role ? localizedLabel(role, i18n.language) : code;
  };
  // Filtering on a role needs the inner-joined select, so the role filter is page state.
  const [roleFilter, setRoleFilter] = useState<string | undefined>();
  const { tableProps, tableQuery, filters, setFilters, searchFormProps } = useTable<UserListRow>({
    resource: "profiles",
    meta: { select: roleFilter ? userListSelectByRole : userListSelect },
    filters: { permanent: roleFilter ? [{ field: "user_roles.role_code", operator: "eq", value: roleFilter }] : [] },
    sorters: { initial: [{ field: "full_name", order: "asc" }] },
    pagination: { pageSize: 25 },
    syncWithLocation: true,
  });
  const current = (field: string) =>
    (filters.find((f) => "field" in f && f.field === field) as { value?: unknown } | undefined)?.value;
  const setFilter = (field: string, operator: "eq" | "contains", value: unknown) => {
    const others = filters.filter((f) => !("field" in f) || f.field !== field) as CrudFilter[];
    setFilters(
      value === undefined || value === "" ? others : [...others, { field, operator, value } as CrudFilter],
      "replace",
    );
  };
  return (
    <List
      title={<PageTitle>{t("profiles.titles.list")}</PageTitle>}
      headerButtons={<CreateButton data-testid="user-create">{t("profiles.actions.createLogin")}</CreateButton>}
    >
      <TableFilterForm form={searchFormProps.form} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t("profiles.filters.search")}
          placeholder={t("profiles.filters.search")}
          data-testid="users-search"
          defaultValue={(current("full_name") as string | undefined) ?? ""}
          onSearch={(value) => setFilter("full_name", "contains", value.trim())}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          aria-label={t("profiles.filters.status")}
          placeholder={t("profiles.filters.status")}
          value={current("is_active") as boolean | undefined}
          onChange={(value) => setFilter("is_active", "eq", value)}
          options={[
            { value: true, label: t("me.status.active") },
            { value: false, label: t("me.status.inactive") },
          ]}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          aria-label={t("profiles.filters.role")}
          placeholder={t("profiles.filters.role")}
          value={roleFilter}
          onChange={(value?: string) => setRoleFilter(value)}
          options={(roles?.data ?? []).map((r) => ({ value: r.code, label: localizedLabel(r, i18n.language) }))}
          style={{ width: 200 }}
        />
      </Space>
      {tableQuery.isError && <QueryError error={tableQuery.error} onRetry={() => void tableQuery.refetch()} />}
      <Table
        {...tableProps}
        rowKey="id"
        data-testid="users-table"
        onRow={(row) => ({ "data-testid": `user-row-${row.email}` }) as React.HTMLAttributes<HTMLElement>}
      >
        <Table.Column<UserListRow> dataIndex="full_name" title={t("profiles.fields.full_name")} sorter />
        <Table.Column<UserListRow> dataIndex="email" title={t("profiles.fields.email")} sorter />
        <Table.Column<UserListRow>
          key="roles"
          title={t("profiles.fields.roles")}
          render={(_, row) =>
            row.user_roles.length ? (
              row.user_roles.map((r) => <Tag key={r.role_code}>{roleLabel(r.role_code)}</Tag>)
            ) : (
              <Tag>{t("header.noRole")}</Tag>
            )
          }
        />
        <Table.Column<UserListRow>
          dataIndex="is_active"
          title={t("profiles.fields.is_active")}
          render={(active: boolean) => (
            <Badge
              status={active ? "success" : "default"}
              text={active ? t("me.status.active") : t("me.status.inactive")}
            />
          )}
        />
        <Table.Column<UserListRow>
          key="actions"
          title={t("table.actions")}
          render={(_, row) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={row.id} aria-label={t("buttons.show")} />
              <PreviewButton userId={row.id} size="small" />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
