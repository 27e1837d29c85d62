-- Filtering the audit log to deletions without reading the whole log.
--
-- The log page reads newest first by key (id), and most filters find their 26 rows near the
-- top: creations and changes are most of the log, a table or a person has its own index.
-- Deletions are rare, so "Change: Deleted" walked back through the whole log to fill a page
-- (a million rows: ~0.4 s; none at all: every row read). A partial index holds only the
-- deletions, in key order; other writes never touch it.

-- =============================================================================
-- Indexes
-- =============================================================================
create index audit_log_deletions_idx on public.audit_log (id desc) where operation = 'DELETE';
comment on index public.audit_log_deletions_idx is
  'The audit log''s deletions in key order: the log page''s "Deleted" filter reads this instead of the whole log.';
