// The top bar: the reminders bell, who is signed in and with which roles, the language
// switcher and the light/dark switch.
import { UserOutlined } from "@ant-design/icons";
import { useGetIdentity } from "@refinedev/core";
import { Avatar, Flex, Layout, Space, Tag, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Identity } from "../providers/authProvider";
import { localizedLabel } from "../providers/i18n";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { ReminderBell } from "./reminders/ReminderBell";
import { PreviewBanner } from "./access/PreviewBanner";
import { ThemeSwitch } from "./ThemeSwitch";

export function Header() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { data: identity } = useGetIdentity<Identity>();
  return (
    <div style={{ position: "sticky", top: 0, zIndex: 10 }}>
      <PreviewBanner />
      <Layout.Header
        style={{
          background: token.colorBgElevated,
          display: "flex",
          alignItems: "center",
          justifyContent: "flex-end",
          padding: "0 24px",
          height: 64,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Space size="middle" wrap>
          {identity && <ReminderBell />}
          {identity && (
            <Flex align="center" gap={8} data-testid="header-identity">
              <Avatar icon={<UserOutlined />} aria-hidden />
              <Link to="/me" aria-label={t("header.signedInAs", { name: identity.name })}>
                <Typography.Text strong data-testid="header-name">
                  {identity.name}
                </Typography.Text>
              </Link>
              <span aria-label={t("header.roles")} data-testid="header-roles">
                {identity.roles.length === 0 ? (
                  <Tag>{t("header.noRole")}</Tag>
                ) : (
                  identity.roles.map((role) => (
                    <Tag key={role.code} color="blue" data-testid={`role-tag-${role.code}`}>
                      {localizedLabel(role, i18n.language)}
                    </Tag>
                  ))
                )}
              </span>
            </Flex>
          )}
          <LanguageSwitcher />
          <ThemeSwitch />
        </Space>
      </Layout.Header>
    </div>
  );
}
