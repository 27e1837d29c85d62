import { MoonOutlined, SunOutlined } from "@ant-design/icons";
import { Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useColorMode } from "../providers/colorMode";

export function ThemeSwitch() {
  const { t } = useTranslation();
  const { mode, setMode } = useColorMode();
  return (
    <Switch
      data-testid="theme-switch"
      aria-label={t("header.theme")}
      checked={mode === "dark"}
      onChange={(checked) => setMode(checked ? "dark" : "light")}
      checkedChildren={<MoonOutlined aria-hidden />}
      unCheckedChildren={<SunOutlined aria-hidden />}
    />
  );
}
