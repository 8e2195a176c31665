-- The head of region's sponsorship policy (DESIGN.md: tenancy owns it): "every ASN sponsors at least
-- minimum_workers workers from month valid_from". Dated: a new policy is a new row from its month; the
-- rows before stay as the history. The policy in force in month p is the row with the latest valid_from
-- <= p (and, of rows with the same month, the one set last). minimum_workers = 0 withdraws the duty.
CREATE TABLE tenancy.sponsorship_policy
(
    tenant_id       UUID        NOT NULL REFERENCES tenancy.tenant (tenant_id),
    policy_id       UUID        NOT NULL,
    valid_from      DATE        NOT NULL CHECK (extract(day FROM valid_from) = 1),
    minimum_workers INTEGER     NOT NULL CHECK (minimum_workers BETWEEN 0 AND 20),
    set_by          TEXT        NOT NULL,
    set_by_name     TEXT        NOT NULL,
    set_at          TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, policy_id)
);
CREATE INDEX sponsorship_policy_by_month ON tenancy.sponsorship_policy (tenant_id, valid_from, set_at);

ALTER TABLE tenancy.sponsorship_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.sponsorship_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenancy.sponsorship_policy
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
-- Policies are history: superseded by a later row, never changed or deleted.
REVOKE UPDATE, DELETE ON tenancy.sponsorship_policy FROM ${app_role};
