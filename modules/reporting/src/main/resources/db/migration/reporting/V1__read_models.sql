CREATE SCHEMA reporting;
GRANT USAGE ON SCHEMA reporting TO ${app_role};

-- Read models of coverage against target (issue 7, ADR 0011). Everything here is derived from the other
-- modules' events and published APIs; nothing is the truth about anything, and the rebuild command can
-- recompute it. Periods (months) are stored as the DATE of the month's first day. Money is whole Rupiah.
-- No personal data: workers are ids with a village, an occupation and a status; no NIK, name or heir.

-- One row per pemda: registry facts copied from tenancy and the headline figures, refreshed in the
-- transaction of every event applied to that pemda. BPJS staff compare the pemda of their office, and the
-- national office all pemda, by reading these rows across tenants through the read-only registry scope
-- (policy registry_overview below): aggregate figures only, never a worker row. The services decide
-- which rows a caller sees (the pemda of his office, as the tenancy registry says).
CREATE TABLE reporting.pemda_summary
(
    tenant_id                 UUID PRIMARY KEY,
    region_code               TEXT          NOT NULL,
    kind                      TEXT          NOT NULL CHECK (kind IN ('PROVINSI', 'KABUPATEN', 'KOTA')),
    name                      TEXT          NOT NULL,
    bpjs_office_code          TEXT          NOT NULL,
    bpjs_office_name          TEXT          NOT NULL,
    status                    TEXT          NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    coverage_target_percent   NUMERIC(5, 2),
    potential_workers         BIGINT CHECK (potential_workers >= 0),
    as_of_period              DATE          NOT NULL CHECK (extract(day FROM as_of_period) = 1),
    workers_total             BIGINT        NOT NULL DEFAULT 0,
    registered                BIGINT        NOT NULL DEFAULT 0,
    verified                  BIGINT        NOT NULL DEFAULT 0,
    active                    BIGINT        NOT NULL DEFAULT 0,
    inactive                  BIGINT        NOT NULL DEFAULT 0,
    ended                     BIGINT        NOT NULL DEFAULT 0,
    covered                   BIGINT        NOT NULL DEFAULT 0,
    contributions_12m         BIGINT        NOT NULL DEFAULT 0,
    claims_awaiting_decision  BIGINT        NOT NULL DEFAULT 0,
    claims_awaiting_payment   BIGINT        NOT NULL DEFAULT 0,
    claims_paid_12m           BIGINT        NOT NULL DEFAULT 0,
    claims_paid_amount_12m    BIGINT        NOT NULL DEFAULT 0,
    first_period              DATE CHECK (extract(day FROM first_period) = 1),
    refreshed_at              TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX pemda_summary_by_office ON reporting.pemda_summary (bpjs_office_code);

-- Names for the codes the dashboards group by: districts (or regencies of a province), villages and
-- occupations, copied from tenancy's region data and enrollment's occupation list when first seen.
CREATE TABLE reporting.label
(
    tenant_id UUID NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('DISTRICT', 'VILLAGE', 'OCCUPATION')),
    code      TEXT NOT NULL,
    name_id   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind, code)
);

-- The pemda's OPDs (tenancy) and funding programs (sponsorship) as their events announced them.
CREATE TABLE reporting.opd
(
    tenant_id UUID    NOT NULL,
    opd_id    UUID    NOT NULL,
    code      TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    active    BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, opd_id)
);

CREATE TABLE reporting.program
(
    tenant_id  UUID NOT NULL,
    program_id UUID NOT NULL,
    -- NULL until FundingProgramCreated arrives (a sponsorship event may be delivered first)
    kind       TEXT CHECK (kind IN ('ASN_TPP', 'APBD_COHORT', 'CSR', 'SELF')),
    PRIMARY KEY (tenant_id, program_id)
);

