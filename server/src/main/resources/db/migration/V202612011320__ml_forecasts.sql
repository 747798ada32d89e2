-- The forecasts the daily job (06:00 UTC) makes for each campaign and platform with recent spend, so a
-- dashboard reads the morning's forecasts of every campaign in one query, and so forecasts can later be
-- held against what happened. One row per forecast; its days as JSON. Kept 90 days.
CREATE TABLE ml_forecasts (
    tenant_id               uuid        NOT NULL REFERENCES tenants (id),
    made_on                 date        NOT NULL,
    level                   text        NOT NULL CHECK (level IN ('CAMPAIGN', 'PLATFORM')),
    platform                text        NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    -- '' for a platform's forecast
    campaign_id             text        NOT NULL,
    currency                char(3)     NOT NULL,
    method                  text        NOT NULL,
    history_days            integer     NOT NULL,
    history_end             date        NOT NULL,
    revenue_settled_through date        NOT NULL,
    -- [{"date", "spend": {"value", "lower", "upper"}, "revenue": {...}, "roas": {...}}, ...]
    days                    jsonb       NOT NULL,
    computed_at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, made_on, level, platform, campaign_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON ml_forecasts TO stratum_app;

ALTER TABLE ml_forecasts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ml_forecasts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ml_forecasts
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());
