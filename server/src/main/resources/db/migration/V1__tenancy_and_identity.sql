-- Tenants, users, API keys and the audit trail of who did what.
--
-- Isolation has two walls. The service layer scopes every query to the caller's tenant; below it,
-- row-level security does the same for the role the application runs as (stratum_app): each
-- transaction sets stratum.tenant_id, and policies admit only that tenant's rows. The few
-- cross-tenant operations (login by e-mail, API-key lookup, a super admin listing tenants) run in
-- an explicit system scope (stratum.system = on).

DO $$
BEGIN
    CREATE ROLE stratum_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created by an earlier migration of another database in this cluster
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT stratum_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR insufficient_privilege THEN
    NULL; -- already a member, or a superuser that needs no membership to SET ROLE
END
$$;

GRANT USAGE ON SCHEMA public TO stratum_app;

CREATE FUNCTION stratum_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('stratum.tenant_id', true), '')::uuid $$;

CREATE FUNCTION stratum_is_system() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('stratum.system', true), '') = 'on' $$;

CREATE TABLE tenants (
    id         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency   char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    timezone   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenants_name_key ON tenants (lower(name));

CREATE TABLE users (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('SUPER_ADMIN', 'TENANT_ADMIN', 'MEDIA_BUYER', 'DATA_ANALYST', 'VIEWER')),
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
-- Login finds a user by e-mail alone, so an e-mail is unique across tenants.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_tenant_page ON users (tenant_id, created_at, id);

CREATE TABLE api_keys (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role         text        NOT NULL CHECK (role IN ('SUPER_ADMIN', 'TENANT_ADMIN', 'MEDIA_BUYER', 'DATA_ANALYST', 'VIEWER')),
    -- the key is "stratum_<lookup>_<secret>": lookup finds the row, only a hash of the secret is kept
    lookup       text        NOT NULL,
    secret_hash  bytea       NOT NULL,
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX api_keys_lookup_key ON api_keys (lookup);

CREATE TABLE audit_events (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    action          text        NOT NULL,
    actor_user_id   uuid,
    actor_api_key_id uuid,
    actor_role      text,
    -- a super admin acting inside a tenant that is not their own
    cross_tenant    boolean     NOT NULL DEFAULT false,
    target_type     text,
    target_id       text,
    details         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    request_id      text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_events_tenant_time ON audit_events (tenant_id, occurred_at DESC, id);

GRANT SELECT, INSERT, UPDATE ON tenants TO stratum_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO stratum_app;
GRANT SELECT, INSERT, UPDATE ON api_keys TO stratum_app;
-- append-only: the application can never rewrite history
GRANT SELECT, INSERT ON audit_events TO stratum_app;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
    USING (stratum_is_system() OR id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR id = stratum_current_tenant());

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());
