-- Connected ad accounts, OAuth flows in progress, and sync runs.
--
-- A connection's credentials (access token, refresh token, expiry) are stored only as
-- AES-256-GCM ciphertext; the tenant id and connection id are the cipher's associated data, so a
-- ciphertext copied into another row does not decrypt. The key never reaches the database.

CREATE TABLE connections (
    tenant_id          uuid        NOT NULL REFERENCES tenants (id),
    id                 uuid        NOT NULL,
    platform           text        NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    account_id         text        NOT NULL CHECK (length(account_id) BETWEEN 1 AND 100),
    display_name       text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'NEEDS_REAUTH', 'ERROR', 'PAUSED')),
    -- ciphertext followed by the 16-byte GCM tag
    credentials        bytea       NOT NULL,
    credentials_nonce  bytea       NOT NULL CHECK (length(credentials_nonce) = 12),
    -- which key sealed them (a fingerprint, not the key), so a changed STRATUM_SECRET_KEY is named as the cause
    credentials_key_id text        NOT NULL,
    last_sync_at       timestamptz,
    last_sync_status   text        CHECK (last_sync_status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    last_error         text,
    created_by         uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, platform, account_id)
);

-- An OAuth authorization in progress: single use (the callback deletes it), short-lived, bound to
-- the tenant and user who started it. Only a SHA-256 of the state is kept: the state travels in
-- URLs, and a copy of this table must not let anyone complete someone else's flow.
CREATE TABLE oauth_states (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    state_hash   bytea       NOT NULL CHECK (length(state_hash) = 32),
    user_id      uuid        NOT NULL,
    platform     text        NOT NULL CHECK (platform IN ('META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT')),
    account_id   text        NOT NULL CHECK (length(account_id) BETWEEN 1 AND 100),
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    redirect_uri text        NOT NULL CHECK (length(redirect_uri) BETWEEN 1 AND 2000),
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, state_hash),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
-- the callback knows only the state, not the tenant
CREATE UNIQUE INDEX oauth_states_state ON oauth_states (state_hash);

CREATE TABLE sync_runs (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    connection_id uuid        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    range_from    date        NOT NULL,
    range_to      date        NOT NULL,
    rows_written  bigint      NOT NULL DEFAULT 0 CHECK (rows_written >= 0),
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    error         text,
    -- the user who asked for it; null for the schedule
    triggered_by  uuid,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE,
    CHECK (range_to >= range_from),
    CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
-- one sync of a connection at a time, whichever instance started it
CREATE UNIQUE INDEX sync_runs_one_running ON sync_runs (tenant_id, connection_id) WHERE status = 'RUNNING';
CREATE INDEX sync_runs_connection ON sync_runs (tenant_id, connection_id, started_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON connections TO stratum_app;
GRANT SELECT, INSERT, DELETE ON oauth_states TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON sync_runs TO stratum_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['connections', 'oauth_states', 'sync_runs']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (stratum_is_system() OR tenant_id = stratum_current_tenant()) '
                       'WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant())', t);
    END LOOP;
END
$$;
