-- Campaigns and their daily performance, as the connectors sync them (money exact: bigint micros of
-- the row's currency), and each tenant's settings of the autopilot's built-in rules.

CREATE TABLE campaigns (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    platform         text        NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    account_id       text        NOT NULL,
    campaign_id      text        NOT NULL,
    name             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ARCHIVED', 'DELETED')),
    objective        text,
    budget_micros    bigint      CHECK (budget_micros IS NULL OR budget_micros >= 0),
    budget_period    text        CHECK (budget_period IN ('DAILY', 'LIFETIME')),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    account_timezone text        NOT NULL DEFAULT 'UTC',
    flight_start     date,
    flight_end       date,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, platform, campaign_id)
);
CREATE INDEX campaigns_account ON campaigns (tenant_id, platform, account_id);

CREATE TABLE campaign_daily_performance (
    tenant_id      uuid             NOT NULL REFERENCES tenants (id),
    platform       text             NOT NULL,
    campaign_id    text             NOT NULL,
    date           date             NOT NULL,
    spend_micros   bigint           NOT NULL CHECK (spend_micros >= 0),
    revenue_micros bigint           NOT NULL DEFAULT 0 CHECK (revenue_micros >= 0),
    conversions    double precision NOT NULL DEFAULT 0 CHECK (conversions >= 0),
    impressions    bigint           NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks         bigint           NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    currency       char(3)          NOT NULL,
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, platform, campaign_id, date)
);

CREATE TABLE autopilot_rules (
    tenant_id               uuid             NOT NULL REFERENCES tenants (id),
    rule_type               text             NOT NULL CHECK (rule_type IN ('BUDGET_PACING', 'PERFORMANCE_SCALING', 'STATUS_MANAGEMENT')),
    enabled                 boolean          NOT NULL,
    target_roas             double precision,
    target_cpa              double precision,
    max_change_per_step_pct double precision NOT NULL,
    max_change_per_day_pct  double precision NOT NULL,
    min_spend_micros        bigint           NOT NULL,
    lookback_days           integer          NOT NULL,
    cooldown_seconds        bigint           NOT NULL,
    min_budget_micros       bigint,
    max_budget_micros       bigint,
    updated_by              uuid,
    updated_at              timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, rule_type)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON campaigns TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_daily_performance TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON autopilot_rules TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['campaigns', 'campaign_daily_performance', 'autopilot_rules']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
