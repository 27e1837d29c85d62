// Signing in and out in real Chromium: the session survives a reload, the language
// switch translates the shell, a wrong password shows the message.
import { describe, expect, it } from "vitest";
import { createTestUser, demo } from "../support/clients.ts";
import { LoginPageObject } from "./pages/login.po.ts";
import { ShellPageObject } from "./pages/shell.po.ts";
import { openBrowser } from "./support/browser.ts";

const session = openBrowser();

describe("signing in", () => {
  it("a demo HR login signs in and lands on the panel with name and role in the header", async () => {
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    await shell.signInAs(demo.hr_admin.email, demo.hr_admin.password);
    expect(await shell.headerName().innerText()).toBe("Helena Ruiz");
    expect(await shell.headerRoles().innerText()).toContain("HR / Admin");
  });

  it("a wrong password shows the message and stays on the login page", async () => {
    const page = await session.newPage();
    const login = new LoginPageObject(page);
    await login.open();
    await login.signIn(demo.manager.email, "definitely-wrong");
    await login.error().waitFor();
    expect(await login.error().innerText()).toContain("Wrong email or password.");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("the form explains an empty or malformed email before sending anything", async () => {
    const page = await session.newPage();
    const login = new LoginPageObject(page);
    await login.open();
    await login.submit().click();
    await page.getByText("Enter your email address").waitFor();
    await login.email().fill("not-an-email");
    await login.submit().click();
    await page.getByText("Enter a valid email address").waitFor();
  });

  it("a reload keeps the session", async () => {
    const seller = await createTestUser(["salesperson"]);
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    await shell.signInAs(seller.email, seller.password);
    await page.reload();
    await shell.headerName().waitFor();
    expect(await shell.headerName().innerText()).toBe(seller.fullName);
  });

  it("switching the language translates the shell and is remembered after a reload", async () => {
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    await shell.signInAs(demo.auditor.email, demo.auditor.password);
    await shell.switchLanguage("es");
    await page.getByRole("heading", { name: "Mi perfil" }).waitFor();
    await shell.switchLanguage("zh-CN");
    await page.getByRole("heading", { name: "我的资料" }).waitFor();
    expect(await shell.headerRoles().innerText()).toContain("审计员");
    await page.reload();
    await page.getByRole("heading", { name: "我的资料" }).waitFor();
    await shell.switchLanguage("en");
    await page.getByRole("heading", { name: "My profile" }).waitFor();
  });

  it("signing out returns to the login page, and the panel needs a new sign-in", async () => {
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    await shell.signInAs(demo.manager.email, demo.manager.password);
    await shell.signOut();
    expect(await new LoginPageObject(page).reason().innerText()).toContain("You are signed out.");
    await page.goto("/me");
    await new LoginPageObject(page).email().waitFor();
  });

  it("a session revoked on the server returns to the login page with a message", async () => {
    const person = await createTestUser(["salesperson"]);
    const page = await session.newPage();
    const shell = new ShellPageObject(page);
    await shell.signInAs(person.email, person.password);
    // Sign out every session of this person from another device.
    await person.client.auth.signOut({ scope: "global" });
    await page.reload();
    await new LoginPageObject(page).reason().waitFor();
    expect(await new LoginPageObject(page).reason().innerText()).toContain("Your session was ended");
  });
});
