-- The trust engine: signal snapshots per platform account, daily health history, each tenant's
-- gate configuration and TRUST_* overrides, gated actions, and the append-only gate audit log.

-- The newest snapshot of each account. Health is computed from it when asked, because freshness
-- decays with the clock, not with writes.
CREATE TABLE account_signals (
    tenant_id         uuid             NOT NULL REFERENCES tenants (id),
    platform          text             NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    account_id        text             NOT NULL CHECK (length(account_id) BETWEEN 1 AND 100),
    emq_scores        double precision[] NOT NULL DEFAULT '{}',
    last_received_at  timestamptz,
    platform_revenue  double precision,
    analytics_revenue double precision,
    cdp_emq_score     double precision,
    current_metrics   jsonb,
    history_metrics   jsonb            NOT NULL DEFAULT '[]'::jsonb,
    received_at       timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, platform, account_id)
);

-- The seed's signal_health_history, one row per tenant per day (scope TENANT) and, beside it,
-- one per platform (scope = the platform), upserted as the day goes on.
CREATE TABLE signal_health_history (
    tenant_id             uuid         NOT NULL REFERENCES tenants (id),
    id                    uuid         NOT NULL DEFAULT gen_random_uuid(),
    date                  date         NOT NULL,
    scope                 text         NOT NULL CHECK (scope IN ('TENANT', 'META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    overall_score         numeric(5, 2) NOT NULL,
    status                text         NOT NULL CHECK (status IN ('HEALTHY', 'DEGRADED', 'CRITICAL')),
    emq_score_avg         numeric(5, 2),
    event_loss_pct_avg    numeric(5, 2),
    freshness_minutes_avg integer,
    api_error_rate_avg    numeric(5, 4),
    platforms_ok          integer      NOT NULL DEFAULT 0,
    platforms_risk        integer      NOT NULL DEFAULT 0,
    platforms_degraded    integer      NOT NULL DEFAULT 0,
    platforms_critical    integer      NOT NULL DEFAULT 0,
    automation_blocked    boolean      NOT NULL DEFAULT false,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, date, scope)
);

CREATE TABLE trust_gate_configs (
    tenant_id              uuid          NOT NULL REFERENCES tenants (id) PRIMARY KEY,
    high_risk_threshold    numeric(5, 2) NOT NULL,
    standard_threshold     numeric(5, 2) NOT NULL,
    conservative_threshold numeric(5, 2) NOT NULL,
    hold_threshold         numeric(5, 2) NOT NULL,
    high_risk_actions      text[]        NOT NULL,
    conservative_actions   text[]        NOT NULL,
    always_allowed_actions text[]        NOT NULL,
    updated_by             uuid,
    updated_at             timestamptz   NOT NULL DEFAULT now()
);

-- Per-tenant overrides of the server's TRUST_* settings, by variable name.
CREATE TABLE trust_setting_overrides (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    name       text        NOT NULL CHECK (name ~ '^TRUST_[A-Z_]+$'),
    value      text        NOT NULL,
    updated_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE feature_flags (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    name       text        NOT NULL CHECK (name IN ('SIGNAL_HEALTH', 'SIGNAL_HEALTH_HISTORY', 'ATTRIBUTION_VARIANCE', 'TRUST_AUDIT_LOGS')),
    enabled    boolean     NOT NULL,
    updated_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name)
);

-- An emergency stop freezes the tenant's autopilot until someone resumes it.
CREATE TABLE autopilot_state (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) PRIMARY KEY,
    frozen     boolean     NOT NULL,
    reason     text,
    changed_by uuid,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE automation_actions (
    tenant_id                 uuid          NOT NULL REFERENCES tenants (id),
    id                        uuid          NOT NULL DEFAULT gen_random_uuid(),
    platform                  text          NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    account_id                text          NOT NULL,
    entity_type               text          NOT NULL CHECK (entity_type IN ('CAMPAIGN', 'ADSET', 'AD', 'ACCOUNT')),
    entity_id                 text          NOT NULL,
    action_type               text          NOT NULL,
    parameters                jsonb         NOT NULL DEFAULT '{}'::jsonb,
    status                    text          NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'EXECUTING', 'EXECUTED', 'FAILED',
                                                                       'BLOCKED', 'REJECTED', 'DRY_RUN')),
    decision                  text          NOT NULL CHECK (decision IN ('PASS', 'HOLD', 'BLOCK')),
    risk_level                text          NOT NULL,
    threshold                 numeric(5, 2) NOT NULL,
    reasons                   jsonb         NOT NULL DEFAULT '[]'::jsonb,
    idempotency_key           text          NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    trust_gate_passed         boolean       NOT NULL,
    signal_health_at_decision numeric(5, 2) NOT NULL,
    signal_health_at_execution numeric(5, 2),
    result                    jsonb,
    error                     text,
    is_dry_run                boolean       NOT NULL DEFAULT false,
    rule                      text,
    created_by_user_id        uuid,
    decided_by_user_id        uuid,
    created_at                timestamptz   NOT NULL DEFAULT now(),
    updated_at                timestamptz   NOT NULL DEFAULT now(),
    executed_at               timestamptz,
    PRIMARY KEY (tenant_id, id),
    -- the same key never executes twice: a resubmission finds the first action
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX automation_actions_pending ON automation_actions (tenant_id, status, created_at, id);
CREATE INDEX automation_actions_entity ON automation_actions (tenant_id, platform, entity_id, created_at DESC);

-- The seed's trust_gate_audit_log, keyed by tenant. Append-only for the application role.
CREATE TABLE trust_gate_audit_log (
    tenant_id            uuid          NOT NULL REFERENCES tenants (id),
    id                   uuid          NOT NULL DEFAULT gen_random_uuid(),
    decision_type        text          NOT NULL,
    action_type          text          NOT NULL,
    entity_type          text,
    entity_id            text,
    entity_name          text,
    platform             text,
    account_id           text,
    action_id            uuid,
    signal_health_score  numeric(5, 2),
    signal_health_status text,
    gate_passed          boolean,
    gate_reason          jsonb,
    action_payload       jsonb,
    action_result        jsonb,
    healthy_threshold    numeric(5, 2),
    degraded_threshold   numeric(5, 2),
    is_dry_run           boolean       NOT NULL DEFAULT false,
    triggered_by_system  boolean       NOT NULL DEFAULT true,
    triggered_by_user_id uuid,
    created_at           timestamptz   NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX trust_gate_audit_log_time ON trust_gate_audit_log (tenant_id, created_at DESC, id DESC);

GRANT SELECT, INSERT, UPDATE ON account_signals TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON signal_health_history TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON trust_gate_configs TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON trust_setting_overrides TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON feature_flags TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON autopilot_state TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON automation_actions TO stratum_app;
GRANT SELECT, INSERT ON trust_gate_audit_log TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['account_signals', 'signal_health_history', 'trust_gate_configs', 'trust_setting_overrides',
                             'feature_flags', 'autopilot_state', 'automation_actions', 'trust_gate_audit_log']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
