-- Reading what a person may see without touching the table.
--
-- The staff read policy looks at two columns, territory_id (territory scope) and user_id
-- (own scope); the acknowledgements policy at staff_id. Counting a territory manager's
-- staff list (PostgREST's exact count) read every heap page of the 5,000-row table to test
-- them: ~5 ms of a 10 ms request. And the audit log's read policy asks "which staff ids /
-- acknowledgement ids may this person read", which read all 50,000 acknowledgements.
-- Indexes holding the policy's columns and the key let Postgres answer both from the index
-- alone (index-only scans that evaluate the policy on the index tuples): the manager's staff
-- count ~5 ms -> ~1.7 ms, the audit log's first 1,001 readable rows ~19 ms -> ~12 ms.
-- They replace the single-column indexes (each still leads with the foreign key column).

-- =============================================================================
-- Indexes
-- =============================================================================
create index staff_territory_user_idx on public.staff (territory_id, user_id) include (id);
drop index public.staff_territory_idx;

create index acknowledgements_staff_id_idx on public.acknowledgements (staff_id) include (id);
drop index public.acknowledgements_staff_idx;
