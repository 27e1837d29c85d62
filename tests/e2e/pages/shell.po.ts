// Page object: the signed-in frame (header, menu, language and theme switches).
import type { Page } from "playwright-core";
import { LoginPageObject } from "./login.po.ts";

export class ShellPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async signInAs(email: string, password: string, landing = "header-name"): Promise<void> {
    const login = new LoginPageObject(this.page);
    await login.open();
    await login.signIn(email, password);
    await this.page.getByTestId(landing).waitFor();
  }

  headerName() {
    return this.page.getByTestId("header-name");
  }

  headerRoles() {
    return this.page.getByTestId("header-roles");
  }

  /** The labels of the side menu's entries (every group opened), in order. */
  async menuLabels(): Promise<string[]> {
    const sider = this.page.locator(".ant-layout-sider");
    await sider.locator(".ant-menu-item").first().waitFor();
    const closed = sider.locator(".ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title");
    while ((await closed.count()) > 0) {
      await closed.first().click();
      await this.page.waitForTimeout(50);
    }
    const items = sider.locator(".ant-menu-item");
    return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  async switchLanguage(code: "en" | "es" | "zh-CN"): Promise<void> {
    // The switcher is a segmented control: every language is one click away.
    await this.page.getByTestId("language-switcher").first().getByTestId(`language-${code}`).click();
  }

  async signOut(): Promise<void> {
    await this.page
      .locator(".ant-layout-sider .ant-menu-item")
      .filter({ hasText: /Sign out|Cerrar sesión|退出登录/ })
      .click();
    await this.page.getByTestId("login-email").waitFor();
  }

  async toggleDarkMode(): Promise<void> {
    await this.page.getByTestId("theme-switch").click();
  }
}
