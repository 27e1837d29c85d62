-- The rewards list counts every reward its reader may see (41,000 for HR in the reference
-- department). The read rule looks at a reward's territory and person; with only the
-- territory and status in an index, the count under the rule read the table (1.6 times the
-- time of the same count without it). The territory index now holds the person too, so the
-- count under the rule is read from the index as the unrestricted one is.

-- =============================================================================
-- Indexes
-- =============================================================================
drop index public.rewards_territory_idx;
create index rewards_territory_idx on public.rewards (territory_id, staff_id, status);
