// Refine's React Router binding, with one change: which resource and action a path belongs to
// is worked out once per path and shared. The stock `parse` matches the path against every
// route of every resource in each component that asks (every button of every table row), again
// on each navigation: with this panel's seventy resources that was a quarter of the browser's
// work on a list page.
import {
  matchResourceFromRoute,
  QS_PARSE_DEPTH,
  ResourceContext,
  type IResourceItem,
  type ParseResponse,
  type RouterProvider,
} from "@refinedev/core";
import baseRouterProvider from "@refinedev/react-router";
import { parse as parseQuery } from "qs";
import { useCallback, useContext } from "react";
import { matchPath, useLocation, useParams } from "react-router";

type Match = ReturnType<typeof matchResourceFromRoute>;

const matches = new WeakMap<IResourceItem[], Map<string, Match>>();

/** The resource, action and route pattern of a path (the same for everyone asking). */
export function matchRoute(pathname: string, resources: IResourceItem[]): Match {
  let byPath = matches.get(resources);
  if (!byPath) matches.set(resources, (byPath = new Map()));
  let match = byPath.get(pathname);
  if (!match) {
    // Paths seen in a session are few; the cap only guards against an endless walk of ids.
    if (byPath.size > 500) byPath.clear();
    byPath.set(pathname, (match = matchResourceFromRoute(pathname, resources)));
  }
  return match;
}

function toNumberIfNumeric(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return `${Number(value)}` === value ? Number(value) : value;
}

/** The stock parse (same response) over the shared match. */
function useParse(): () => ParseResponse {
  let params: Record<string, string | undefined> = useParams();
  const { pathname, search } = useLocation();
  const { resources } = useContext(ResourceContext);
  const { resource, action, matchedRoute } = matchRoute(pathname, resources);
  if (Object.keys(params).length === 0 && matchedRoute) params = matchPath(matchedRoute, pathname)?.params ?? {};
  return useCallback(() => {
    const combined: Record<string, unknown> = {
      ...params,
      ...parseQuery(search, { ignoreQueryPrefix: true, depth: QS_PARSE_DEPTH }),
    };
    return {
      ...(resource && { resource }),
      ...(action && { action }),
      ...(params.id && { id: decodeURIComponent(params.id) }),
      pathname,
      params: {
        ...combined,
        currentPage: toNumberIfNumeric(combined.currentPage),
        pageSize: toNumberIfNumeric(combined.pageSize),
        to: typeof combined.to === "string" ? decodeURIComponent(combined.to) : undefined,
      } as ParseResponse["params"],
    };
  }, [pathname, search, params, resource, action]);
}

export const routerProvider: RouterProvider = { ...baseRouterProvider, parse: useParse };
