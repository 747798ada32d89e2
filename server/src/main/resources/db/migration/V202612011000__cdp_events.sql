-- Customer data platform, part 1: event sources with their write keys, profiles, and the events
-- themselves. Versioned by timestamp so that features built in parallel never take the same number.
--
-- Every table is tenant-owned: tenant_id leads its primary key and every index that serves a tenant
-- query, and row-level security admits only the scoped tenant's rows, as in V1.

-- Where events come from. An HTTP source authenticates with a write key ("wk_<lookup>_<secret>"):
-- the lookup finds the row across tenants (as API keys do), only a SHA-256 hash of the secret is kept.
-- A tenant's events sent through GraphQL without naming a source belong to its one GRAPHQL source.
CREATE TABLE cdp_sources (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind             text        NOT NULL CHECK (kind IN ('HTTP', 'GRAPHQL')),
    write_key_lookup text,
    write_key_hash   bytea,
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz,
    PRIMARY KEY (tenant_id, id),
    CHECK ((kind = 'HTTP') = (write_key_lookup IS NOT NULL AND write_key_hash IS NOT NULL))
);
CREATE UNIQUE INDEX cdp_sources_write_key_lookup ON cdp_sources (write_key_lookup);
CREATE UNIQUE INDEX cdp_sources_one_graphql ON cdp_sources (tenant_id) WHERE kind = 'GRAPHQL';
CREATE INDEX cdp_sources_tenant_page ON cdp_sources (tenant_id, created_at, id);

-- One row per profile ever created. A live profile has merged_into NULL. A merged profile keeps its
-- row as an alias of the survivor (merged_into always names the live survivor, never another alias)
-- and its last state before the merge; events_repointed_at is set once none of its events point at
-- it any more. The computed fields are maintained as events are stored; revenue_micros maps an ISO
-- currency code to an exact integer of micro-units (jsonb numbers are numeric, so exact).
CREATE TABLE cdp_profiles (
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    id                  uuid        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    lifecycle           text        NOT NULL CHECK (lifecycle IN ('ANONYMOUS', 'KNOWN', 'CUSTOMER')),
    traits              jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- per trait, the timestamp of the event its value came from: what the trait merge compares
    trait_times         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    first_seen_at       timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    event_count         bigint      NOT NULL DEFAULT 0 CHECK (event_count >= 0),
    order_count         bigint      NOT NULL DEFAULT 0 CHECK (order_count >= 0),
    revenue_micros      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    merged_into         uuid,
    merged_at           timestamptz,
    events_repointed_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    CHECK (merged_into IS NULL OR merged_into <> id),
    CHECK ((merged_into IS NULL) = (merged_at IS NULL))
);
CREATE INDEX cdp_profiles_live_page ON cdp_profiles (tenant_id, created_at, id) WHERE merged_into IS NULL;
CREATE INDEX cdp_profiles_aliases ON cdp_profiles (tenant_id, merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX cdp_profiles_lifecycle ON cdp_profiles (tenant_id, lifecycle) WHERE merged_into IS NULL;
-- the background job's queue: merged profiles whose events still point at them
CREATE INDEX cdp_profiles_repoint_pending ON cdp_profiles (tenant_id, merged_at)
    WHERE merged_into IS NOT NULL AND events_repointed_at IS NULL;

-- Events as received, one row per (source, messageId): the unique key is what makes a resent event
-- a no-op. profile_id is the profile the event belonged to when stored; after a merge, a background
-- job moves it to the survivor in bounded batches, and reads include the survivor's aliases meanwhile.
-- Not partitioned: the messageId uniqueness would then have to include the partition key; the two
-- indexes below serve what is read (a profile's events by time, a source's messageIds).
CREATE TABLE cdp_events (
    tenant_id          uuid        NOT NULL REFERENCES tenants (id),
    id                 uuid        NOT NULL,
    source_id          uuid        NOT NULL,
    message_id         text        NOT NULL CHECK (length(message_id) BETWEEN 1 AND 100),
    type               text        NOT NULL CHECK (type IN ('TRACK', 'IDENTIFY', 'PAGE', 'SCREEN', 'ALIAS', 'GROUP')),
    event              text,
    name               text,
    anonymous_id       text,
    user_id            text,
    previous_id        text,
    group_id           text,
    profile_id         uuid        NOT NULL,
    -- when it happened, corrected for the device's clock: receivedAt - (sentAt - originalTimestamp)
    timestamp          timestamptz NOT NULL,
    original_timestamp timestamptz,
    sent_at            timestamptz,
    received_at        timestamptz NOT NULL,
    properties         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    traits             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    context            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    integrations       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, source_id, message_id),
    FOREIGN KEY (tenant_id, source_id) REFERENCES cdp_sources (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES cdp_profiles (tenant_id, id)
);
CREATE INDEX cdp_events_profile_time ON cdp_events (tenant_id, profile_id, timestamp DESC, id DESC);

GRANT SELECT, INSERT, UPDATE ON cdp_sources TO stratum_app;
-- DELETE on personal data is for erasure, which a later step of the CDP adds
GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_profiles TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_events TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cdp_sources', 'cdp_profiles', 'cdp_events']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
