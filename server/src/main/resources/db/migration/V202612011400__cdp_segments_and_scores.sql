-- Customer data platform, part 3: segments and their members, RFM scores and churn models.
--
-- A segment's rules are stored as the rule tree in the shape of the GraphQL input (SegmentRuleInput),
-- validated before they are stored. Membership is kept in cdp_segment_members and every entry and exit
-- is logged in cdp_segment_changes; both name live profiles (a profile that merges away leaves).
-- Every table is tenant-owned, with row-level security as in V1.

CREATE TABLE cdp_segments (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    rules         jsonb       NOT NULL,
    created_by    uuid,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    -- when membership was last recomputed in full (rules changed, or the periodic recompute)
    evaluated_at  timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX cdp_segments_page ON cdp_segments (tenant_id, created_at, id);

CREATE TABLE cdp_segment_members (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    segment_id  uuid        NOT NULL,
    profile_id  uuid        NOT NULL,
    entered_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, segment_id, profile_id),
    FOREIGN KEY (tenant_id, segment_id) REFERENCES cdp_segments (tenant_id, id) ON DELETE CASCADE
);
-- "which segments is this profile in", for the incremental re-evaluation and for erasure
CREATE INDEX cdp_segment_members_profile ON cdp_segment_members (tenant_id, profile_id);

-- Insert-only log of entries and exits (deleted with the segment; erasure may delete a person's rows).
CREATE TABLE cdp_segment_changes (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    segment_id  uuid        NOT NULL,
    profile_id  uuid        NOT NULL,
    change      text        NOT NULL CHECK (change IN ('ENTERED', 'LEFT')),
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    FOREIGN KEY (tenant_id, segment_id) REFERENCES cdp_segments (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX cdp_segment_changes_segment ON cdp_segment_changes (tenant_id, segment_id, seq);
CREATE INDEX cdp_segment_changes_profile ON cdp_segment_changes (tenant_id, profile_id);

-- Per live profile: its RFM quintile scores and group (customers only: a profile with no order has no
-- row's rfm columns set), and its churn probability from the tenant's newest churn model.
CREATE TABLE cdp_profile_scores (
    tenant_id          uuid             NOT NULL REFERENCES tenants (id),
    profile_id         uuid             NOT NULL,
    rfm_recency        smallint         CHECK (rfm_recency BETWEEN 1 AND 5),
    rfm_frequency      smallint         CHECK (rfm_frequency BETWEEN 1 AND 5),
    rfm_monetary       smallint         CHECK (rfm_monetary BETWEEN 1 AND 5),
    rfm_group          text,
    rfm_computed_at    timestamptz,
    churn_probability  double precision CHECK (churn_probability BETWEEN 0 AND 1),
    churn_model        integer,
    churn_scored_at    timestamptz,
    PRIMARY KEY (tenant_id, profile_id),
    CHECK ((rfm_recency IS NULL) = (rfm_group IS NULL))
);
CREATE INDEX cdp_profile_scores_rfm_group ON cdp_profile_scores (tenant_id, rfm_group) WHERE rfm_group IS NOT NULL;

-- A tenant's churn models, newest version answering. The ML engine's model_registry holds seed 001's
-- models (with defaults built into the server); a churn model exists only per tenant and is trained
-- from its own CDP events, so it has its own table with the same ideas (versions, test metrics,
-- the trained model's bytes).
CREATE TABLE cdp_churn_models (
    tenant_id      uuid             NOT NULL REFERENCES tenants (id),
    version        integer          NOT NULL CHECK (version >= 1),
    auc            double precision,
    precision      double precision NOT NULL,
    recall         double precision NOT NULL,
    training_rows  integer          NOT NULL CHECK (training_rows > 0),
    test_rows      integer          NOT NULL CHECK (test_rows > 0),
    churned_share  double precision NOT NULL,
    cutoff         timestamptz      NOT NULL,
    window_days    integer          NOT NULL CHECK (window_days > 0),
    artifact       bytea            NOT NULL,
    trained_by     uuid,
    trained_at     timestamptz      NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_segments TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_segment_members TO stratum_app;
GRANT SELECT, INSERT, DELETE ON cdp_segment_changes TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cdp_profile_scores TO stratum_app;
GRANT SELECT, INSERT, DELETE ON cdp_churn_models TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cdp_segments', 'cdp_segment_members', 'cdp_segment_changes', 'cdp_profile_scores', 'cdp_churn_models']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
