// The side menu: Refine's menu tree (useMenu), filtered by the same access decision as the
// routes, drawn with Ant Design's `items` (Refine's ThemedSider uses Menu children, which
// Ant Design deprecates, and leaves its collapse and drawer buttons without a name).
import { BarsOutlined, LeftOutlined, LogoutOutlined, RightOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { useLogout, useMenu, useWarnAboutChange, type TreeMenuItem } from "@refinedev/core";
import { useThemedLayoutContext, type RefineThemedLayoutSiderProps } from "@refinedev/antd";
import { useQuery } from "@tanstack/react-query";
import { Button, Drawer, Grid, Layout, Menu, theme, type MenuProps } from "antd";
import { useEffect, useMemo, useState, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { accessControlProvider } from "../providers/accessControlProvider";
import { permissionStore } from "../providers/permissions";

type MenuItem = NonNullable<MenuProps["items"]>[number];

const leaves = (items: TreeMenuItem[]): TreeMenuItem[] =>
  items.flatMap((i) => (i.children.length ? leaves(i.children) : [i]));

/** The keys of the menu entries the signed-in person may open (refreshed when their permissions change). */
function useAllowedKeys(menuItems: TreeMenuItem[]): Set<string> | undefined {
  const [version, setVersion] = useState(0);
  useEffect(() => permissionStore.subscribe(() => setVersion((v) => v + 1)), []);
  const all = leaves(menuItems);
  const { data } = useQuery({
    queryKey: ["menu-access", version, all.map((i) => i.key).join(",")],
    queryFn: async () => {
      const decisions = await Promise.all(
        all.map(async (item) =>
          (await accessControlProvider.can!({ resource: item.name, action: "list", params: { resource: item } })).can
            ? item.key
            : null,
        ),
      );
      return new Set(decisions.filter((k): k is string => k !== null));
    },
    staleTime: 30_000,
  });
  return data;
}

function toItems(tree: TreeMenuItem[], allowed: Set<string>): MenuItem[] {
  return tree.flatMap((item): MenuItem[] => {
    const label = item.label ?? item.meta?.label ?? item.name;
    const icon = item.meta?.icon ?? <UnorderedListOutlined />;
    if (item.children.length > 0) {
      const children = toItems(item.children, allowed);
      return children.length ? [{ key: item.key, icon, label, children }] : [];
    }
    if (!allowed.has(item.key)) return [];
    return [{ key: item.key, icon, label: <Link to={item.list ?? "/"}>{label}</Link> }];
  });
}

export function AppSider({ Title, fixed }: RefineThemedLayoutSiderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const allowed = useAllowedKeys(menuItems);
  const { warnWhen, setWarnWhen } = useWarnAboutChange();
  const { mutate: logout } = useLogout();
  const breakpoint = Grid.useBreakpoint();
  const isMobile = breakpoint.lg === false;

  const signOut = () => {
    if (warnWhen && !window.confirm(t("warnWhenUnsavedChanges"))) return;
    setWarnWhen(false);
    logout();
  };
  const items = useMemo<MenuItem[]>(
    () => [
      ...(allowed ? toItems(menuItems, allowed) : []),
      { key: "logout", icon: <LogoutOutlined />, label: t("buttons.logout"), onClick: signOut },
    ],
    // signOut reads the latest warnWhen through its closure on each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [allowed, menuItems, t, warnWhen],
  );
  const menu = (
    <Menu
      aria-label={t("menu.main")}
      items={items}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={defaultOpenKeys}
      mode="inline"
      style={{ paddingTop: 8, border: "none", overflow: "auto", height: "calc(100% - 72px)" }}
      onClick={() => setMobileSiderOpen(false)}
    />
  );
  const titleBar = (collapsed: boolean): CSSProperties => ({
    width: collapsed ? 80 : 200,
    padding: collapsed ? 0 : "0 16px",
    display: "flex",
    justifyContent: collapsed ? "center" : "flex-start",
    alignItems: "center",
    height: 64,
    backgroundColor: token.colorBgElevated,
  });

  if (isMobile) {
    return (
      <>
        <Drawer
          open={mobileSiderOpen}
          onClose={() => setMobileSiderOpen(false)}
          placement="left"
          closable={false}
          width={200}
          styles={{ body: { padding: 0 } }}
        >
          <Layout.Sider style={{ height: "100vh", backgroundColor: token.colorBgContainer }}>
            <div style={titleBar(false)}>{Title && <Title collapsed={false} />}</div>
            {menu}
          </Layout.Sider>
        </Drawer>
        <Button
          aria-label={t("menu.open")}
          style={{ borderRadius: "0 6px 6px 0", position: "fixed", top: 64, zIndex: 1001 }}
          size="large"
          onClick={() => setMobileSiderOpen(true)}
          icon={<BarsOutlined />}
        />
      </>
    );
  }
  return (
    <>
      {fixed && <div data-print="hide" style={{ width: siderCollapsed ? 80 : 200, transition: "all 0.2s" }} />}
      <Layout.Sider
        style={{
          backgroundColor: token.colorBgContainer,
          borderRight: `1px solid ${token.colorBgElevated}`,
          ...(fixed ? { position: "fixed", top: 0, height: "100vh", zIndex: 999 } : {}),
        }}
        collapsible
        collapsed={siderCollapsed}
        onCollapse={(collapsed, type) => type === "clickTrigger" && setSiderCollapsed(collapsed)}
        collapsedWidth={80}
        breakpoint="lg"
        trigger={
          <Button
            type="text"
            aria-label={siderCollapsed ? t("menu.expand") : t("menu.collapse")}
            aria-expanded={!siderCollapsed}
            style={{ borderRadius: 0, height: "100%", width: "100%", backgroundColor: token.colorBgElevated }}
            icon={siderCollapsed ? <RightOutlined /> : <LeftOutlined />}
          />
        }
      >
        <div style={titleBar(siderCollapsed)}>{Title && <Title collapsed={siderCollapsed} />}</div>
        {menu}
      </Layout.Sider>
    </>
  );
}
