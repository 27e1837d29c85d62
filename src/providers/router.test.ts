import { matchResourceFromRoute } from "@refinedev/core";
import { describe, expect, it } from "vitest";
import { resources } from "../resources.tsx";
import { matchRoute } from "./router";

describe("matching a path to its resource", () => {
  it("answers what Refine's own matcher answers, for lists, records and forms", () => {
    for (const path of ["/staff", "/staff/create", "/staff/edit/abc", "/staff/show/abc", "/regulations", "/nowhere"]) {
      expect(matchRoute(path, resources)).toEqual(matchResourceFromRoute(path, resources));
    }
    expect(matchRoute("/staff/edit/abc", resources)).toMatchObject({ found: true, action: "edit" });
  });

  it("works a path out once and shares the answer, per list of resources", () => {
    const first = matchRoute("/customers", resources);
    expect(matchRoute("/customers", resources)).toBe(first);
    expect(matchRoute("/customers", [...resources])).not.toBe(first);
  });
});
