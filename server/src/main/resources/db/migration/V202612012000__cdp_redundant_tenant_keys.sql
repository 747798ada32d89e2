-- The two tables every ingested event writes to keep their composite keys to their tenant's source
-- and profile, which are themselves keyed to the tenant, so a row can never name a tenant that does
-- not exist without these. Each of them cost a look-up and a key-share lock on the one tenant row for
-- every event stored: a sixth of the event insert's time, and the lock every concurrent writer of a
-- tenant shares (PostgreSQL then keeps a multixact for the tenant row).
ALTER TABLE cdp_events DROP CONSTRAINT cdp_events_tenant_id_fkey;
ALTER TABLE cdp_identifiers DROP CONSTRAINT cdp_identifiers_tenant_id_fkey;
