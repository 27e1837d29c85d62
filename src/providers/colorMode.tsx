// Light and dark mode, remembered, with Ant Design tokens adjusted for WCAG 2.1 AA
// contrast (the stock primary blue and secondary greys fall short of 4.5:1).
import { ConfigProvider, theme, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import esES from "antd/locale/es_ES";
import zhCN from "antd/locale/zh_CN";
import { createContext, useContext, useEffect, useMemo, useState, type PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";
import { rowExpandIcon } from "../components/RowExpandIcon";

export type ColorMode = "light" | "dark";
const storageKey = "panel.colorMode";

interface ColorModeValue {
  mode: ColorMode;
  setMode: (mode: ColorMode) => void;
}

const ColorModeContext = createContext<ColorModeValue>({ mode: "light", setMode: () => undefined });

export const useColorMode = () => useContext(ColorModeContext);

function initialMode(): ColorMode {
  const stored = localStorage.getItem(storageKey);
  if (stored === "light" || stored === "dark") return stored;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export const lightTheme: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: "#0958d9",
    colorLink: "#0958d9",
    // A hovered or pressed link must stay at 4.5:1 on white: the stock hover step (#579df2) reads 2.8.
    colorLinkHover: "#003eb3",
    colorLinkActive: "#002c8c",
    colorTextSecondary: "rgba(0, 0, 0, 0.70)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    colorTextDisabled: "rgba(0, 0, 0, 0.56)",
    colorError: "#cf1322",
    colorSuccess: "#237804",
    colorWarning: "#ad4e00",
    // Tag text (palette step 7) on its tint (step 1) must reach 4.5:1: the stock steps of
    // these hues do not (green 3.4, orange 3.3, gold 2.8...), the next darker ones do.
    cyan7: "#006d75",
    green7: "#237804",
    orange7: "#ad4e00",
    yellow7: "#876800",
    volcano7: "#ad2102",
    lime7: "#3f6600",
    gold7: "#874d00",
    borderRadius: 6,
  },
  components: {
    // Hovered and pressed tabs in a lighter blue read 4.2:1 on white: keep them dark enough.
    Tabs: { itemHoverColor: "#003eb3", itemActiveColor: "#003eb3", itemSelectedColor: "#0958d9" },
  },
};

export const darkTheme: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: "#1668dc",
    colorLink: "#69b1ff",
    colorLinkHover: "#91caff",
    colorLinkActive: "#91caff",
    colorTextSecondary: "rgba(255, 255, 255, 0.75)",
    colorTextTertiary: "rgba(255, 255, 255, 0.65)",
    colorTextDescription: "rgba(255, 255, 255, 0.65)",
    colorTextPlaceholder: "rgba(255, 255, 255, 0.55)",
    colorTextDisabled: "rgba(255, 255, 255, 0.55)",
    colorError: "#ff7875",
    colorSuccess: "#95de64",
    colorWarning: "#ffc069",
    // Tag text on its tint, as in light mode: the next lighter step where the stock one falls short.
    purple7: "#ab7ae0",
    red7: "#f37370",
    geekblue7: "#7f9ef3",
    borderRadius: 6,
  },
  components: {
    // Text in the primary blue reads 2.9:1 on dark backgrounds (selected menu entry, active
    // tab): a lighter blue, as links already use. Primary buttons keep white on the darker blue.
    Menu: { itemSelectedColor: "#69b1ff", subMenuItemSelectedColor: "#69b1ff" },
    Tabs: {
      itemSelectedColor: "#69b1ff",
      itemActiveColor: "#69b1ff",
      itemHoverColor: "#91caff",
      inkBarColor: "#69b1ff",
    },
  },
};

const antdLocales = { en: enUS, es: esES, "zh-CN": zhCN } as const;

/** The theme of a mode; someone who asked their system for less motion gets none (no zooms, fades or waves). */
export function themeFor(mode: ColorMode, reducedMotion: boolean): ThemeConfig {
  const base = mode === "dark" ? darkTheme : lightTheme;
  return reducedMotion ? { ...base, token: { ...base.token, motion: false } } : base;
}

const reducedMotionQuery = "(prefers-reduced-motion: reduce)";

/** Whether the system asks for reduced motion, following a change while the page is open. */
function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(reducedMotionQuery).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(reducedMotionQuery);
    if (!query) return undefined;
    const follow = (event: MediaQueryListEvent) => setReduced(event.matches);
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);
  return reduced;
}

export function ColorModeProvider({ children }: PropsWithChildren) {
  const [mode, setModeState] = useState<ColorMode>(initialMode);
  const reducedMotion = usePrefersReducedMotion();
  const { t, i18n } = useTranslation();
  const setMode = (next: ColorMode) => {
    localStorage.setItem(storageKey, next);
    setModeState(next);
  };
  useEffect(() => {
    document.documentElement.dataset.colorMode = mode;
    document.documentElement.style.colorScheme = mode;
    document.body.style.background = mode === "dark" ? "#141414" : "#f5f5f5";
  }, [mode]);
  const value = useMemo(() => ({ mode, setMode }), [mode]);
  const locale = antdLocales[i18n.language as keyof typeof antdLocales] ?? enUS;
  const table = useMemo(
    () => ({
      expandable: { expandIcon: rowExpandIcon({ expand: t("table.expandRow"), collapse: t("table.collapseRow") }) },
    }),
    [t],
  );
  return (
    <ColorModeContext.Provider value={value}>
      <ConfigProvider
        theme={themeFor(mode, reducedMotion)}
        wave={{ disabled: reducedMotion }}
        locale={locale}
        table={table}
      >
        {children}
      </ConfigProvider>
    </ColorModeContext.Provider>
  );
}
