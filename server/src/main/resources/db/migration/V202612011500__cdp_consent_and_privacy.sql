-- Customer data platform, privacy: consent per purpose, erasure with its hashed suppression list and
-- the audience removals it leaves for the next audience sync, and the inputs and result of the CDP
-- identity-quality score the trust engine uses. Every table is tenant-owned, with row-level security
-- as in V1.

-- A person's newest statement per purpose. A statement replaces the stored one only when it is not
-- older (stated_at), so an event arriving late never overwrites a newer choice. source EVENT: read
-- from an event's context.consent (source_id, message_id name the event); API: setConsent (set_by
-- names the user). Rows follow their profile through merges (the newest statement per purpose wins).
CREATE TABLE cdp_consent (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    profile_id  uuid        NOT NULL,
    purpose     text        NOT NULL CHECK (purpose IN ('ANALYTICS', 'ADVERTISING', 'PERSONALIZATION', 'EMAIL', 'SMS')),
    granted     boolean     NOT NULL,
    source      text        NOT NULL CHECK (source IN ('EVENT', 'API')),
    stated_at   timestamptz NOT NULL,
    source_id   uuid,
    message_id  text,
    set_by      uuid,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, profile_id, purpose),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES cdp_profiles (tenant_id, id)
);
-- what the audience sync asks: who in the tenant may be sent to an ad platform
CREATE INDEX cdp_consent_purpose ON cdp_consent (tenant_id, purpose, granted);

-- Per tenant and day of receipt, how many events were stored and how many of them carried a strong
-- identifier (user id, e-mail, phone or external id). Counts only, no personal data: erasure keeps them.
CREATE TABLE cdp_identity_daily (
    tenant_id                    uuid   NOT NULL REFERENCES tenants (id),
    day                          date   NOT NULL,
    events                       bigint NOT NULL CHECK (events >= 0),
    events_with_strong_identifier bigint NOT NULL CHECK (events_with_strong_identifier BETWEEN 0 AND events),
    PRIMARY KEY (tenant_id, day)
);

-- What the audience sync measured per platform: identifiers sent and matched by the platform. The
-- CDP score reads the newest report per platform of the last 30 days.
CREATE TABLE cdp_audience_match_reports (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    platform    text        NOT NULL,
    measured_at timestamptz NOT NULL,
    sent        bigint      NOT NULL CHECK (sent >= 0),
    matched     bigint      NOT NULL CHECK (matched BETWEEN 0 AND sent),
    PRIMARY KEY (tenant_id, platform, measured_at)
);

-- The tenant's newest CDP score and the figures it came from; absent while the tenant has no CDP data.
CREATE TABLE cdp_scores (
    tenant_id                       uuid             NOT NULL REFERENCES tenants (id) PRIMARY KEY,
    score                           double precision NOT NULL CHECK (score BETWEEN 0 AND 100),
    events                          bigint           NOT NULL,
    events_with_strong_identifier   bigint           NOT NULL,
    profiles                        bigint           NOT NULL,
    profiles_with_strong_identifier bigint           NOT NULL,
    audience_sent                   bigint           NOT NULL,
    audience_matched                bigint           NOT NULL,
    computed_at                     timestamptz      NOT NULL
);

-- The per-tenant key of the suppression hashes: random, made at the tenant's first erasure, kept in
-- the database rather than in a server's home directory so that no restart or new instance can lose
-- it (a lost key would silently let erased people's events rebuild their profiles).
CREATE TABLE cdp_suppression_keys (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) PRIMARY KEY,
    key        bytea       NOT NULL CHECK (length(key) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per erasure. No personal data: the profile ids are random ids that, once erased, lead to
-- nothing; they make a repeated erasure idempotent. audiences_cleared_at stays NULL until the audience
-- sync has removed the person from every platform audience (their hashes: cdp_audience_removals).
CREATE TABLE cdp_erasures (
    tenant_id            uuid        NOT NULL REFERENCES tenants (id),
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    profile_ids          uuid[]      NOT NULL,
    requested_by         uuid,
    erased_at            timestamptz NOT NULL DEFAULT now(),
    identifiers          integer     NOT NULL,
    events               bigint      NOT NULL,
    audiences_cleared_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX cdp_erasures_profile_ids ON cdp_erasures USING gin (profile_ids);
CREATE INDEX cdp_erasures_audiences_pending ON cdp_erasures (tenant_id, erased_at) WHERE audiences_cleared_at IS NULL;

-- Keyed hashes (HMAC-SHA-256 under cdp_suppression_keys) of an erased person's normalized
-- identifiers, "<TYPE>:<value>": an event carrying one of them is acknowledged and not stored.
CREATE TABLE cdp_suppressions (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    identifier_hash bytea       NOT NULL,
    erasure_id      uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, identifier_hash),
    FOREIGN KEY (tenant_id, erasure_id) REFERENCES cdp_erasures (tenant_id, id)
);

-- What the next audience sync must remove from every platform audience for an erasure: the
-- unkeyed SHA-256 (hex) of the e-mails and phones, as ad platforms match them (e-mail trimmed and
-- lower-cased; phone in E.164 with and without its '+'). Deleted by the sync once removed, when it
-- also sets cdp_erasures.audiences_cleared_at.
CREATE TABLE cdp_audience_removals (
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    erasure_id      uuid NOT NULL,
    identifier_type text NOT NULL CHECK (identifier_type IN ('EMAIL', 'PHONE')),
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (tenant_id, erasure_id, identifier_type, sha256),
    FOREIGN KEY (tenant_id, erasure_id) REFERENCES cdp_erasures (tenant_id, id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_consent TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON cdp_identity_daily TO stratum_app;
GRANT SELECT, INSERT ON cdp_audience_match_reports TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON cdp_scores TO stratum_app;
GRANT SELECT, INSERT ON cdp_suppression_keys TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON cdp_erasures TO stratum_app;
GRANT SELECT, INSERT ON cdp_suppressions TO stratum_app;
GRANT SELECT, INSERT, DELETE ON cdp_audience_removals TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cdp_consent', 'cdp_identity_daily', 'cdp_audience_match_reports', 'cdp_scores',
                             'cdp_suppression_keys', 'cdp_erasures', 'cdp_suppressions', 'cdp_audience_removals']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
