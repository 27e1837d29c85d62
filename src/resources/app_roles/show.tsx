import { Show } from "../../components/crud";
import { useShow } from "@refinedev/core";
import { Descriptions, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { HistoryTab } from "../../components/HistoryTab";
import { localizedLabel } from "../../providers/i18n";
import { roleMeta, roleSelect, type RoleRow } from "./queries";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";

export default function AppRolesShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<RoleRow>({ resource: "app_roles", meta: { ...roleMeta, select: roleSelect } });
  const role = query.data?.data;
  return (
    <Show
      title={<PageTitle>{role ? localizedLabel(role, i18n.language) : t("app_roles.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          {role && <RecordEditButton id={role.code} />}
          {role && !role.built_in && (
            <RecordDeleteButton
              id={role.code}
              meta={roleMeta}
              confirmTitle={t("app_roles.deleteConfirm", { code: role.code })}
            />
          )}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {role && (
        <>
          <Descriptions bordered column={1} data-testid="role-details">
            <Descriptions.Item label={t("app_roles.fields.code")}>
              <code>{role.code}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t("app_roles.fields.label_en")}>{role.label_en}</Descriptions.Item>
            <Descriptions.Item label={t("app_roles.fields.label_es")}>{role.label_es}</Descriptions.Item>
            <Descriptions.Item label={t("app_roles.fields.label_zh")}>{role.label_zh}</Descriptions.Item>
            <Descriptions.Item label={t("app_roles.fields.description")}>{role.description || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("app_roles.fields.built_in")}>
              {role.built_in ? <Tag color="blue">{t("app_roles.builtIn")}</Tag> : <Tag>{t("app_roles.custom")}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <HistoryTab table="app_roles" recordId={role.code} />
        </>
      )}
    </Show>
  );
}
