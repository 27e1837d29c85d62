// The pickers the field-data pages share: tiers, product lines, salespeople and customers the
// signed-in person may read, as select options.
import { useGetIdentity, useList } from "@refinedev/core";
import type { Identity } from "../../providers/authProvider";
import { useTranslation } from "react-i18next";
import { localizedName } from "../../providers/i18n";
import type { Tables } from "../../types/database";
import { customerPickerSelect, tierName, type CustomerPick } from "./queries";

export function useTiers() {
  const { i18n } = useTranslation();
  const { result, query } = useList<Tables<"customer_tiers">>({
    resource: "customer_tiers",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const tiers = result?.data ?? [];
  return { tiers, query, options: tiers.map((t) => ({ value: t.id, label: tierName(t, i18n.language) })) };
}

export function useProductLines() {
  const { i18n } = useTranslation();
  const { result } = useList<Tables<"product_lines">>({
    resource: "product_lines",
    pagination: { mode: "off" },
    sorters: [{ field: "sort_order", order: "asc" }],
  });
  const lines = result?.data ?? [];
  return {
    lines,
    options: lines.map((l) => ({
      value: l.id,
      label: localizedName(l, i18n.language),
      disabled: !l.active,
    })),
  };
}

/** People still working here, by name (the owner and credit pickers). */
export function usePeople() {
  const { result } = useList<Pick<Tables<"staff">, "id" | "full_name" | "territory_id">>({
    resource: "staff",
    pagination: { mode: "off" },
    sorters: [{ field: "full_name", order: "asc" }],
    filters: [{ field: "status", operator: "ne", value: "left" }],
    meta: { select: "id, full_name, territory_id" },
  });
  const people = result?.data ?? [];
  return { people, options: people.map((p) => ({ value: p.id, label: p.full_name })) };
}

/** Customers to choose from: searched by code or name on the server, 50 at a time. */
export function useCustomerOptions(search: string, selected?: string | null) {
  const term = search.trim().replace(/[%,()*]/g, " ");
  const { result } = useList<CustomerPick>({
    resource: "customers",
    pagination: { pageSize: 50 },
    sorters: [{ field: "name", order: "asc" }],
    filters: term
      ? [
          {
            operator: "or",
            value: [
              { field: "name", operator: "contains", value: term },
              { field: "code", operator: "contains", value: term },
            ],
          },
        ]
      : [],
    meta: { select: customerPickerSelect },
  });
  const { result: current } = useList<CustomerPick>({
    resource: "customers",
    filters: [{ field: "id", operator: "eq", value: selected }],
    meta: { select: customerPickerSelect },
    queryOptions: { enabled: Boolean(selected) },
  });
  const rows = [...(current?.data ?? []), ...(result?.data ?? [])].filter(
    (row, i, all) => all.findIndex((r) => r.id === row.id) === i,
  );
  return { rows, options: rows.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` })) };
}

type MyStaff = Pick<Tables<"staff">, "id" | "full_name" | "territory_id"> & {
  position: Pick<Tables<"positions">, "default_role_code"> | null;
};

/** The signed-in person's staff record, if their login has one, and whether it is a sales position. */
export function useMyStaff() {
  const { data: me } = useGetIdentity<Identity>();
  const { result, query } = useList<MyStaff>({
    resource: "staff",
    filters: [{ field: "user_id", operator: "eq", value: me?.id }],
    meta: { select: "id, full_name, territory_id, position:position_id(default_role_code)" },
    queryOptions: { enabled: Boolean(me?.id) },
  });
  const staff = result?.data?.[0] ?? null;
  return {
    staff,
    sells: staff?.position?.default_role_code === "salesperson",
    loading: !me || query.isLoading,
  };
}
