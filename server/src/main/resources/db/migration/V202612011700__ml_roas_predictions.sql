-- The live ROAS predictions the half-hourly job makes for every active campaign (seed 001's
-- run_all_tenant_predictions): the ROAS expected today from the campaign's recent daily performance, so a
-- dashboard shows each campaign's latest prediction and its history, and predictions can later be held
-- against what happened. One row per campaign and run; kept 30 days.
CREATE TABLE ml_roas_predictions (
    tenant_id        uuid             NOT NULL REFERENCES tenants (id),
    id               uuid             NOT NULL DEFAULT gen_random_uuid(),
    platform         text             NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    campaign_id      text             NOT NULL,
    -- the day predicted: the tenant's today when the run made it
    predicted_for    date             NOT NULL,
    -- what answered: the registry model's revision (ML_PROVIDER=local) or the Vertex AI endpoint
    model_version    text             NOT NULL,
    predicted_roas   double precision NOT NULL CHECK (predicted_roas >= 0),
    -- the 80 % interval; both null when the model gave none
    confidence_lower double precision,
    confidence_upper double precision,
    trend            text             NOT NULL CHECK (trend IN ('IMPROVING', 'STABLE', 'DECLINING')),
    recommendation   text             NOT NULL,
    predicted_at     timestamptz      NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK ((confidence_lower IS NULL) = (confidence_upper IS NULL))
);

-- newest first, per tenant and per campaign
CREATE INDEX ml_roas_predictions_latest ON ml_roas_predictions (tenant_id, predicted_at DESC, id DESC);
CREATE INDEX ml_roas_predictions_campaign ON ml_roas_predictions (tenant_id, campaign_id, predicted_at DESC, id DESC);

GRANT SELECT, INSERT, DELETE ON ml_roas_predictions TO stratum_app;

ALTER TABLE ml_roas_predictions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ml_roas_predictions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ml_roas_predictions
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());