-- A worker as reporting counts him: status and the codes he is grouped by. district_code is the
-- kecamatan (PP.KK.CC) in a kabupaten/kota and the kabupaten/kota (PP.KK) in a province.
CREATE TABLE reporting.worker
(
    tenant_id       UUID NOT NULL,
    worker_id       UUID NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('REGISTERED', 'VERIFIED', 'ACTIVE', 'INACTIVE', 'ENDED')),
    village_code    TEXT NOT NULL,
    district_code   TEXT NOT NULL,
    occupation_code TEXT NOT NULL,
    registered_on   DATE NOT NULL,
    PRIMARY KEY (tenant_id, worker_id)
);
CREATE INDEX worker_by_district ON reporting.worker (tenant_id, district_code, worker_id);
CREATE INDEX worker_by_village ON reporting.worker (tenant_id, village_code, worker_id);
CREATE INDEX worker_by_occupation ON reporting.worker (tenant_id, occupation_code, worker_id);
CREATE INDEX worker_by_status ON reporting.worker (tenant_id, status, worker_id);

-- The runs of months a worker was covered (ACTIVE): from the period a payment activated him to the last
-- period before his cover lapsed or he was made inactive (open while he is covered).
CREATE TABLE reporting.worker_spell
(
    tenant_id    UUID NOT NULL,
    worker_id    UUID NOT NULL,
    first_period DATE NOT NULL CHECK (extract(day FROM first_period) = 1),
    last_period  DATE CHECK (extract(day FROM last_period) = 1),
    PRIMARY KEY (tenant_id, worker_id, first_period),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES reporting.worker (tenant_id, worker_id) ON DELETE CASCADE,
    CHECK (last_period IS NULL OR last_period >= first_period)
);
CREATE UNIQUE INDEX one_open_spell_per_worker ON reporting.worker_spell (tenant_id, worker_id) WHERE last_period IS NULL;

-- Who funds a worker (SponsorshipStarted / SponsorshipEnded): program, and for ASN sponsorship the
-- sponsor's account link and his OPD.
CREATE TABLE reporting.funding
(
    tenant_id       UUID    NOT NULL,
    funding_id      UUID    NOT NULL,
    program_id      UUID    NOT NULL,
    worker_id       UUID    NOT NULL,
    sponsor_link_id UUID,
    opd_id          UUID,
    first_period    DATE CHECK (extract(day FROM first_period) = 1),
    last_period     DATE CHECK (extract(day FROM last_period) = 1),
    ended           BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, funding_id)
);
CREATE INDEX funding_by_worker ON reporting.funding (tenant_id, worker_id);
CREATE INDEX funding_by_program ON reporting.funding (tenant_id, program_id, worker_id);
CREATE INDEX funding_by_opd ON reporting.funding (tenant_id, opd_id, worker_id) WHERE opd_id IS NOT NULL;
CREATE INDEX funding_by_sponsor ON reporting.funding (tenant_id, sponsor_link_id) WHERE sponsor_link_id IS NOT NULL;

-- Money and claims, one row per event-announced fact (its id is the idempotency key).
CREATE TABLE reporting.contribution_payment
(
    tenant_id  UUID   NOT NULL,
    payment_id UUID   NOT NULL,
    program_id UUID   NOT NULL,
    period     DATE   NOT NULL CHECK (extract(day FROM period) = 1),
    workers    INTEGER NOT NULL CHECK (workers >= 0),
    amount     BIGINT NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (tenant_id, payment_id)
);
CREATE INDEX contribution_payment_by_period ON reporting.contribution_payment (tenant_id, period);

CREATE TABLE reporting.deduction_list
(
    tenant_id UUID    NOT NULL,
    list_id   UUID    NOT NULL,
    opd_id    UUID    NOT NULL,
    period    DATE    NOT NULL CHECK (extract(day FROM period) = 1),
    sponsors  INTEGER NOT NULL CHECK (sponsors >= 0),
    workers   INTEGER NOT NULL CHECK (workers >= 0),
    amount    BIGINT  NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (tenant_id, list_id)
);
CREATE INDEX deduction_list_by_period ON reporting.deduction_list (tenant_id, period, opd_id);

