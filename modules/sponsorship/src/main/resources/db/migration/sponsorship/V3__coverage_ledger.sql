-- The coverage ledger (ADR 0007): one row per worker, month and paying program once BPJS confirmed the
-- payment. A worker is covered in a month iff a row exists for it; no retroactive cover is assumed
-- (DOMAIN.md). Two programs paying the same month give two rows: double funding, flagged, never hidden.
-- Rows are facts of money received: never updated or deleted by the application.
CREATE TABLE sponsorship.paid_month
(
    tenant_id  UUID        NOT NULL,
    worker_id  UUID        NOT NULL,
    period     DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    program_id UUID        NOT NULL,
    payment_id UUID        NOT NULL,
    amount     BIGINT      NOT NULL CHECK (amount >= 0),
    paid_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, worker_id, period, program_id),
    FOREIGN KEY (tenant_id, program_id) REFERENCES sponsorship.funding_program (tenant_id, program_id)
);
CREATE INDEX paid_month_by_period ON sponsorship.paid_month (tenant_id, period, program_id);
CREATE INDEX paid_month_by_payment ON sponsorship.paid_month (tenant_id, payment_id);

ALTER TABLE sponsorship.paid_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE sponsorship.paid_month FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sponsorship.paid_month
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
REVOKE UPDATE, DELETE ON sponsorship.paid_month FROM ${app_role};
