-- Creatives' current figures (seed 001's fatigue features), as a partner's pipeline or a connector
-- stores them with upsertCreatives, and the daily fatigue score the 03:00 UTC job gives each: the trend
-- that daysUntilCritical is read from. Daily scores are kept 400 days.
CREATE TABLE ml_creatives (
    tenant_id             uuid             NOT NULL REFERENCES tenants (id),
    platform              text             NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    creative_id           text             NOT NULL,
    first_used_on         date             NOT NULL,
    total_impressions     bigint           NOT NULL CHECK (total_impressions >= 0),
    frequency             double precision NOT NULL CHECK (frequency >= 0),
    ctr_trend_7d          double precision NOT NULL,
    ctr_trend_30d         double precision NOT NULL,
    engagement_decay_rate double precision NOT NULL,
    initial_ctr           double precision NOT NULL CHECK (initial_ctr >= 0),
    current_ctr           double precision NOT NULL CHECK (current_ctr >= 0),
    updated_at            timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, platform, creative_id)
);
-- the daily job picks the creatives updated lately
CREATE INDEX ml_creatives_updated ON ml_creatives (tenant_id, updated_at);

CREATE TABLE ml_creative_fatigue (
    tenant_id           uuid             NOT NULL REFERENCES tenants (id),
    platform            text             NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    creative_id         text             NOT NULL,
    date                date             NOT NULL,
    fatigue_score       double precision NOT NULL CHECK (fatigue_score BETWEEN 0 AND 100),
    fatigue_level       text             NOT NULL CHECK (fatigue_level IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    days_until_critical integer,
    recommendation      text             NOT NULL,
    PRIMARY KEY (tenant_id, platform, creative_id, date)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON ml_creatives TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ml_creative_fatigue TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ml_creatives', 'ml_creative_fatigue']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
