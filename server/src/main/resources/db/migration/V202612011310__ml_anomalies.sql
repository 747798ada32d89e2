-- Anomalous campaign days the ML engine found: one row per campaign, day, method and metric, written
-- once, when first found (by the scan after a sync or the half-hourly one), and announced then on the
-- anomalyDetected subscription. For the isolation forest, metric is the one furthest from its usual
-- level when the day was found; a day has at most one forest row.
CREATE TABLE ml_anomalies (
    tenant_id   uuid             NOT NULL REFERENCES tenants (id),
    platform    text             NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    campaign_id text             NOT NULL,
    date        date             NOT NULL,
    method      text             NOT NULL CHECK (method IN ('Z_SCORE', 'ISOLATION_FOREST')),
    metric      text             NOT NULL CHECK (metric IN ('SPEND', 'CONVERSIONS', 'CPA', 'ROAS', 'CTR')),
    -- |z| for Z_SCORE; the forest's anomaly score in (0, 1] for ISOLATION_FOREST
    score       double precision NOT NULL,
    -- the metric's value that day and its usual value, in the campaign's currency where money
    value       double precision NOT NULL,
    expected    double precision NOT NULL,
    currency    char(3)          NOT NULL,
    -- the detector's version (CampaignAnomalyDetector.VERSION)
    detector    text             NOT NULL,
    detected_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, platform, campaign_id, date, method, metric)
);
-- anomalies(from, to) reads a tenant's days in a range
CREATE INDEX ml_anomalies_date ON ml_anomalies (tenant_id, date);

GRANT SELECT, INSERT, DELETE ON ml_anomalies TO stratum_app;

ALTER TABLE ml_anomalies ENABLE ROW LEVEL SECURITY;
ALTER TABLE ml_anomalies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ml_anomalies
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());