CREATE TABLE reporting.claim
(
    tenant_id           UUID NOT NULL,
    claim_id            UUID NOT NULL,
    worker_id           UUID,
    kind                TEXT NOT NULL CHECK (kind IN ('JKM_DEATH', 'JKK_DEATH', 'JKK_ACCIDENT')),
    state               TEXT NOT NULL CHECK (state IN ('FILED', 'APPROVED', 'REJECTED', 'PAID')),
    incident_date       DATE,
    filed_on            DATE,
    decided_on          DATE,
    approved_amount     BIGINT CHECK (approved_amount >= 0),
    paid_amount         BIGINT CHECK (paid_amount >= 0),
    paid_on             DATE,
    working_days_to_pay INTEGER CHECK (working_days_to_pay >= 0),
    PRIMARY KEY (tenant_id, claim_id)
);
CREATE INDEX claim_by_state ON reporting.claim (tenant_id, state);
CREATE INDEX claim_by_paid_on ON reporting.claim (tenant_id, paid_on) WHERE paid_on IS NOT NULL;

-- Pre-aggregated counters the dashboards answer from. dimension is ALL (dim_key ''), DISTRICT, VILLAGE,
-- OCCUPATION, PROGRAM (a program id, or '-' for workers no live funding pays) or OPD (an OPD id).
-- status_count: workers per status now. coverage_flow: per month, covered spells starting and ending and
-- workers registered; covered in month M = sum of (started - ended) over the months up to M.
-- Maintained by state-based deltas (the contribution of the changed workers before and after a change)
-- and recomputed from the rows above by the rebuild.
CREATE TABLE reporting.status_count
(
    tenant_id UUID   NOT NULL,
    dimension TEXT   NOT NULL CHECK (dimension IN ('ALL', 'DISTRICT', 'VILLAGE', 'OCCUPATION', 'PROGRAM', 'OPD')),
    dim_key   TEXT   NOT NULL,
    status    TEXT   NOT NULL CHECK (status IN ('REGISTERED', 'VERIFIED', 'ACTIVE', 'INACTIVE', 'ENDED')),
    workers   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, dimension, dim_key, status)
);

CREATE TABLE reporting.coverage_flow
(
    tenant_id  UUID   NOT NULL,
    dimension  TEXT   NOT NULL CHECK (dimension IN ('ALL', 'DISTRICT', 'VILLAGE', 'OCCUPATION', 'PROGRAM', 'OPD')),
    dim_key    TEXT   NOT NULL,
    period     DATE   NOT NULL CHECK (extract(day FROM period) = 1),
    started    BIGINT NOT NULL,
    ended      BIGINT NOT NULL,
    registered BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, dimension, dim_key, period)
);

DO
$$
    DECLARE
        t TEXT;
    BEGIN
        FOREACH t IN ARRAY ARRAY ['label', 'opd', 'program', 'worker', 'worker_spell', 'funding',
            'contribution_payment', 'deduction_list', 'claim', 'status_count', 'coverage_flow']
            LOOP
                EXECUTE format('ALTER TABLE reporting.%I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE reporting.%I FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('CREATE POLICY tenant_isolation ON reporting.%I'
                                   || ' USING (tenant_id = current_setting(''app.tenant_id'')::uuid)'
                                   || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'')::uuid)', t);
            END LOOP;
    END
$$;

ALTER TABLE reporting.pemda_summary ENABLE ROW LEVEL SECURITY;
ALTER TABLE reporting.pemda_summary FORCE ROW LEVEL SECURITY;
-- Compared as text so that the registry scope below never fails a uuid cast here (as tenancy.tenant).
CREATE POLICY tenant_isolation ON reporting.pemda_summary
    USING (tenant_id::text = current_setting('app.tenant_id'))
    WITH CHECK (tenant_id::text = current_setting('app.tenant_id'));
-- The registry scope reads every pemda's summary (BPJS office and national overviews); it writes none.
CREATE POLICY registry_overview ON reporting.pemda_summary FOR SELECT
    USING (current_setting('app.tenant_id') = 'registry');
