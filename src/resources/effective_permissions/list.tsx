// Effective permissions: pick a person, see every resource x action with the widest scope
// they hold and the roles that grant it (after the invariants); click a row for "why", with
// an optional record to judge.
import { useSelect, List } from "@refinedev/antd";
import { useGetIdentity, useList } from "@refinedev/core";
import { useQuery } from "@tanstack/react-query";
import { Button, Drawer, Empty, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { ExplanationView } from "../../components/access/Explanation";
import { labelOf, type Labelled } from "../../components/access/explain";
import { useAccessLabels } from "../../components/access/queries";
import type { Identity } from "../../providers/authProvider";
import { toAppError } from "../../providers/errors";
import type { Tables } from "../../types/database";
import { effectiveKey, effectiveRows, fetchEffectivePermissions, type Row } from "./queries";
import { loginSelect } from "../profiles/queries";

export default function EffectivePermissionsList() {
  const { t, i18n } = useTranslation();
  const { data: me } = useGetIdentity<Identity>();
  const [picked, setPicked] = useState<string | undefined>();
  const userId = picked ?? me?.id;
  const { selectProps } = useSelect<Tables<"profiles">>({
    resource: "profiles",
    optionLabel: (p) => `${p.full_name} <${p.email}>`,
    optionValue: "id",
    searchField: "full_name",
    meta: { select: loginSelect },
    pagination: { pageSize: 50 },
  });
  const labels = useAccessLabels();
  const pairs =
    useList<Tables<"resource_actions">>({ resource: "resource_actions", pagination: { mode: "off" } }).result?.data ??
    [];
  const [why, setWhy] = useState<{ resource: string; action: string } | null>(null);
  const [recordInput, setRecordInput] = useState("");
  const [record, setRecord] = useState<string | undefined>();
  const label = (list: Labelled[], code: string) =>
    labelOf(
      list.find((r) => r.code === code),
      i18n.language,
      code,
    );
  const query = useQuery({
    queryKey: effectiveKey(userId ?? ""),
    queryFn: () => fetchEffectivePermissions(userId!),
    enabled: Boolean(userId),
  });
  const rows = effectiveRows(pairs, query.data ?? [], labels);
  const openWhy = (row: Row) => {
    setWhy({ resource: row.resource, action: row.action });
    setRecordInput("");
    setRecord(undefined);
  };
  return (
    <List title={<PageTitle>{t("effective_permissions.title")}</PageTitle>} canCreate={false}>
      <Typography.Paragraph type="secondary">{t("effective_permissions.intro")}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Form.Item label={t("effective_permissions.person")} htmlFor="effective-person" style={{ maxWidth: 480 }}>
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
            placeholder={t("effective_permissions.person")}
          />
        </Form.Item>
      </Form>
      {query.isError && (
        <QueryError error={{ message: toAppError(query.error).message }} onRetry={() => void query.refetch()} />
      )}
      <Table<Row>
        dataSource={query.data ? rows : []}
        loading={query.isLoading}
        rowKey={(r) => `${r.resource}|${r.action}`}
        pagination={false}
        size="small"
        data-testid="effective-table"
        locale={{ emptyText: <Empty description={t("effective_permissions.none")} /> }}
        onRow={(r) =>
          ({
            "data-testid": `effective-${r.resource}-${r.action}`,
            "data-scope": r.effective?.scope ?? "none",
          }) as React.HTMLAttributes<HTMLElement>
        }
      >
        <Table.Column<Row>
          key="resource"
          title={t("role_permissions.resource")}
          render={(_, r) => label(labels.resources, r.resource)}
        />
        <Table.Column<Row>
          key="action"
          title={t("role_permissions.action")}
          render={(_, r) => label(labels.actions, r.action)}
        />
        <Table.Column<Row>
          key="scope"
          title={t("effective_permissions.scope")}
          render={(_, r) =>
            r.effective ? (
              <Tag color="blue">{t(`role_permissions.scopes.${r.effective.scope}`)}</Tag>
            ) : (
              <Tag>{t("role_permissions.scopes.none")}</Tag>
            )
          }
        />
        <Table.Column<Row>
          key="granted_by"
          title={t("effective_permissions.grantedBy")}
          render={(_, r) => r.effective?.granted_by.map((code) => <Tag key={code}>{label(labels.roles, code)}</Tag>)}
        />
        <Table.Column<Row>
          key="why"
          title={t("why.button")}
          render={(_, r) => (
            <Button size="small" type="link" onClick={() => openWhy(r)} data-testid={`why-${r.resource}-${r.action}`}>
              {t("why.button")}
            </Button>
          )}
        />
      </Table>
      <Drawer
        open={Boolean(why && userId)}
        onClose={() => setWhy(null)}
        width={560}
        title={
          why
            ? `${t("why.title")} — ${label(labels.resources, why.resource)} · ${label(labels.actions, why.action)}`
            : ""
        }
        data-testid="why-drawer"
      >
        {why && userId && (
          <Space direction="vertical" style={{ width: "100%" }} size="middle">
            <Form layout="vertical" component={false}>
              <Form.Item label={t("why.recordLabel")} htmlFor="why-record" extra={t("why.recordHint")}>
                <Input.Search
                  id="why-record"
                  allowClear
                  value={recordInput}
                  onChange={(e) => setRecordInput(e.target.value)}
                  onSearch={(v) => setRecord(v.trim() || undefined)}
                  enterButton={t("why.check")}
                  data-testid="why-record"
                />
              </Form.Item>
            </Form>
            <ExplanationView userId={userId} resource={why.resource} action={why.action} record={record} />
          </Space>
        )}
      </Drawer>
    </List>
  );
}
