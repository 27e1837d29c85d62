// Page object: the sign-in page.
import type { Page } from "playwright-core";

export class LoginPageObject {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/login${query}`);
    await this.page.getByTestId("login-email").waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId("login-email").fill(email);
    await this.page.getByTestId("login-password").fill(password);
    await this.page.getByTestId("login-submit").click();
  }

  error() {
    return this.page.getByTestId("login-error");
  }

  reason() {
    return this.page.getByTestId("login-reason");
  }
}
