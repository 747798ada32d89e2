-- Customer data platform, part 2: the identity graph. Identifiers map to the live profile that owns
-- them (one owner each, enforced by the primary key); edges are identifier pairs seen together in an
-- event, whether or not they were allowed to link profiles; every merge and every refused link is
-- recorded with its reason and the identifiers of the event that caused it.
--
-- Writers of this graph hold the tenant's identity lock (a transaction-scoped advisory lock), so the
-- read-decide-write of a batch is never interleaved with another batch of the same tenant.

CREATE TABLE cdp_identifiers (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    type          text        NOT NULL CHECK (type IN ('ANONYMOUS_ID', 'USER_ID', 'EMAIL', 'PHONE', 'EXTERNAL_ID', 'CLICK_ID')),
    value         text        NOT NULL CHECK (length(value) BETWEEN 1 AND 512),
    profile_id    uuid        NOT NULL,
    -- the timestamp of the first event that carried it
    first_seen_at timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, type, value),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES cdp_profiles (tenant_id, id)
);
CREATE INDEX cdp_identifiers_profile ON cdp_identifiers (tenant_id, profile_id, type);

-- (from_type, from_value) sorts before (to_type, to_value) in the server's order of identifiers, so a
-- pair has one row whichever order it arrived in.
CREATE TABLE cdp_identity_edges (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    from_type     text        NOT NULL,
    from_value    text        NOT NULL,
    to_type       text        NOT NULL,
    to_value      text        NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    event_count   bigint      NOT NULL CHECK (event_count > 0),
    PRIMARY KEY (tenant_id, from_type, from_value, to_type, to_value)
);
CREATE INDEX cdp_identity_edges_to ON cdp_identity_edges (tenant_id, to_type, to_value);

-- MERGED: profile_id is the survivor, other_profile_id the profile merged into it, identifier the
-- event's identifier that belonged to the merged profile; reason SHARED_IDENTIFIER or ALIAS.
-- REFUSED: profile_id is the profile the event went to, identifier the one whose link was refused,
-- other_profile_id its owner (NULL when it was new and stays unassigned); reason the limit, e.g.
-- MAX_EMAILS_PER_PROFILE.
CREATE TABLE cdp_merges (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    -- the order merges happened in, also within one batch (which shares one created_at)
    seq               bigint      GENERATED ALWAYS AS IDENTITY,
    created_at        timestamptz NOT NULL DEFAULT now(),
    outcome           text        NOT NULL CHECK (outcome IN ('MERGED', 'REFUSED')),
    reason            text        NOT NULL CHECK (reason IN ('SHARED_IDENTIFIER', 'ALIAS', 'MAX_USER_IDS_PER_PROFILE',
                                                             'MAX_EMAILS_PER_PROFILE', 'MAX_PHONES_PER_PROFILE')),
    profile_id        uuid        NOT NULL,
    other_profile_id  uuid,
    identifier_type   text        NOT NULL,
    identifier_value  text        NOT NULL,
    -- [{"type": "EMAIL", "value": "…"}, …]: every identifier of the event
    event_identifiers jsonb       NOT NULL,
    source_id         uuid        NOT NULL,
    message_id        text        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK (outcome = 'REFUSED' OR other_profile_id IS NOT NULL)
);
CREATE INDEX cdp_merges_profile ON cdp_merges (tenant_id, profile_id, seq);
CREATE INDEX cdp_merges_other_profile ON cdp_merges (tenant_id, other_profile_id, seq) WHERE other_profile_id IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_identifiers TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_identity_edges TO stratum_app;
-- the merge history is never rewritten; DELETE is for erasure of a person's data
GRANT SELECT, INSERT, DELETE ON cdp_merges TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cdp_identifiers', 'cdp_identity_edges', 'cdp_merges']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
