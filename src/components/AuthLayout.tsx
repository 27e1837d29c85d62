// The frame of the sign-in, forgot-password and update-password pages.
import { Card, Flex, Layout, Space, Typography, theme } from "antd";
import type { PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { ThemeSwitch } from "./ThemeSwitch";

export function AuthLayout({ title, children }: PropsWithChildren<{ title: string }>) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: "100vh", background: token.colorBgLayout }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <Space>
          <LanguageSwitcher />
          <ThemeSwitch />
        </Space>
      </Flex>
      <main id="main" style={{ display: "flex", justifyContent: "center", padding: "24px 16px" }}>
        <Card style={{ width: "100%", maxWidth: 420 }}>
          <Typography.Text type="secondary">{t("app.title")}</Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 4 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </Layout>
  );
}
