// Page object: the sign-in page.
import type { Page } from "playwright-core";
import { text } from "../support/text.ts";

export class LoginPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  email() {
    return this.page.getByLabel(text("pages.login.fields.email"));
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/login${query}`);
    await this.email().waitFor();
  }

  submit() {
    return this.page.getByRole("button", { name: text("pages.login.buttons.submit") });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email().fill(email);
    await this.page.getByLabel(text("pages.login.fields.password")).fill(password);
    await this.submit().click();
  }

  error() {
    return this.page.getByTestId("login-error");
  }

  reason() {
    return this.page.getByTestId("login-reason");
  }
}
