// The audit log's CSV export row: UTC time, the record's label, the actor by name and e-mail,
// old and new rows as JSON; formula-like cells neutralised.
import { neutralizeRecord } from "../../utils/csv";
import { recordLabel, type AuditRow } from "./queries";

export function auditExportRow(row: AuditRow) {
  return neutralizeRecord({
    id: row.id,
    occurred_at_utc: row.occurred_at,
    table: row.table_name,
    record_id: row.record_id,
    record: recordLabel(row).label,
    operation: row.operation,
    changed_fields: row.changed_fields.join(" "),
    actor: row.actor_kind === "user" ? row.actor_name : row.actor_kind,
    actor_email: row.actor_email,
    actor_id: row.actor_id,
    actor_roles: row.actor_roles.join(" "),
    old_row: row.old_row,
    new_row: row.new_row,
  });
}
