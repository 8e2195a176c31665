-- Sponsorship, first half of issue 5: what the funding-program, ASN-sponsorship and bulk-enrolment
-- services need beyond V2. The shape of funding_program and funding stays as V2 made it.

-- A funding ended before its first month (an ASN changes his mind about next month's sponsorship) is
-- kept, not deleted, as the empty run [first_period, first_period - 1 month]: the month before its first.
-- "Active in month p" (first_period <= p AND (last_period IS NULL OR last_period >= p)) is then never true,
-- so every reader of funding treats it as what it is, a cancelled funding, without a special case.
DO $$
    DECLARE
        old_check TEXT;
    BEGIN
        SELECT c.conname INTO STRICT old_check
        FROM pg_constraint c
        WHERE c.conrelid = 'sponsorship.funding'::regclass AND c.contype = 'c'
          AND pg_get_constraintdef(c.oid) = 'CHECK (((last_period IS NULL) OR (last_period >= first_period)))';
        EXECUTE format('ALTER TABLE sponsorship.funding DROP CONSTRAINT %I', old_check);
    END
$$;
ALTER TABLE sponsorship.funding
    ADD CONSTRAINT funding_run_check CHECK (last_period IS NULL OR last_period >= first_period - INTERVAL '1 month');

-- The consent evidence names what was agreed to, besides its text: the worker, the first month and the
-- amount of that month, so that a dispute about a deduction can be answered from the row itself.
ALTER TABLE sponsorship.deduction_consent
    ADD COLUMN worker_id     UUID,
    ADD COLUMN first_period  DATE CHECK (extract(day FROM first_period) = 1),
    ADD COLUMN first_amount  BIGINT CHECK (first_amount >= 0);
ALTER TABLE sponsorship.deduction_consent
    ADD CONSTRAINT consent_details_complete CHECK (
        (worker_id IS NULL) = (first_period IS NULL) AND (worker_id IS NULL) = (first_amount IS NULL));

-- Fundings of a sponsor and of a program in month order, for "what will be deducted" and the lists.
CREATE INDEX funding_by_program_worker ON sponsorship.funding (tenant_id, program_id, worker_id);

-- The monthly premium before any discount (JKK + JKM valid that month), so that a page can show the
-- discount as base - monthly_premium(...). NULL when no rate is valid for the period.
CREATE FUNCTION sponsorship.premium_base(declared_income BIGINT, period DATE)
    RETURNS BIGINT
    LANGUAGE sql
    STABLE
    PARALLEL SAFE
AS
$$
SELECT (SELECT declared_income * r.income_bp / 10000
        FROM sponsorship.contribution_rate r
        WHERE r.component = 'JKK'
          AND period >= r.valid_from
          AND (r.valid_until IS NULL OR period < r.valid_until))
           + (SELECT r.flat_amount
              FROM sponsorship.contribution_rate r
              WHERE r.component = 'JKM'
                AND period >= r.valid_from
                AND (r.valid_until IS NULL OR period < r.valid_until))
$$;
GRANT EXECUTE ON FUNCTION sponsorship.premium_base(BIGINT, DATE) TO ${app_role};
