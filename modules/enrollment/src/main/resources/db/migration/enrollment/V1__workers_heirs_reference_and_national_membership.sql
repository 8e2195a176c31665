CREATE SCHEMA enrollment;
GRANT USAGE ON SCHEMA enrollment TO ${app_role};

-- Reference data (shared by all tenants, read-only for the app): declared income levels of BPU
-- participants, Lampiran II PP 44/2015. JKK = 1 % of the level; the premium is stored, not computed,
-- so a changed rule is a new dated row. Only the lowest level (Rp1,000,000 -> Rp10,000) is confirmed by
-- DOMAIN.md; the higher levels below are placeholders until the full Lampiran II table is settled
-- (OPEN QUESTION, DOMAIN.md "Full Lampiran II income levels"). Do not bill from them yet.
CREATE TABLE enrollment.income_level
(
    level_code  TEXT   NOT NULL CHECK (level_code ~ '^[A-Z0-9-]{2,20}$'),
    valid_from  DATE   NOT NULL,
    valid_until DATE,
    income      BIGINT NOT NULL CHECK (income > 0),
    jkk_premium BIGINT NOT NULL CHECK (jkk_premium > 0),
    PRIMARY KEY (level_code, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
INSERT INTO enrollment.income_level (level_code, valid_from, income, jkk_premium)
VALUES ('L01', '2015-07-01', 1000000, 10000),
       ('L02', '2015-07-01', 1500000, 15000),
       ('L03', '2015-07-01', 2000000, 20000),
       ('L04', '2015-07-01', 2500000, 25000),
       ('L05', '2015-07-01', 3000000, 30000),
       ('L06', '2015-07-01', 5000000, 50000);
REVOKE INSERT, UPDATE, DELETE ON enrollment.income_level FROM ${app_role};

-- Reference data: the occupations a worker can be registered with. transport_sector marks the workers
-- PP 50/2025 discounts from January 2026 (ojol, couriers, drivers); the discount itself is a rule of
-- the sponsorship module's rate tables, not of this list.
CREATE TABLE enrollment.occupation
(
    occupation_code  TEXT    NOT NULL CHECK (occupation_code ~ '^[A-Z_]{2,30}$'),
    valid_from       DATE    NOT NULL,
    valid_until      DATE,
    name_id          TEXT    NOT NULL,
    name_en          TEXT    NOT NULL,
    transport_sector BOOLEAN NOT NULL,
    sort_order       INTEGER NOT NULL,
    PRIMARY KEY (occupation_code, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
INSERT INTO enrollment.occupation (occupation_code, valid_from, name_id, name_en, transport_sector, sort_order)
VALUES ('ART', '2015-07-01', 'Asisten rumah tangga (ART)', 'Household helper', false, 10),
       ('SOPIR', '2015-07-01', 'Sopir', 'Driver', true, 20),
       ('OJEK', '2015-07-01', 'Ojek / ojol', 'Motorcycle taxi / ride-hailing driver', true, 30),
       ('KURIR', '2015-07-01', 'Kurir', 'Courier', true, 40),
       ('TUKANG_KEBUN', '2015-07-01', 'Tukang kebun', 'Gardener', false, 50),
       ('PETANI', '2015-07-01', 'Petani', 'Farmer', false, 60),
       ('NELAYAN', '2015-07-01', 'Nelayan', 'Fisher', false, 70),
       ('PEDAGANG', '2015-07-01', 'Pedagang', 'Trader', false, 80),
       ('GURU_NGAJI', '2015-07-01', 'Guru ngaji', 'Quran teacher', false, 90),
       ('MARBOT', '2015-07-01', 'Garin / marbot', 'Mosque caretaker', false, 100),
       ('BURUH_HARIAN', '2015-07-01', 'Buruh harian', 'Day labourer', false, 110),
       ('RELAWAN', '2015-07-01', 'Relawan / kader desa', 'Village volunteer', false, 120),
       ('NON_ASN', '2015-07-01', 'Pegawai non-ASN (honorer, THL, RT/RW, linmas)', 'Non-civil-servant staff', false, 130),
       ('LAINNYA', '2015-07-01', 'Lainnya', 'Other', false, 900);
REVOKE INSERT, UPDATE, DELETE ON enrollment.occupation FROM ${app_role};

-- A registered worker of one pemda. The NIK is personal data: stored and searched here only.
CREATE TABLE enrollment.worker
(
    tenant_id         UUID        NOT NULL,
    worker_id         UUID        NOT NULL,
    nik               TEXT        NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 2 AND 150),
    birth_date        DATE        NOT NULL,
    sex               TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    address           TEXT        NOT NULL CHECK (length(address) BETWEEN 3 AND 300),
    village_code      TEXT        NOT NULL CHECK (village_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
    phone             TEXT CHECK (phone ~ '^\+?[0-9]{8,15}$'),
    occupation_code   TEXT        NOT NULL,
    income_level_code TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('REGISTERED', 'VERIFIED', 'ACTIVE', 'INACTIVE', 'ENDED')),
    kpj               TEXT CHECK (kpj ~ '^[0-9]{8,16}$'),
    registered_by     TEXT        NOT NULL,
    registered_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, worker_id),
    UNIQUE (tenant_id, nik)
);
CREATE INDEX worker_by_name ON enrollment.worker (tenant_id, lower(name) text_pattern_ops);
CREATE INDEX worker_by_village ON enrollment.worker (tenant_id, village_code);
CREATE INDEX worker_by_occupation ON enrollment.worker (tenant_id, occupation_code, status);
CREATE INDEX worker_by_status ON enrollment.worker (tenant_id, status);
CREATE INDEX worker_by_kpj ON enrollment.worker (tenant_id, kpj) WHERE kpj IS NOT NULL;
CREATE INDEX worker_by_registrant ON enrollment.worker (tenant_id, registered_by);

ALTER TABLE enrollment.worker ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment.worker FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrollment.worker
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
-- Workers end (status), they are never deleted.
REVOKE DELETE ON enrollment.worker FROM ${app_role};

-- The heirs (ahli waris) a worker names, in the order given.
CREATE TABLE enrollment.heir
(
    tenant_id    UUID     NOT NULL,
    worker_id    UUID     NOT NULL,
    position     SMALLINT NOT NULL CHECK (position BETWEEN 1 AND 10),
    name         TEXT     NOT NULL CHECK (length(name) BETWEEN 2 AND 150),
    relationship TEXT     NOT NULL CHECK (relationship IN ('SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'IN_LAW', 'OTHER')),
    nik          TEXT     NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    PRIMARY KEY (tenant_id, worker_id, position),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES enrollment.worker (tenant_id, worker_id)
);
ALTER TABLE enrollment.heir ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment.heir FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrollment.heir
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);

-- Every change of a worker's registration, with who did it. Never updated or deleted.
CREATE TABLE enrollment.worker_history
(
    tenant_id   UUID        NOT NULL,
    entry_id    UUID        NOT NULL,
    worker_id   UUID        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor       TEXT        NOT NULL,
    actor_name  TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    PRIMARY KEY (tenant_id, entry_id),
    FOREIGN KEY (tenant_id, worker_id) REFERENCES enrollment.worker (tenant_id, worker_id)
);
CREATE INDEX worker_history_by_worker ON enrollment.worker_history (tenant_id, worker_id, occurred_at);
ALTER TABLE enrollment.worker_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment.worker_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrollment.worker_history
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
REVOKE UPDATE, DELETE ON enrollment.worker_history FROM ${app_role};

-- One BPU membership per person nationally (ADR 0006). Shared by all tenants, so no row-level
-- security: the app role has NO privilege on the table and reaches it only through the two functions
-- below, which act for the tenant of the current transaction and answer free / mine / elsewhere, never
-- which tenant. The key is HMAC-SHA256(NIK) under an application secret, so the table holds no NIK.
CREATE TABLE enrollment.national_membership
(
    nik_hmac     BYTEA       NOT NULL PRIMARY KEY CHECK (octet_length(nik_hmac) = 32),
    owner_tenant UUID        NOT NULL,
    claimed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
REVOKE ALL ON enrollment.national_membership FROM PUBLIC, ${app_role};

-- Whether the person is free, a member of the current tenant, or a member elsewhere. Reads only.
CREATE FUNCTION enrollment.membership_of(p_nik_hmac BYTEA) RETURNS TEXT
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me    UUID := current_setting('app.tenant_id')::uuid;
    owner UUID;
BEGIN
    SELECT m.owner_tenant INTO owner FROM enrollment.national_membership m WHERE m.nik_hmac = p_nik_hmac;
    RETURN CASE WHEN owner IS NULL THEN 'FREE' WHEN owner = me THEN 'MINE' ELSE 'ELSEWHERE' END;
END
$$;

-- Claims the person for the current tenant unless someone holds him already; answers MINE or
-- ELSEWHERE. Runs inside the registration's transaction, so a rolled-back registration frees him.
CREATE FUNCTION enrollment.claim_membership(p_nik_hmac BYTEA) RETURNS TEXT
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me    UUID := current_setting('app.tenant_id')::uuid;
    owner UUID;
BEGIN
    IF p_nik_hmac IS NULL OR octet_length(p_nik_hmac) <> 32 THEN
        RAISE EXCEPTION 'claim_membership needs a 32-byte HMAC';
    END IF;
    INSERT INTO enrollment.national_membership (nik_hmac, owner_tenant) VALUES (p_nik_hmac, me)
    ON CONFLICT (nik_hmac) DO NOTHING;
    SELECT m.owner_tenant INTO owner FROM enrollment.national_membership m WHERE m.nik_hmac = p_nik_hmac;
    RETURN CASE WHEN owner = me THEN 'MINE' ELSE 'ELSEWHERE' END;
END
$$;
REVOKE ALL ON FUNCTION enrollment.membership_of(BYTEA) FROM PUBLIC;
REVOKE ALL ON FUNCTION enrollment.claim_membership(BYTEA) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enrollment.membership_of(BYTEA) TO ${app_role};
GRANT EXECUTE ON FUNCTION enrollment.claim_membership(BYTEA) TO ${app_role};
