// Turns errors from PostgREST, Supabase Auth, Edge Functions and the network into one
// shape with a human message in the user's language (never a raw code or a blank page).
import type { HttpError } from "@refinedev/core";
import { i18n } from "./i18n";

export type ErrorKind =
  | "network"
  | "unavailable"
  | "auth"
  | "session"
  | "permission"
  | "notFoundOrDenied"
  | "conflict"
  | "validation"
  | "unknown";

export interface AppError {
  kind: ErrorKind;
  status: number;
  /** SQLSTATE, PostgREST code or Supabase Auth error code. */
  code?: string;
  /** Stable key our SQL puts in DETAIL (errors.db.<key>). */
  detailKey?: string;
  /** The server's own (English) message. */
  serverMessage: string;
  /** Translated, human message. */
  message: string;
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  details?: unknown;
  hint?: unknown;
  status?: unknown;
  statusCode?: unknown;
  name?: unknown;
}

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {});
const has = (key: string) => i18n.exists(key);

/** The column a Postgres message names, e.g. `Key (email)=(...)` or `column "x"`. */
function fieldFrom(text: string): string {
  const key = /Key \(([^)]+)\)/.exec(text);
  if (key) return key[1]!;
  const column = /column "([^"]+)"/.exec(text);
  if (column) return column[1]!;
  return "";
}

function statusOf(error: ErrorLike, fallback?: number): number {
  if (typeof error.status === "number") return error.status;
  if (typeof error.statusCode === "number" && error.statusCode < 600) return error.statusCode;
  return fallback ?? 0;
}

export function toAppError(raw: unknown, httpStatus?: number): AppError {
  const error: ErrorLike = typeof raw === "object" && raw !== null ? (raw as ErrorLike) : { message: String(raw) };
  const serverMessage = typeof error.message === "string" ? error.message : "";
  const code = typeof error.code === "string" ? error.code : undefined;
  const details = typeof error.details === "string" ? error.details : "";
  const status = statusOf(error, httpStatus);
  const name = typeof error.name === "string" ? error.name : "";
  const detailKey = /^[a-z_]+$/.test(details) ? details : undefined;
  const make = (kind: ErrorKind, message: string, s = status): AppError => ({
    kind,
    status: s,
    code,
    detailKey,
    serverMessage,
    message,
  });

  // A preview token that has ended or expired: like a session ending.
  if (detailKey === "preview_ended") return make("session", t("errors.db.preview_ended"), 401);
  // Our own database invariants name a stable key in DETAIL.
  if (detailKey && has(`errors.db.${detailKey}`)) {
    const kind: ErrorKind = detailKey === "stale_version" ? "conflict" : code === "42501" ? "permission" : "validation";
    // The server's sentence is specific (names the role, the cell...): show it in English,
    // the translation otherwise.
    const message = i18n.language.startsWith("en") && serverMessage ? serverMessage : t(`errors.db.${detailKey}`);
    return make(kind, message, status || (kind === "conflict" ? 409 : kind === "permission" ? 403 : 400));
  }
  // Network failures: fetch threw, or auth-js retried and gave up.
  if (
    name === "AuthRetryableFetchError" ||
    (raw instanceof TypeError && /fetch|network|load failed/i.test(serverMessage)) ||
    /Failed to fetch|NetworkError|fetch failed/i.test(serverMessage)
  ) {
    return status >= 500 ? make("unavailable", t("errors.unavailable")) : make("network", t("errors.network"), 0);
  }
  if (code === "service_unavailable" || status === 502 || status === 503 || status === 504) {
    return make("unavailable", t("errors.unavailable"), status || 503);
  }
  // Supabase Auth error codes.
  if (code && has(`errors.auth.${code}`)) {
    return make(code === "session_not_found" ? "session" : "auth", t(`errors.auth.${code}`));
  }
  if (name === "AuthSessionMissingError") return make("session", t("errors.sessionExpired"), 401);
  if (name === "AuthWeakPasswordError") return make("auth", t("errors.auth.weak_password"), 422);
  // PostgREST / Postgres.
  switch (code) {
    case "PGRST301":
    case "PGRST302":
    case "PGRST303":
      return make("session", t("errors.sessionExpired"), 401);
    case "42501":
      return make("permission", t("errors.permissionDenied"), status || 403);
    case "25006":
      // A read-only transaction: the database runs previews this way.
      return make("permission", t("errors.previewReadOnly"), 403);
    case "PT409":
    case "40001":
      return make("conflict", t("errors.conflict"), 409);
    case "23505":
      return make("validation", t("errors.duplicate", { field: fieldFrom(details || serverMessage) }), 409);
    case "23503":
      return make("validation", t("errors.reference"), 409);
    case "23502":
      return make("validation", t("errors.required", { field: fieldFrom(serverMessage) }), 400);
    case "23514":
    case "P0001":
    case "22023":
      return make("validation", t("errors.invalidValue", { message: serverMessage }), 400);
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
      return make("validation", t("errors.invalidFormat", { message: serverMessage }), 400);
    case "22001":
      return make("validation", t("errors.tooLong"), 400);
    case "not_found_or_denied":
      return make("notFoundOrDenied", t("errors.notFoundOrDenied"), 404);
    case "PGRST116":
      // A single-object write matched no row: not there, not in one's scope, or changed meanwhile.
      return make("notFoundOrDenied", t("errors.notFoundOrDenied"), status || 406);
    default:
      break;
  }
  if (status === 401) return make("session", t("errors.sessionExpired"));
  if (status === 403) return make("permission", t("errors.permissionDenied"));
  if (status === 409) return make("conflict", t("errors.conflict"));
  return make("unknown", t("errors.unknown", { message: serverMessage || String(raw) }));
}

/** Refine's error shape, carrying the translated message. */
export function toHttpError(raw: unknown, httpStatus?: number): HttpError & { appError: AppError } {
  const appError = toAppError(raw, httpStatus);
  return { message: appError.message, statusCode: appError.status || 500, appError };
}

/** The error a write gets when RLS or a stale version filtered it to zero rows. */
export function zeroRowError(): HttpError & { appError: AppError } {
  return toHttpError({ code: "not_found_or_denied", message: "No row was changed" }, 404);
}

/** PostgREST's answer (416, PGRST103) to a page that starts past the last row. */
export function isPastTheEnd(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "PGRST103";
}
