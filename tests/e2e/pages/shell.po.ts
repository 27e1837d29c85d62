// Page object: the signed-in frame (header, menu, language and theme switches).
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";
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

  /** The side menu (named "Main menu" in each language). */
  menu() {
    return this.page.getByRole("menu", { name: /^(Main menu|Menú principal|主菜单)$/ });
  }

  /** The labels of the side menu's entries (every group opened), in order. */
  async menuLabels(): Promise<string[]> {
    const menu = this.menu();
    await menu.getByRole("menuitem").first().waitFor();
    const closed = menu.getByRole("menuitem", { expanded: false });
    while ((await closed.count()) > 0) {
      const group = closed.first();
      const name = (await group.innerText()).trim();
      await group.click();
      await menu.getByRole("menuitem", { name, expanded: true }).waitFor();
    }
    // Entries are the items that open no group.
    return (await menu.locator('[role="menuitem"]:not([aria-expanded])').allInnerTexts())
      .map((t) => t.trim())
      .filter(Boolean);
  }

  async switchLanguage(code: "en" | "es" | "zh-CN"): Promise<void> {
    // A segmented control: each language is a radio whose label is what a person clicks.
    await this.page
      .getByRole("radio", { name: text(`languages.${code}`) })
      .first()
      .locator("xpath=..")
      .click();
  }

  async signOut(): Promise<void> {
    await this.menu()
      .getByRole("menuitem", { name: /Sign out|Cerrar sesión|退出登录/ })
      .click();
    await new LoginPageObject(this.page).email().waitFor();
  }

  async toggleDarkMode(): Promise<void> {
    await this.page.getByRole("switch", { name: text("header.theme") }).click();
  }
}
