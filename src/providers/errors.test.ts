import { beforeAll, describe, expect, it } from "vitest";
import { toAppError } from "./errors";
import { i18n, loadLocale } from "./i18n";

beforeAll(async () => {
  await loadLocale("es");
  await loadLocale("zh-CN");
});

describe("errors become human messages", () => {
  it("a permission refusal from PostgREST", () => {
    expect(toAppError({ code: "42501", message: "permission denied for table x" })).toMatchObject({
      kind: "permission",
      status: 403,
      message: "You are not allowed to do that.",
    });
  });
  it("a stale version is a conflict", () => {
    expect(toAppError({ code: "PT409", message: "changed", details: "stale_version" })).toMatchObject({
      kind: "conflict",
      status: 409,
    });
  });
  it("a one-record write that matched no row (PostgREST's 406) says not found or not allowed", () => {
    expect(
      toAppError(
        {
          code: "PGRST116",
          message: "JSON object requested, multiple (or no) rows returned",
          details: "The result contains 0 rows",
        },
        406,
      ),
    ).toMatchObject({
      kind: "notFoundOrDenied",
      status: 406,
      message: "This record does not exist, or you are not allowed to see or change it.",
    });
  });
  it("a unique violation names the field", () => {
    expect(
      toAppError({ code: "23505", message: "duplicate key", details: "Key (email)=(a@b.c) already exists." }).message,
    ).toBe("A record with the same value already exists (email).");
  });
  it("the network being down", () => {
    expect(toAppError(new TypeError("Failed to fetch"))).toMatchObject({ kind: "network" });
    expect(toAppError({ code: "service_unavailable", message: "The database API is unavailable" }, 503)).toMatchObject({
      kind: "unavailable",
    });
  });
  it("auth errors by code, in the user's language", async () => {
    expect(
      toAppError({
        name: "AuthApiError",
        code: "invalid_credentials",
        status: 400,
        message: "Invalid login credentials",
      }).message,
    ).toBe("Wrong email or password.");
    await i18n.changeLanguage("es");
    expect(toAppError({ code: "invalid_credentials", status: 400 }).message).toBe("Correo o contraseña incorrectos.");
    await i18n.changeLanguage("zh-CN");
    expect(toAppError({ code: "42501" }).message).toBe("您无权执行此操作。");
    await i18n.changeLanguage("en");
  });
  it("an invariant's key shows its translation", async () => {
    await i18n.changeLanguage("es");
    expect(toAppError({ code: "42501", details: "auditor_never_writes", message: "The auditor role..." }).message).toBe(
      "Los auditores nunca pueden cambiar nada, diga lo que diga la matriz.",
    );
    await i18n.changeLanguage("en");
  });
  it("an unknown error still says something", () => {
    expect(toAppError({ code: "XX000", message: "boom" }).message).toBe("Something went wrong: boom");
  });
});
