// May the signed-in person write a plan or summary for someone else (a territory or all scope
// on create), or only their own? The person's own is then theirs without asking.
import { useQuery } from "@tanstack/react-query";
import { permissionStore } from "../../providers/permissions";

export function useWritesForOthers(resource: "monthly_plans" | "summaries"): boolean {
  const scope = useQuery({
    queryKey: ["my-scope", resource, "create"],
    queryFn: async () => (await permissionStore.scopeFor(resource, "create")) ?? null,
  });
  return scope.data === "territory" || scope.data === "all";
}
