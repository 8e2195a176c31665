CREATE SCHEMA sponsorship;
GRANT USAGE ON SCHEMA sponsorship TO ${app_role};

-- The ASN roster a pemda's Disnaker operator keeps: who is a civil servant of which OPD. An ASN whose
-- NIP is on his OPD's roster becomes a sponsor at once when he registers. OPDs belong to the tenancy
-- module, so opd_id is checked by the service, not by a foreign key across schemas.
CREATE TABLE sponsorship.asn_roster_entry
(
    tenant_id  UUID        NOT NULL,
    entry_id   UUID        NOT NULL,
    nip        TEXT        NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 3 AND 150),
    opd_id     UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, entry_id),
    UNIQUE (tenant_id, nip)
);
CREATE INDEX asn_roster_by_opd ON sponsorship.asn_roster_entry (tenant_id, opd_id, name);

ALTER TABLE sponsorship.asn_roster_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE sponsorship.asn_roster_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sponsorship.asn_roster_entry
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);

-- A Keycloak account (subject) linked to an ASN's NIP in one pemda: requested by the ASN, approved at
-- once from the roster or by the head of his OPD, or refused. A NIP and an account each have at most
-- one live (pending or approved) link per pemda; refused requests stay as history.
CREATE TABLE sponsorship.asn_account_link
(
    tenant_id    UUID        NOT NULL,
    link_id      UUID        NOT NULL,
    subject      TEXT        NOT NULL,
    nip          TEXT        NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
    opd_id       UUID        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_by   TEXT,
    decided_at   TIMESTAMPTZ,
    reason       TEXT,
    PRIMARY KEY (tenant_id, link_id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (status <> 'REFUSED' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX asn_link_live_nip ON sponsorship.asn_account_link (tenant_id, nip) WHERE status <> 'REFUSED';
CREATE UNIQUE INDEX asn_link_live_subject ON sponsorship.asn_account_link (tenant_id, subject) WHERE status <> 'REFUSED';
CREATE INDEX asn_link_by_opd ON sponsorship.asn_account_link (tenant_id, opd_id, status);

ALTER TABLE sponsorship.asn_account_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE sponsorship.asn_account_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sponsorship.asn_account_link
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
-- Links are decided, never deleted: they are the history of who vouched for whom.
REVOKE DELETE ON sponsorship.asn_account_link FROM ${app_role};
