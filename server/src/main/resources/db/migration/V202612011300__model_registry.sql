-- The learned models of the ML engine (seed 001): every version a tenant trained, and the training
-- jobs that made them. Versioned by timestamp so that features built in parallel never take the same
-- number.
--
-- The default models are not rows here: they are trained when the server is built, from the sandbox
-- simulator's campaigns and synthetic plus public session data, and ship inside the server jar, so
-- they always match the code that encodes their inputs. A tenant without an active version of its own
-- is answered by the default. Every row here is tenant-owned, with row-level security as in V1.

CREATE TABLE model_registry (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    model_type      text        NOT NULL CHECK (model_type IN ('ROAS', 'CONVERSION')),
    version         integer     NOT NULL CHECK (version >= 1),
    -- at most one active version per tenant and type (index below); the others are retired
    active          boolean     NOT NULL,
    -- the test metrics: mae, rmse, r2, intervalCoverage, meanIntervalWidth (ROAS);
    -- auc, precision, recall (conversion)
    metrics         jsonb       NOT NULL,
    training_rows   integer     NOT NULL CHECK (training_rows >= 0),
    test_rows       integer     NOT NULL CHECK (test_rows >= 0),
    source          text        NOT NULL CHECK (source IN ('TRAINING_JOB', 'CSV')),
    training_job_id uuid,
    -- ai.stratum.server.ml.training.ModelArtifact: the trees in their library's format and the
    -- numbers the model needs beside them
    artifact        bytea       NOT NULL,
    -- the first 16 hex digits of the artifact's SHA-256, so listings need not read the artifact
    revision        text        NOT NULL CHECK (revision ~ '^[0-9a-f]{16}$'),
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, model_type, version)
);
CREATE UNIQUE INDEX model_registry_one_active ON model_registry (tenant_id, model_type) WHERE active;

CREATE TABLE training_jobs (
    tenant_id     uuid             NOT NULL REFERENCES tenants (id),
    id            uuid             NOT NULL,
    model_type    text             NOT NULL CHECK (model_type IN ('ROAS', 'CONVERSION')),
    status        text             NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    stage         text             NOT NULL,
    progress      double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    metrics       jsonb,
    model_version integer,
    training_rows integer,
    test_rows     integer,
    error         text,
    requested_by  uuid,
    created_at    timestamptz      NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    -- written with each progress step: a job whose server stopped is recognised by its silence
    heartbeat_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK ((status IN ('SUCCEEDED', 'FAILED')) = (finished_at IS NOT NULL))
);
-- one job at a time per tenant and model
CREATE UNIQUE INDEX training_jobs_one_open ON training_jobs (tenant_id, model_type) WHERE status IN ('QUEUED', 'RUNNING');

GRANT SELECT, INSERT, UPDATE ON model_registry TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON training_jobs TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['model_registry', 'training_jobs']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
