// The customer CSV export: the list's columns as plain values, formula-like cells neutralised.
import { neutralizeRecord } from "../../utils/csv";
import type { CustomerListRow } from "./queries";

export function customerExportRow(row: CustomerListRow) {
  return neutralizeRecord({
    code: row.code,
    name: row.name,
    tier: row.tier?.code,
    status: row.status,
    territory: row.territory?.code,
    owner: row.owner?.full_name,
    address: row.address,
    days_overdue: row.days_overdue ?? "",
  });
}
