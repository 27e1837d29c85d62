import { describe, expect, it } from "vitest";
import { decide, toMatrixKey } from "./accessControlProvider";

describe("Refine actions map to matrix cells", () => {
  it("list and show need read, edit needs update, clone needs create", () => {
    expect(toMatrixKey("app_roles", "list")).toEqual({ resource: "app_roles", action: "read" });
    expect(toMatrixKey("app_roles", "show")).toEqual({ resource: "app_roles", action: "read" });
    expect(toMatrixKey("app_roles", "edit")).toEqual({ resource: "app_roles", action: "update" });
    expect(toMatrixKey("app_roles", "clone")).toEqual({ resource: "app_roles", action: "create" });
    expect(toMatrixKey("app_roles", "delete")).toEqual({ resource: "app_roles", action: "delete" });
  });
  it("workflow actions keep their name", () => {
    expect(toMatrixKey("regulations", "publish")).toEqual({ resource: "regulations", action: "publish" });
  });
  it("aliases and meta name the matrix resource of a page", () => {
    expect(toMatrixKey("role_permissions", "list")).toEqual({ resource: "permissions", action: "read" });
    expect(toMatrixKey("anything", "list", "audit_log")).toEqual({ resource: "audit_log", action: "read" });
  });
  it("creating a user needs the logins:create capability", () => {
    expect(toMatrixKey("profiles", "create")).toEqual({ resource: "logins", action: "create" });
  });
  it("any scope allows, no scope refuses", () => {
    expect(decide("own")).toEqual({ can: true });
    expect(decide(undefined)).toEqual({ can: false, reason: "not_allowed" });
  });
  it("a page asking for a wider scope refuses a narrower one", () => {
    expect(decide("own", "territory")).toEqual({ can: false, reason: "not_allowed" });
    expect(decide("territory", "territory")).toEqual({ can: true });
    expect(decide("all", "territory")).toEqual({ can: true });
  });
});
