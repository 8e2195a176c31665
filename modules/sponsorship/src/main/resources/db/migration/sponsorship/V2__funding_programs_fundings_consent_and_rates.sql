-- Who pays for a worker's cover, month by month (issue 5, ADR 0007).
--
-- Periods (contribution months) are stored as the DATE of the month's first day; a CHECK keeps them so.
-- Amounts are whole Rupiah (BIGINT). Workers belong to the enrollment module and OPDs to tenancy: their
-- ids are checked by the services through those modules' published APIs, not by foreign keys across
-- schemas.

-- A pemda's funding program: ASN sponsorship by TPP deduction, an APBD cohort (budget ceiling and quota),
-- a donor/CSR program, or self-paid. counts_as_apbd decides whether the PP 50/2025 discount is withheld
-- (DOMAIN.md: "whether a TPP-deducted premium counts as APBD-funded is not settled": a per-program setting).
CREATE TABLE sponsorship.funding_program
(
    tenant_id      UUID        NOT NULL,
    program_id     UUID        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('ASN_TPP', 'APBD_COHORT', 'CSR', 'SELF')),
    name           TEXT        NOT NULL CHECK (length(name) BETWEEN 3 AND 150),
    counts_as_apbd BOOLEAN     NOT NULL,
    budget_ceiling BIGINT CHECK (budget_ceiling > 0),
    worker_quota   INTEGER CHECK (worker_quota > 0),
    donor_name     TEXT CHECK (length(donor_name) BETWEEN 2 AND 150),
    first_period   DATE        NOT NULL CHECK (extract(day FROM first_period) = 1),
    last_period    DATE CHECK (extract(day FROM last_period) = 1),
    status         TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CLOSED')),
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, program_id),
    UNIQUE (tenant_id, name),
    CHECK (last_period IS NULL OR last_period >= first_period),
    -- an APBD cohort has a budget ceiling and a quota; only a CSR program names a donor
    CHECK (kind <> 'APBD_COHORT' OR (budget_ceiling IS NOT NULL AND worker_quota IS NOT NULL)),
    CHECK ((kind = 'CSR') = (donor_name IS NOT NULL))
);
-- One ASN/TPP program per pemda: every ASN sponsorship of the pemda belongs to it.
CREATE UNIQUE INDEX one_asn_program_per_tenant ON sponsorship.funding_program (tenant_id) WHERE kind = 'ASN_TPP';

-- An ASN's written consent to the monthly TPP deduction, kept as evidence: the exact text he agreed to,
-- its SHA-256, when, and from which account. Never updated or deleted.
CREATE TABLE sponsorship.deduction_consent
(
    tenant_id   UUID        NOT NULL,
    consent_id  UUID        NOT NULL,
    link_id     UUID        NOT NULL,
    subject     TEXT        NOT NULL,
    text        TEXT        NOT NULL CHECK (length(text) BETWEEN 20 AND 4000),
    text_sha256 TEXT        NOT NULL CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
    language    TEXT        NOT NULL CHECK (language IN ('id', 'en')),
    given_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, consent_id),
    FOREIGN KEY (tenant_id, link_id) REFERENCES sponsorship.asn_account_link (tenant_id, link_id)
);

