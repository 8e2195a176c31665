CREATE SCHEMA tenancy;
GRANT USAGE ON SCHEMA tenancy TO ${app_role};

-- Kemendagri region codes: PP (province), PP.KK (regency 01-69 / city 71-99), PP.KK.CC (district),
-- PP.KK.CC.DDDD (village). Shared reference data, the same for every tenant: readable by the
-- application, written only by migrations.
CREATE TABLE tenancy.region
(
    code        TEXT PRIMARY KEY,
    level       TEXT NOT NULL CHECK (level IN ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE')),
    parent_code TEXT REFERENCES tenancy.region (code),
    name        TEXT NOT NULL,
    CHECK (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$')
);
CREATE INDEX region_by_parent ON tenancy.region (parent_code, name);
CREATE INDEX region_by_name ON tenancy.region (lower(name) text_pattern_ops);
REVOKE INSERT, UPDATE, DELETE ON tenancy.region FROM ${app_role};

-- One row per pemda using Payung. The tenant id leads every key; the id is derived from the
-- region code (UUID v5), so the same pemda can never be onboarded twice.
CREATE TABLE tenancy.tenant
(
    tenant_id               UUID PRIMARY KEY,
    region_code             TEXT          NOT NULL REFERENCES tenancy.region (code),
    kind                    TEXT          NOT NULL CHECK (kind IN ('PROVINSI', 'KABUPATEN', 'KOTA')),
    name                    TEXT          NOT NULL,
    province_code           TEXT          NOT NULL REFERENCES tenancy.region (code),
    bpjs_office_code        TEXT          NOT NULL,
    bpjs_office_name        TEXT          NOT NULL,
    coverage_target_percent NUMERIC(5, 2) CHECK (coverage_target_percent > 0 AND coverage_target_percent <= 100),
    potential_workers       BIGINT CHECK (potential_workers >= 0),
    status                  TEXT          NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    suspension_reason       TEXT,
    onboarded_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((status = 'SUSPENDED') = (suspension_reason IS NOT NULL))
);

ALTER TABLE tenancy.tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.tenant FORCE ROW LEVEL SECURITY;
-- Compared as text so that the registry scope below never fails a uuid cast here.
CREATE POLICY tenant_isolation ON tenancy.tenant
    USING (tenant_id::text = current_setting('app.tenant_id'))
    WITH CHECK (tenant_id::text = current_setting('app.tenant_id'));
-- The registry scope reads every pemda's registry row (BPJS overview); it can write none.
CREATE POLICY registry_overview ON tenancy.tenant FOR SELECT
    USING (current_setting('app.tenant_id') = 'registry');

-- Organisasi Perangkat Daerah of a pemda.
CREATE TABLE tenancy.opd
(
    tenant_id  UUID        NOT NULL REFERENCES tenancy.tenant (tenant_id),
    opd_id     UUID        NOT NULL,
    code       TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, opd_id),
    UNIQUE (tenant_id, code)
);
CREATE UNIQUE INDEX opd_name_unique ON tenancy.opd (tenant_id, lower(name));

ALTER TABLE tenancy.opd ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy.opd FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenancy.opd
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
