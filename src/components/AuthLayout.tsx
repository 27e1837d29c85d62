// The frame of the sign-in, forgot-password and update-password pages.
import { Flex, Layout, Space, theme } from "antd";
import { useEffect, type PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { ThemeSwitch } from "./ThemeSwitch";

export function AuthLayout({ title, children }: PropsWithChildren<{ title: string }>) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  useEffect(() => {
    document.title = `${title} | ${t("app.title")}`;
  }, [title, t]);
  return (
    <Layout style={{ minHeight: "100vh", background: token.colorBgLayout }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <Space>
          <LanguageSwitcher />
          <ThemeSwitch />
        </Space>
      </Flex>
      <main id="main" style={{ display: "flex", justifyContent: "center", padding: "24px 16px" }}>
        {/* A card drawn with theme tokens (antd's Card brings its tabs along). */}
        <div
          style={{
            width: "100%",
            maxWidth: 420,
            padding: 24,
            background: token.colorBgContainer,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
          }}
        >
          {/* Plain elements in theme colours: Typography would pull its editor into the login page. */}
          <span style={{ color: token.colorTextSecondary }}>{t("app.title")}</span>
          <h1
            style={{
              fontSize: 24,
              fontWeight: 600,
              lineHeight: 1.35,
              marginTop: 4,
              marginBottom: 16,
              color: token.colorTextHeading,
            }}
          >
            {title}
          </h1>
          {children}
        </div>
      </main>
    </Layout>
  );
}
