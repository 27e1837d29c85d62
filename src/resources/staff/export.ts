// The staff CSV export: the same columns as the import (custom fields as cf_<key>, several
// values joined by ";"), so an exported file can be edited and imported again. Formula-like
// cells are neutralised.
import type { Tables } from "../../types/database";
import { neutralizeRecord } from "../../utils/csv";
import type { StaffExportRow } from "./queries";

export function staffExportRow(row: StaffExportRow, definitions: Pick<Tables<"custom_field_definitions">, "key">[]) {
  const custom = (row.custom_fields ?? {}) as Record<string, unknown>;
  // Same columns as the import, so an exported file can be edited and imported again.
  return neutralizeRecord({
    full_name: row.full_name,
    email: row.email,
    phone: row.phone,
    position: row.positions?.code,
    territory: row.territories?.code,
    manager_email: row.manager?.email,
    hire_date: row.hire_date,
    status: row.status,
    notes: "",
    ...Object.fromEntries(
      definitions.map((d) => {
        const v = custom[d.key];
        return [`cf_${d.key}`, Array.isArray(v) ? v.join(";") : v];
      }),
    ),
  });
}
