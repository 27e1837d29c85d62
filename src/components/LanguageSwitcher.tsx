import { GlobalOutlined } from "@ant-design/icons";
import { useSetLocale } from "@refinedev/core";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { locales } from "../providers/i18n";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const setLocale = useSetLocale();
  return (
    <Select
      data-testid="language-switcher"
      aria-label={t("header.language")}
      value={i18n.language}
      onChange={(value: string) => setLocale(value)}
      suffixIcon={<GlobalOutlined aria-hidden />}
      style={{ minWidth: 130 }}
      options={locales.map((code) => ({ value: code, label: t(`languages.${code}`), "data-testid": `language-${code}` }))}
    />
  );
}
