CREATE SCHEMA platform;
GRANT USAGE ON SCHEMA platform TO ${app_role};

-- Who did what, in which tenant, when. Append-only for the application: it may insert and read.
CREATE TABLE platform.audit_event
(
    tenant_id      UUID        NOT NULL,
    audit_event_id BIGINT GENERATED ALWAYS AS IDENTITY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_subject  TEXT        NOT NULL,
    actor_name     TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    subject_type   TEXT        NOT NULL,
    subject_id     TEXT        NOT NULL,
    details        JSONB       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, audit_event_id)
);
CREATE INDEX audit_event_by_subject ON platform.audit_event (tenant_id, subject_type, subject_id, occurred_at);
REVOKE UPDATE, DELETE ON platform.audit_event FROM ${app_role};

ALTER TABLE platform.audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON platform.audit_event
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
