-- Double funding across pemda (issue 5). A person holds one BPU membership nationally (ADR 0006), so the
-- same person is funded by two pemda in one month only around a move: pemda A still pays a month while
-- pemda B, where he registered after A ended him, pays it too. Neither may see the other's data. So, like
-- the membership register, the database answers one question and only that one.

-- Each worker's person key: a keyed fingerprint of his NIK made by enrollment for this register
-- (WorkerFacts.fundingRegisterKeys; not the membership register's key, not reversible without the secret).
-- Fetched when a payment of his is recorded.
CREATE TABLE sponsorship.worker_person_key
(
    tenant_id  UUID  NOT NULL,
    worker_id  UUID  NOT NULL,
    person_key BYTEA NOT NULL CHECK (octet_length(person_key) = 32),
    PRIMARY KEY (tenant_id, worker_id)
);
CREATE INDEX worker_person_key_by_key ON sponsorship.worker_person_key (tenant_id, person_key);
ALTER TABLE sponsorship.worker_person_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE sponsorship.worker_person_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sponsorship.worker_person_key
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);

-- The national register of paid person-months: person key, month, the pemda that paid it. Shared (keyed by
-- person, not tenant: listed in DatabaseCatalogTests.SHARED_TABLES); the application role has no privilege
-- on it and reaches it only through the two SECURITY DEFINER functions below.
CREATE TABLE sponsorship.national_funded_month
(
    person_key    BYTEA       NOT NULL CHECK (octet_length(person_key) = 32),
    period        DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    funder_tenant UUID        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (person_key, period, funder_tenant)
);
REVOKE ALL ON sponsorship.national_funded_month FROM ${app_role};

-- Records that the current tenant (never a parameter) paid these persons' month. Idempotent.
CREATE FUNCTION sponsorship.register_funded_month(p_keys BYTEA[], p_period DATE) RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me UUID := current_setting('app.tenant_id')::uuid;
    n  INTEGER;
BEGIN
    IF p_period IS NULL OR extract(day FROM p_period) <> 1 THEN
        RAISE EXCEPTION 'period must be the first day of a month';
    END IF;
    INSERT INTO sponsorship.national_funded_month (person_key, period, funder_tenant)
    SELECT DISTINCT k, p_period, me
    FROM unnest(p_keys) AS k
    WHERE k IS NOT NULL AND octet_length(k) = 32
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION sponsorship.register_funded_month(BYTEA[], DATE) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sponsorship.register_funded_month(BYTEA[], DATE) TO ${app_role};

-- Of these persons, those the current tenant paid for this month AND another pemda paid for too. Answers
-- the keys only: never which pemda, never anything about a person the current tenant did not pay for.
CREATE FUNCTION sponsorship.funded_elsewhere(p_keys BYTEA[], p_period DATE) RETURNS SETOF BYTEA
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me UUID := current_setting('app.tenant_id')::uuid;
BEGIN
    RETURN QUERY
        SELECT DISTINCT k
        FROM unnest(p_keys) AS k
        WHERE EXISTS (SELECT 1 FROM sponsorship.national_funded_month n
                      WHERE n.person_key = k AND n.period = p_period AND n.funder_tenant = me)
          AND EXISTS (SELECT 1 FROM sponsorship.national_funded_month n
                      WHERE n.person_key = k AND n.period = p_period AND n.funder_tenant <> me);
END
$$;
REVOKE ALL ON FUNCTION sponsorship.funded_elsewhere(BYTEA[], DATE) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sponsorship.funded_elsewhere(BYTEA[], DATE) TO ${app_role};
