-- JKM and JKK claims from report to payout (issue 6).
--
-- Amounts are whole Rupiah (BIGINT). Workers belong to the enrollment module: worker_id is checked by
-- the service through enrollment's published WorkerFacts / WorkerRegistration, not by a foreign key
-- across schemas. Cover (paid months) comes from sponsorship's CoverageLedger and is copied onto the
-- claim as it stood when the claim was filed (eligibility snapshot), so the decision can be explained.
CREATE SCHEMA claims;
GRANT USAGE ON SCHEMA claims TO ${app_role};

-- ---------------------------------------------------------------------------------------------------
-- Reference data (shared by every pemda, read-only for the app). Rules that change by date live here,
-- never in code: a change is a new row with a later valid_from (and valid_until on the old one).
-- valid_until is exclusive.
-- ---------------------------------------------------------------------------------------------------

-- One figure of the benefit and claim rules, dated. unit says how value reads: IDR (whole Rupiah),
-- COUNT, MONTHS, BP (basis points, 10000 = 100 %), HOURS, YEARS, WORKING_DAYS, AGE (years).
-- Benefit figures are taken as valid on the incident date; process figures (report within hours,
-- lapse after years, pay within working days) as valid on the day the claim is reported.
CREATE TABLE claims.benefit_rule
(
    rule_code   TEXT   NOT NULL CHECK (rule_code ~ '^[A-Z0-9_]{2,60}$'),
    valid_from  DATE   NOT NULL,
    valid_until DATE,
    value       BIGINT NOT NULL CHECK (value >= 0),
    unit        TEXT   NOT NULL CHECK (unit IN ('IDR', 'COUNT', 'MONTHS', 'BP', 'HOURS', 'YEARS', 'WORKING_DAYS', 'AGE')),
    legal_basis TEXT   NOT NULL,
    PRIMARY KEY (rule_code, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
INSERT INTO claims.benefit_rule (rule_code, valid_from, value, unit, legal_basis)
VALUES
    -- JKM: death not from work
    ('JKM_LUMP_SUM', '2019-12-02', 20000000, 'IDR', 'PP 82/2019: santunan sekaligus JKM Rp20.000.000'),
    ('JKM_PERIODIC_MONTHS', '2019-12-02', 24, 'COUNT', 'PP 82/2019: santunan berkala 24 bulan, dibayar sekaligus'),
    ('JKM_PERIODIC_MONTHLY', '2019-12-02', 500000, 'IDR', 'PP 82/2019: santunan berkala Rp500.000 per bulan'),
    ('JKM_FUNERAL', '2019-12-02', 10000000, 'IDR', 'PP 82/2019: biaya pemakaman Rp10.000.000'),
    -- the reduced amount in the first months of membership; DOMAIN.md: legal basis uncertain, kept as data
    ('JKM_WAITING_MONTHS', '2019-12-02', 3, 'MONTHS', 'Masa kepesertaan awal (dasar hukum belum pasti, lihat DOMAIN.md)'),
    ('JKM_EARLY_LUMP_SUM', '2019-12-02', 8000000, 'IDR', 'Santunan meninggal dalam 3 bulan pertama (dasar hukum belum pasti)'),
    ('JKM_EARLY_FUNERAL', '2019-12-02', 2000000, 'IDR', 'Biaya pemakaman dalam 3 bulan pertama (dasar hukum belum pasti)'),
    -- JKK: death from a work accident
    ('JKK_DEATH_INCOME_MULTIPLE', '2019-12-02', 48, 'COUNT', 'PP 82/2019: santunan kematian JKK 48 x upah/penghasilan'),
    ('JKK_DEATH_FUNERAL', '2019-12-02', 10000000, 'IDR', 'PP 82/2019: biaya pemakaman JKK Rp10.000.000'),
    ('JKK_DEATH_PERIODIC_MONTHS', '2019-12-02', 24, 'COUNT', 'PP 82/2019: santunan berkala JKK 24 bulan, dibayar sekaligus'),
    ('JKK_DEATH_PERIODIC_MONTHLY', '2019-12-02', 500000, 'IDR', 'PP 82/2019: santunan berkala JKK Rp500.000 per bulan'),
    -- JKK: temporary incapacity (STMB) and disability
    ('STMB_FULL_MONTHS', '2019-12-02', 12, 'MONTHS', 'PP 82/2019: STMB 100 % penghasilan 12 bulan pertama'),
    ('STMB_FULL_BP', '2019-12-02', 10000, 'BP', 'PP 82/2019: STMB 100 % penghasilan'),
    ('STMB_AFTER_BP', '2019-12-02', 5000, 'BP', 'PP 82/2019: STMB 50 % penghasilan sesudah 12 bulan'),
    ('DISABILITY_INCOME_MULTIPLE', '2019-12-02', 80, 'COUNT', 'PP 82/2019: cacat = % tabel x 80 x penghasilan'),
    ('TOTAL_DISABILITY_BP', '2019-12-02', 7000, 'BP', 'PP 82/2019: cacat total tetap 70 % x 80 x penghasilan'),
    -- scholarship (beasiswa)
    ('SCHOLARSHIP_MAX_CHILDREN', '2019-12-02', 2, 'COUNT', 'PP 82/2019: beasiswa paling banyak 2 anak'),
    ('SCHOLARSHIP_MIN_PAID_MONTHS_JKM', '2019-12-02', 36, 'MONTHS', 'PP 82/2019: beasiswa JKM setelah iuran paling singkat 3 tahun'),
    ('SCHOLARSHIP_MIN_PAID_MONTHS_JKK', '2019-12-02', 0, 'MONTHS', 'PP 82/2019: beasiswa JKK tanpa masa iur minimum'),
    ('SCHOLARSHIP_MAX_AGE', '2019-12-02', 23, 'AGE', 'PP 82/2019: beasiswa berakhir pada usia 23 tahun, menikah atau bekerja'),
    -- process
    ('ACCIDENT_REPORT_HOURS', '2015-07-01', 48, 'HOURS', 'PP 44/2015: kecelakaan kerja dilaporkan paling lama 2 x 24 jam'),
    ('JKK_CLAIM_LAPSE_YEARS', '2015-07-01', 5, 'YEARS', 'PP 44/2015: hak menuntut manfaat JKK gugur setelah 5 tahun'),
    ('PAYMENT_WORKING_DAYS', '2015-07-01', 7, 'WORKING_DAYS', 'BPJS membayar paling lama 7 hari kerja sejak dokumen lengkap');

-- Scholarship per child and school level: amount per school year and the most years paid at that level.
CREATE TABLE claims.scholarship_rate
(
    school_level    TEXT    NOT NULL CHECK (school_level IN ('TK', 'SD', 'SMP', 'SMA', 'PT')),
    valid_from      DATE    NOT NULL,
    valid_until     DATE,
    amount_per_year BIGINT  NOT NULL CHECK (amount_per_year > 0),
    max_years       INTEGER NOT NULL CHECK (max_years > 0),
    sort_order      INTEGER NOT NULL,
    legal_basis     TEXT    NOT NULL,
    PRIMARY KEY (school_level, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
INSERT INTO claims.scholarship_rate (school_level, valid_from, amount_per_year, max_years, sort_order, legal_basis)
VALUES ('TK', '2019-12-02', 1500000, 2, 10, 'PP 82/2019: TK Rp1.500.000 per tahun, paling lama 2 tahun'),
       ('SD', '2019-12-02', 1500000, 6, 20, 'PP 82/2019: SD Rp1.500.000 per tahun, paling lama 6 tahun'),
       ('SMP', '2019-12-02', 2000000, 3, 30, 'PP 82/2019: SMP Rp2.000.000 per tahun, paling lama 3 tahun'),
       ('SMA', '2019-12-02', 3000000, 3, 40, 'PP 82/2019: SMA Rp3.000.000 per tahun, paling lama 3 tahun'),
       ('PT', '2019-12-02', 12000000, 5, 50, 'PP 82/2019: perguruan tinggi/pelatihan Rp12.000.000 per tahun, paling lama 5 tahun');

-- The document checklist per claim kind, dated (taken as valid on the day the claim is reported).
-- requirement: ALWAYS; TRAFFIC (only for traffic accidents); CHILDREN (only when a child is named for
-- the scholarship); OPTIONAL (helps, never blocks).
CREATE TABLE claims.document_requirement
(
    claim_kind    TEXT    NOT NULL CHECK (claim_kind IN ('JKM_DEATH', 'JKK_DEATH', 'JKK_ACCIDENT')),
    document_type TEXT    NOT NULL CHECK (document_type ~ '^[A-Z_]{2,40}$'),
    valid_from    DATE    NOT NULL,
    valid_until   DATE,
    requirement   TEXT    NOT NULL CHECK (requirement IN ('ALWAYS', 'TRAFFIC', 'CHILDREN', 'OPTIONAL')),
    sort_order    INTEGER NOT NULL,
    PRIMARY KEY (claim_kind, document_type, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
INSERT INTO claims.document_requirement (claim_kind, document_type, valid_from, requirement, sort_order)
VALUES ('JKM_DEATH', 'KPJ_CARD', '2015-07-01', 'ALWAYS', 10),
       ('JKM_DEATH', 'KTP_WORKER', '2015-07-01', 'ALWAYS', 20),
       ('JKM_DEATH', 'KTP_HEIRS', '2015-07-01', 'ALWAYS', 30),
       ('JKM_DEATH', 'DEATH_CERTIFICATE', '2015-07-01', 'ALWAYS', 40),
       ('JKM_DEATH', 'FAMILY_CARD', '2015-07-01', 'ALWAYS', 50),
       ('JKM_DEATH', 'HEIR_STATEMENT', '2015-07-01', 'ALWAYS', 60),
       ('JKM_DEATH', 'BANK_BOOK', '2015-07-01', 'ALWAYS', 70),
       ('JKM_DEATH', 'SCHOOL_CERTIFICATE', '2015-07-01', 'CHILDREN', 80),
       ('JKK_DEATH', 'KPJ_CARD', '2015-07-01', 'ALWAYS', 10),
       ('JKK_DEATH', 'KTP_WORKER', '2015-07-01', 'ALWAYS', 20),
       ('JKK_DEATH', 'KTP_HEIRS', '2015-07-01', 'ALWAYS', 30),
       ('JKK_DEATH', 'DEATH_CERTIFICATE', '2015-07-01', 'ALWAYS', 40),
       ('JKK_DEATH', 'FAMILY_CARD', '2015-07-01', 'ALWAYS', 50),
       ('JKK_DEATH', 'HEIR_STATEMENT', '2015-07-01', 'ALWAYS', 60),
       ('JKK_DEATH', 'ACCIDENT_CHRONOLOGY', '2015-07-01', 'ALWAYS', 70),
       ('JKK_DEATH', 'POLICE_REPORT', '2015-07-01', 'TRAFFIC', 80),
       ('JKK_DEATH', 'MEDICAL_STATEMENT', '2015-07-01', 'ALWAYS', 90),
       ('JKK_DEATH', 'BANK_BOOK', '2015-07-01', 'ALWAYS', 100),
       ('JKK_DEATH', 'SCHOOL_CERTIFICATE', '2015-07-01', 'CHILDREN', 110),
       ('JKK_ACCIDENT', 'KPJ_CARD', '2015-07-01', 'ALWAYS', 10),
       ('JKK_ACCIDENT', 'KTP_WORKER', '2015-07-01', 'ALWAYS', 20),
       ('JKK_ACCIDENT', 'ACCIDENT_CHRONOLOGY', '2015-07-01', 'ALWAYS', 30),
       ('JKK_ACCIDENT', 'POLICE_REPORT', '2015-07-01', 'TRAFFIC', 40),
       ('JKK_ACCIDENT', 'MEDICAL_STATEMENT', '2015-07-01', 'ALWAYS', 50),
       ('JKK_ACCIDENT', 'MEDICAL_RECEIPTS', '2015-07-01', 'OPTIONAL', 60),
       ('JKK_ACCIDENT', 'BANK_BOOK', '2015-07-01', 'ALWAYS', 70);

-- National public holidays (libur nasional, SKB 3 Menteri) for the 7-working-day payment deadline;
-- Saturdays and Sundays are never working days. Seeded for 2025 and 2026 from the published decrees;
-- a new year's decree (and any cuti bersama BPJS observes) is added as rows, no release needed.
CREATE TABLE claims.holiday
(
    holiday_date DATE NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL
);
INSERT INTO claims.holiday (holiday_date, name)
VALUES ('2025-01-01', 'Tahun Baru Masehi'), ('2025-01-27', 'Isra Mikraj'), ('2025-01-29', 'Tahun Baru Imlek'),
       ('2025-03-29', 'Hari Suci Nyepi'), ('2025-03-31', 'Idul Fitri'), ('2025-04-01', 'Idul Fitri'),
       ('2025-04-18', 'Wafat Yesus Kristus'), ('2025-04-20', 'Kebangkitan Yesus Kristus'), ('2025-05-01', 'Hari Buruh'),
       ('2025-05-12', 'Hari Raya Waisak'), ('2025-05-29', 'Kenaikan Yesus Kristus'), ('2025-06-01', 'Hari Lahir Pancasila'),
       ('2025-06-06', 'Idul Adha'), ('2025-06-27', 'Tahun Baru Islam'), ('2025-08-17', 'Hari Kemerdekaan'),
       ('2025-09-05', 'Maulid Nabi Muhammad'), ('2025-12-25', 'Hari Natal'),
       ('2026-01-01', 'Tahun Baru Masehi'), ('2026-01-16', 'Isra Mikraj'), ('2026-02-17', 'Tahun Baru Imlek'),
       ('2026-03-19', 'Hari Suci Nyepi'), ('2026-03-20', 'Idul Fitri'), ('2026-03-21', 'Idul Fitri'),
       ('2026-04-03', 'Wafat Yesus Kristus'), ('2026-04-05', 'Kebangkitan Yesus Kristus'), ('2026-05-01', 'Hari Buruh'),
       ('2026-05-14', 'Kenaikan Yesus Kristus'), ('2026-05-27', 'Idul Adha'), ('2026-05-31', 'Hari Raya Waisak'),
       ('2026-06-01', 'Hari Lahir Pancasila'), ('2026-06-16', 'Tahun Baru Islam'), ('2026-08-17', 'Hari Kemerdekaan'),
       ('2026-08-25', 'Maulid Nabi Muhammad'), ('2026-12-25', 'Hari Natal');

REVOKE INSERT, UPDATE, DELETE ON claims.benefit_rule, claims.scholarship_rate, claims.document_requirement,
    claims.holiday FROM ${app_role};
GRANT SELECT ON claims.benefit_rule, claims.scholarship_rate, claims.document_requirement, claims.holiday TO ${app_role};

-- ---------------------------------------------------------------------------------------------------
-- Tenant data
-- ---------------------------------------------------------------------------------------------------

-- A claim. Status: REPORTED -> DOCUMENTS_REQUESTED <-> (BPJS check) -> COMPLETE -> APPROVED -> PAID;
-- REJECTED from any open status. The eligibility snapshot (declared income, first paid month, paid
-- months through the incident month, incident month paid) is what the calculation used.
CREATE TABLE claims.claim
(
    tenant_id              UUID        NOT NULL,
    claim_id               UUID        NOT NULL,
    worker_id              UUID        NOT NULL,
    kind                   TEXT        NOT NULL CHECK (kind IN ('JKM_DEATH', 'JKK_DEATH', 'JKK_ACCIDENT')),
    status                 TEXT        NOT NULL CHECK (status IN ('REPORTED', 'DOCUMENTS_REQUESTED', 'COMPLETE',
                                                                  'APPROVED', 'REJECTED', 'PAID')),
    incident_date          DATE        NOT NULL,
    incident_time          TIME,
    incident_place         TEXT        NOT NULL CHECK (length(incident_place) BETWEEN 3 AND 200),
    description            TEXT        NOT NULL CHECK (length(description) BETWEEN 10 AND 2000),
    traffic_accident       BOOLEAN     NOT NULL,
    late_report            BOOLEAN     NOT NULL,
    declared_income        BIGINT      NOT NULL CHECK (declared_income > 0),
    membership_since       DATE        NOT NULL CHECK (extract(day FROM membership_since) = 1),
    paid_months            INTEGER     NOT NULL CHECK (paid_months >= 0),
    incident_month_paid    BOOLEAN     NOT NULL,
    waiting_period         BOOLEAN     NOT NULL,
    scholarship_eligible   BOOLEAN     NOT NULL,
    reported_by            TEXT        NOT NULL,
    reporter_name          TEXT        NOT NULL,
    reported_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    requested_documents    TEXT[],
    request_note           TEXT CHECK (length(request_note) <= 1000),
    complete_on            DATE,
    due_on                 DATE,
    medical_costs          BIGINT CHECK (medical_costs >= 0),
    incapacity_months      INTEGER CHECK (incapacity_months BETWEEN 0 AND 120),
    disability             TEXT CHECK (disability IN ('NONE', 'PARTIAL', 'TOTAL')),
    disability_percent     INTEGER CHECK (disability_percent BETWEEN 1 AND 100),
    assessed_by            TEXT,
    assessed_at            TIMESTAMPTZ,
    decided_by             TEXT,
    decided_at             TIMESTAMPTZ,
    decision_reason        TEXT CHECK (length(decision_reason) <= 1000),
    approved_amount        BIGINT CHECK (approved_amount >= 0),
    paid_on                DATE,
    working_days_to_pay    INTEGER CHECK (working_days_to_pay >= 0),
    PRIMARY KEY (tenant_id, claim_id),
    CHECK ((complete_on IS NULL) = (due_on IS NULL)),
    CHECK ((disability = 'PARTIAL') = (disability_percent IS NOT NULL)),
    CHECK (status NOT IN ('APPROVED', 'PAID') OR approved_amount IS NOT NULL),
    CHECK (status <> 'PAID' OR paid_on IS NOT NULL)
);
-- A worker dies once: one death claim per worker unless it was rejected.
CREATE UNIQUE INDEX one_death_claim_per_worker ON claims.claim (tenant_id, worker_id)
    WHERE kind IN ('JKM_DEATH', 'JKK_DEATH') AND status <> 'REJECTED';
CREATE INDEX claim_by_status ON claims.claim (tenant_id, status, due_on);
CREATE INDEX claim_by_worker ON claims.claim (tenant_id, worker_id);
CREATE INDEX claim_by_reporter ON claims.claim (tenant_id, reported_by, reported_at);

-- Who is paid: the heirs (death) in order, the first one receiving the payout, or the worker himself
-- (accident, relationship SELF). Personal data: only claims' pages and API for the roles that handle it.
CREATE TABLE claims.claim_beneficiary
(
    tenant_id      UUID    NOT NULL,
    claim_id       UUID    NOT NULL,
    position       INTEGER NOT NULL CHECK (position BETWEEN 1 AND 10),
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 150),
    relationship   TEXT    NOT NULL CHECK (relationship IN ('SELF', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'IN_LAW', 'OTHER')),
    nik            TEXT    NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    bank_name      TEXT    NOT NULL CHECK (length(bank_name) BETWEEN 2 AND 60),
    account_number TEXT    NOT NULL CHECK (account_number ~ '^[0-9]{5,20}$'),
    PRIMARY KEY (tenant_id, claim_id, position),
    FOREIGN KEY (tenant_id, claim_id) REFERENCES claims.claim (tenant_id, claim_id)
);

-- Children named for the scholarship (at most the rule's number of children, two today).
CREATE TABLE claims.claim_child
(
    tenant_id    UUID    NOT NULL,
    claim_id     UUID    NOT NULL,
    position     INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 150),
    nik          TEXT    NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    birth_date   DATE    NOT NULL,
    school_level TEXT CHECK (school_level IN ('TK', 'SD', 'SMP', 'SMA', 'PT')),
    PRIMARY KEY (tenant_id, claim_id, position),
    FOREIGN KEY (tenant_id, claim_id) REFERENCES claims.claim (tenant_id, claim_id)
);

-- The calculation, line by line, as last computed (at filing, again when BPJS records the accident
-- assessment); frozen once the claim is decided. basis_args fill the localized basis text of the rule;
-- rule_valid_from names the rule row used (none for medical care, paid as billed without a ceiling).
CREATE TABLE claims.benefit_line
(
    tenant_id       UUID    NOT NULL,
    claim_id        UUID    NOT NULL,
    line_no         INTEGER NOT NULL CHECK (line_no > 0),
    rule_code       TEXT    NOT NULL,
    rule_valid_from DATE,
    basis_args      TEXT[]  NOT NULL,
    amount          BIGINT  NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (tenant_id, claim_id, line_no),
    FOREIGN KEY (tenant_id, claim_id) REFERENCES claims.claim (tenant_id, claim_id)
);

-- Uploaded documents (PDF, JPEG, PNG; type checked from the first bytes). Personal and health data:
-- opened only by the roles that need them, every opening audited.
CREATE TABLE claims.claim_document
(
    tenant_id       UUID        NOT NULL,
    document_id     UUID        NOT NULL,
    claim_id        UUID        NOT NULL,
    document_type   TEXT        NOT NULL CHECK (document_type ~ '^[A-Z_]{2,40}$'),
    file_name       TEXT        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 160),
    content_type    TEXT        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INTEGER     NOT NULL CHECK (size_bytes > 0),
    sha256          TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content         BYTEA       NOT NULL,
    uploaded_by     TEXT        NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    rejected_reason TEXT CHECK (length(rejected_reason) BETWEEN 3 AND 300),
    PRIMARY KEY (tenant_id, document_id),
    FOREIGN KEY (tenant_id, claim_id) REFERENCES claims.claim (tenant_id, claim_id)
);
CREATE INDEX claim_document_by_claim ON claims.claim_document (tenant_id, claim_id, document_type);

-- A school year of scholarship for a named child: the first year is granted with the claim (paid with
-- it), each later year is requested on its own and paid on its own.
CREATE TABLE claims.scholarship_year
(
    tenant_id        UUID        NOT NULL,
    scholarship_id   UUID        NOT NULL,
    claim_id         UUID        NOT NULL,
    child_position   INTEGER     NOT NULL,
    school_year      INTEGER     NOT NULL CHECK (school_year BETWEEN 2000 AND 2200),
    school_level     TEXT        NOT NULL CHECK (school_level IN ('TK', 'SD', 'SMP', 'SMA', 'PT')),
    amount           BIGINT      NOT NULL CHECK (amount > 0),
    paid_with_claim  BOOLEAN     NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('GRANTED', 'REQUESTED', 'PAID')),
    requested_by     TEXT        NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, scholarship_id),
    UNIQUE (tenant_id, claim_id, child_position, school_year),
    FOREIGN KEY (tenant_id, claim_id, child_position) REFERENCES claims.claim_child (tenant_id, claim_id, position)
);

-- Money paid out, with BPJS's payment reference. The unique keys make a second payment of the same
-- claim (or scholarship year) and a reused reference impossible, whatever is clicked or retried.
CREATE TABLE claims.payout
(
    tenant_id      UUID        NOT NULL,
    payout_id      UUID        NOT NULL,
    claim_id       UUID        NOT NULL,
    scholarship_id UUID,
    reference      TEXT        NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{2,39}$'),
    amount         BIGINT      NOT NULL CHECK (amount > 0),
    paid_on        DATE        NOT NULL,
    recorded_by    TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, payout_id),
    UNIQUE (tenant_id, reference),
    UNIQUE (tenant_id, scholarship_id),
    FOREIGN KEY (tenant_id, claim_id) REFERENCES claims.claim (tenant_id, claim_id),
    FOREIGN KEY (tenant_id, scholarship_id) REFERENCES claims.scholarship_year (tenant_id, scholarship_id)
);
CREATE UNIQUE INDEX one_payout_per_claim ON claims.payout (tenant_id, claim_id) WHERE scholarship_id IS NULL;

DO $$
    DECLARE
        t TEXT;
    BEGIN
        FOREACH t IN ARRAY ARRAY ['claim', 'claim_beneficiary', 'claim_child', 'benefit_line', 'claim_document',
            'scholarship_year', 'payout']
            LOOP
                EXECUTE format('ALTER TABLE claims.%I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE claims.%I FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('CREATE POLICY tenant_isolation ON claims.%I'
                                   || ' USING (tenant_id = current_setting(''app.tenant_id'')::uuid)'
                                   || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'')::uuid)', t);
            END LOOP;
    END
$$;
-- Claims and payouts are records of entitlement and money: never deleted; a payout is never changed.
REVOKE DELETE ON claims.claim, claims.claim_document, claims.scholarship_year, claims.payout,
    claims.claim_beneficiary, claims.claim_child FROM ${app_role};
REVOKE UPDATE ON claims.payout FROM ${app_role};