-- One worker funded by one program for a run of months [first_period, last_period] (open end = until
-- ended). For the ASN/TPP program the sponsor (his account link), his OPD at the time, the relationship
-- and his consent are recorded. declared_income and transport_sector are the worker's enrollment facts
-- when the funding started (the premium is computed from them by sponsorship.monthly_premium).
-- Two fundings of the same worker by the same program must not overlap (checked by the service under a
-- row lock on the worker's fundings); fundings by two programs may, and are flagged as double funding.
CREATE TABLE sponsorship.funding
(
    tenant_id        UUID        NOT NULL,
    funding_id       UUID        NOT NULL,
    program_id       UUID        NOT NULL,
    worker_id        UUID        NOT NULL,
    first_period     DATE        NOT NULL CHECK (extract(day FROM first_period) = 1),
    last_period      DATE CHECK (extract(day FROM last_period) = 1),
    sponsor_link_id  UUID,
    opd_id           UUID,
    relationship     TEXT CHECK (relationship ~ '^[A-Z_]{2,30}$'),
    consent_id       UUID,
    declared_income  BIGINT      NOT NULL CHECK (declared_income > 0),
    transport_sector BOOLEAN     NOT NULL,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_by         TEXT,
    ended_at         TIMESTAMPTZ,
    end_reason       TEXT,
    PRIMARY KEY (tenant_id, funding_id),
    FOREIGN KEY (tenant_id, program_id) REFERENCES sponsorship.funding_program (tenant_id, program_id),
    FOREIGN KEY (tenant_id, sponsor_link_id) REFERENCES sponsorship.asn_account_link (tenant_id, link_id),
    FOREIGN KEY (tenant_id, consent_id) REFERENCES sponsorship.deduction_consent (tenant_id, consent_id),
    CHECK (last_period IS NULL OR last_period >= first_period),
    -- a sponsor comes with his OPD, the relationship and his consent, or none of them
    CHECK ((sponsor_link_id IS NULL) = (consent_id IS NULL)
        AND (sponsor_link_id IS NULL) = (opd_id IS NULL)
        AND (sponsor_link_id IS NULL) = (relationship IS NULL)),
    CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX funding_by_worker ON sponsorship.funding (tenant_id, worker_id, first_period);
CREATE INDEX funding_by_program ON sponsorship.funding (tenant_id, program_id, first_period);
CREATE INDEX funding_by_sponsor ON sponsorship.funding (tenant_id, sponsor_link_id) WHERE sponsor_link_id IS NOT NULL;
CREATE INDEX funding_by_opd ON sponsorship.funding (tenant_id, opd_id) WHERE opd_id IS NOT NULL;

DO $$
    DECLARE
        t TEXT;
    BEGIN
        FOREACH t IN ARRAY ARRAY ['funding_program', 'deduction_consent', 'funding']
            LOOP
                EXECUTE format('ALTER TABLE sponsorship.%I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE sponsorship.%I FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('CREATE POLICY tenant_isolation ON sponsorship.%I'
                                   || ' USING (tenant_id = current_setting(''app.tenant_id'')::uuid)'
                                   || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'')::uuid)', t);
            END LOOP;
    END
$$;
REVOKE DELETE ON sponsorship.funding_program, sponsorship.funding FROM ${app_role};
REVOKE UPDATE, DELETE ON sponsorship.deduction_consent FROM ${app_role};

-- Reference data (shared, read-only for the app): the BPU contribution rates, dated. Changing a rate is
-- adding a row with a later valid_from (and closing the previous one), not a release.
-- JKK = basis points of the declared income (100 bp = 1 %); JKM = a flat amount per month.
CREATE TABLE sponsorship.contribution_rate
(
    component   TEXT   NOT NULL CHECK (component IN ('JKK', 'JKM')),
    valid_from  DATE   NOT NULL CHECK (extract(day FROM valid_from) = 1),
    valid_until DATE CHECK (extract(day FROM valid_until) = 1),
    income_bp   INTEGER CHECK (income_bp > 0 AND income_bp <= 10000),
    flat_amount BIGINT CHECK (flat_amount > 0),
    legal_basis TEXT   NOT NULL,
    PRIMARY KEY (component, valid_from),
    CHECK ((income_bp IS NULL) <> (flat_amount IS NULL)),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
INSERT INTO sponsorship.contribution_rate (component, valid_from, income_bp, flat_amount, legal_basis)
VALUES ('JKK', '2015-07-01', 100, NULL, 'PP 44/2015 Lampiran II: JKK BPU 1 % dari penghasilan yang dilaporkan'),
       ('JKM', '2015-07-01', NULL, 6800, 'PP 44/2015: JKM BPU Rp6.800 per bulan');

-- Discounts on JKK+JKM, dated and by sector: PP 50/2025 gives BPU 50 % off, transport workers Jan 2026 –
-- Mar 2027, all other sectors Apr – Dec 2026, except premiums paid from APBN/APBD (excluded_when_apbd).
-- valid_until is exclusive (the first month no longer discounted).
CREATE TABLE sponsorship.contribution_discount
(
    discount_code     TEXT    NOT NULL CHECK (discount_code ~ '^[A-Z0-9_-]{2,40}$'),
    sector            TEXT    NOT NULL CHECK (sector IN ('TRANSPORT', 'OTHER')),
    valid_from        DATE    NOT NULL CHECK (extract(day FROM valid_from) = 1),
    valid_until       DATE    NOT NULL CHECK (extract(day FROM valid_until) = 1),
    discount_bp       INTEGER NOT NULL CHECK (discount_bp > 0 AND discount_bp <= 10000),
    excluded_when_apbd BOOLEAN NOT NULL,
    legal_basis       TEXT    NOT NULL,
    PRIMARY KEY (discount_code, sector, valid_from),
    CHECK (valid_until > valid_from)
);
INSERT INTO sponsorship.contribution_discount (discount_code, sector, valid_from, valid_until, discount_bp,
                                               excluded_when_apbd, legal_basis)
VALUES ('PP50-2025', 'TRANSPORT', '2026-01-01', '2027-04-01', 5000, true,
        'PP 50/2025: diskon 50 % iuran JKK+JKM BPU sektor transportasi Jan 2026 – Mar 2027, kecuali dibayar APBN/APBD'),
       ('PP50-2025', 'OTHER', '2026-04-01', '2027-01-01', 5000, true,
        'PP 50/2025: diskon 50 % iuran JKK+JKM BPU sektor lain Apr – Des 2026, kecuali dibayar APBN/APBD');

REVOKE INSERT, UPDATE, DELETE ON sponsorship.contribution_rate, sponsorship.contribution_discount FROM ${app_role};
GRANT SELECT ON sponsorship.contribution_rate, sponsorship.contribution_discount TO ${app_role};

-- The monthly premium of one worker for one period, from the rate tables valid in that month: JKK (basis
-- points of the declared income, rounded down to the Rupiah) + JKM (flat), less the largest discount of
-- his sector valid that month unless the program counts as APBD-funded and the discount excludes it.
-- The discount is rounded down to the Rupiah (the participant never pays a fraction). Used set-based by
-- the monthly cycle and one by one by the ASN's "what will be deducted" view: one rule, one place.
-- Fails (NULL) when no rate is valid for the period, which the callers refuse with a clear message.
CREATE FUNCTION sponsorship.monthly_premium(declared_income BIGINT, transport_sector BOOLEAN,
                                            counts_as_apbd BOOLEAN, period DATE)
    RETURNS BIGINT
    LANGUAGE sql
    STABLE
    PARALLEL SAFE
AS
$$
WITH base AS (SELECT (SELECT declared_income * r.income_bp / 10000
                      FROM sponsorship.contribution_rate r
                      WHERE r.component = 'JKK'
                        AND period >= r.valid_from
                        AND (r.valid_until IS NULL OR period < r.valid_until)) AS jkk,
                     (SELECT r.flat_amount
                      FROM sponsorship.contribution_rate r
                      WHERE r.component = 'JKM'
                        AND period >= r.valid_from
                        AND (r.valid_until IS NULL OR period < r.valid_until)) AS jkm),
     discount AS (SELECT coalesce(max(d.discount_bp), 0) AS bp
                  FROM sponsorship.contribution_discount d
                  WHERE d.sector = CASE WHEN transport_sector THEN 'TRANSPORT' ELSE 'OTHER' END
                    AND period >= d.valid_from
                    AND period < d.valid_until
                    AND NOT (d.excluded_when_apbd AND counts_as_apbd))
SELECT (base.jkk + base.jkm) - (base.jkk + base.jkm) * discount.bp / 10000
FROM base,
     discount
$$;
GRANT EXECUTE ON FUNCTION sponsorship.monthly_premium(BIGINT, BOOLEAN, BOOLEAN, DATE) TO ${app_role};
