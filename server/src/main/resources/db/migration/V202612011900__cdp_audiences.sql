-- Customer data platform, audience sync: a segment's members kept as customer-list audiences on the
-- connected ad accounts. One audience per segment, connection and identifier type (e-mail or phone:
-- the plugin API sends one kind of hash per audience). cdp_audience_members holds the hashes the
-- platform audience holds as far as Stratum knows, so each sync sends only what changed. Every table
-- is tenant-owned, with row-level security as in V1.

CREATE TABLE cdp_audiences (
    tenant_id            uuid        NOT NULL REFERENCES tenants (id),
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    segment_id           uuid        NOT NULL,
    connection_id        uuid        NOT NULL,
    platform             text        NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    account_id           text        NOT NULL,
    identifier_type      text        NOT NULL CHECK (identifier_type IN ('EMAIL_SHA256', 'PHONE_SHA256')),
    name                 text        NOT NULL,
    -- NULL until the first sync with members of this type created it on the platform
    platform_audience_id text,
    uploaded_count       bigint,
    matched_count        bigint,
    match_measured_at    timestamptz,
    last_synced_at       timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, segment_id, connection_id, identifier_type),
    FOREIGN KEY (tenant_id, segment_id) REFERENCES cdp_segments (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE cdp_audience_members (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    audience_id uuid NOT NULL,
    sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (tenant_id, audience_id, sha256),
    FOREIGN KEY (tenant_id, audience_id) REFERENCES cdp_audiences (tenant_id, id) ON DELETE CASCADE
);
-- erasure's clean-up asks whether a removed hash is still in any audience of the tenant
CREATE INDEX cdp_audience_members_hash ON cdp_audience_members (tenant_id, sha256);

-- One run per syncAudience call and connection. eligible: segment members with advertising consent
-- and an identifier the platform matches on; without_consent: members left out for want of consent.
CREATE TABLE cdp_audience_syncs (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    segment_id      uuid        NOT NULL,
    connection_id   uuid        NOT NULL,
    platform        text        NOT NULL,
    account_id      text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    eligible        bigint      NOT NULL DEFAULT 0,
    without_consent bigint      NOT NULL DEFAULT 0,
    added           bigint      NOT NULL DEFAULT 0,
    removed         bigint      NOT NULL DEFAULT 0,
    received        bigint      NOT NULL DEFAULT 0,
    invalid         bigint      NOT NULL DEFAULT 0,
    uploaded_count  bigint,
    matched_count   bigint,
    error           text,
    requested_by    uuid,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, segment_id) REFERENCES cdp_segments (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);
-- at most one run at a time per segment and account: a second request gets the running one
CREATE UNIQUE INDEX cdp_audience_syncs_running ON cdp_audience_syncs (tenant_id, segment_id, connection_id)
    WHERE status = 'RUNNING';
CREATE INDEX cdp_audience_syncs_segment ON cdp_audience_syncs (tenant_id, segment_id, started_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_audiences TO stratum_app;
GRANT SELECT, INSERT, DELETE ON cdp_audience_members TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON cdp_audience_syncs TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cdp_audiences', 'cdp_audience_members', 'cdp_audience_syncs']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
