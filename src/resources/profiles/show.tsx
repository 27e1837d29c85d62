import { Show } from "../../components/crud";
import { PreviewButton } from "../../components/access/PreviewButton";
import { useGetIdentity, useShow } from "@refinedev/core";
import { Badge, Col, Descriptions, Row, Space } from "antd";
import { useTranslation } from "react-i18next";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import type { Identity } from "../../providers/authProvider";
import { LoginActions } from "./login-actions";
import { userSelect, type ProfileRow } from "./queries";
import { UserRolesCard } from "./roles-card";
import { RecordEditButton } from "../../components/access/RecordButtons";

export default function ProfilesShow() {
  const { t, i18n } = useTranslation();
  const { data: me } = useGetIdentity<Identity>();
  const { query } = useShow<ProfileRow>({ resource: "profiles", meta: { select: userSelect } });
  const user = query.data?.data;
  const isSelf = Boolean(user && me && user.id === me.id);
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.language) : "—");
  return (
    <Show
      title={<PageTitle>{user?.full_name ?? t("profiles.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      headerButtons={() =>
        user ? (
          <Space>
            <PreviewButton userId={user.id} />
            <RecordEditButton id={user.id} />
          </Space>
        ) : null
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {user && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Descriptions bordered column={1} size="small" data-testid="user-details">
              <Descriptions.Item label={t("profiles.fields.email")}>{user.email}</Descriptions.Item>
              <Descriptions.Item label={t("profiles.fields.is_active")}>
                <Badge
                  status={user.is_active ? "success" : "default"}
                  text={user.is_active ? t("me.status.active") : t("me.status.inactive")}
                  data-testid="user-status"
                />
              </Descriptions.Item>
              <Descriptions.Item label={t("profiles.fields.status_changed_at")}>
                {date(user.status_changed_at)}
              </Descriptions.Item>
              <Descriptions.Item label={t("profiles.fields.preferred_locale")}>
                {t(`languages.${user.preferred_locale}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t("profiles.fields.created_at")}>{date(user.created_at)}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24} lg={12}>
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <UserRolesCard userId={user.id} isSelf={isSelf} />
              </Col>
              <Col span={24}>
                <LoginActions userId={user.id} isActive={user.is_active} isSelf={isSelf} />
              </Col>
            </Row>
          </Col>
          <Col span={24}>
            <HistoryTab table="profiles" recordId={user.id} />
          </Col>
        </Row>
      )}
    </Show>
  );
}
