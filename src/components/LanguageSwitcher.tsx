// The three languages as one segmented control (a labelled radio group): light enough for
// the login page, and every choice visible at once.
import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { changeLocale, isLocale, locales } from "../providers/i18n";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      data-testid="language-switcher"
      aria-label={t("header.language")}
      value={i18n.language}
      onChange={(value) => {
        if (isLocale(value)) void changeLocale(value);
      }}
      options={locales.map((code) => ({
        value: code,
        label: (
          <span data-testid={`language-${code}`} lang={code}>
            {t(`languages.${code}`)}
          </span>
        ),
      }))}
    />
  );
}
