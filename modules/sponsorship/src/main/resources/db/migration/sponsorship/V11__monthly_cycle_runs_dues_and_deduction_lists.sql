-- The monthly contribution cycle (issue 5): runs, closed periods, premiums due and the OPD deduction lists.
-- Periods are the DATE of the month's first day; amounts whole Rupiah (BIGINT), as in V2.

-- One run of the cycle for a period, started by the Disnaker operator and worked in the background. Its
-- stage and counters are the progress the page shows; heartbeat_at moves with every step, so a run whose
-- process died can be told from one still working. At most one RUNNING run per pemda: the partial unique
-- index is the guard, whatever the number of application instances.
CREATE TABLE sponsorship.cycle_run
(
    tenant_id       UUID        NOT NULL,
    run_id          UUID        NOT NULL,
    period          DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    status          TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    stage           TEXT        NOT NULL CHECK (stage IN ('STARTED', 'DUES', 'DEDUCTION_LISTS', 'LAPSE', 'DONE')),
    started_by      TEXT        NOT NULL,
    started_by_name TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    dues_removed    INTEGER     NOT NULL DEFAULT 0,
    dues_added      INTEGER     NOT NULL DEFAULT 0,
    dues_locked     INTEGER     NOT NULL DEFAULT 0,
    dues_total      INTEGER     NOT NULL DEFAULT 0,
    amount_total    BIGINT      NOT NULL DEFAULT 0,
    deduction_lists INTEGER     NOT NULL DEFAULT 0,
    lapsed_workers  INTEGER     NOT NULL DEFAULT 0,
    problem         TEXT CHECK (length(problem) <= 500),
    PRIMARY KEY (tenant_id, run_id),
    CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
CREATE UNIQUE INDEX one_running_cycle_per_tenant ON sponsorship.cycle_run (tenant_id) WHERE status = 'RUNNING';
CREATE INDEX cycle_run_by_period ON sponsorship.cycle_run (tenant_id, period, started_at DESC);

-- A period the Disnaker operator closed: no more runs, approvals or invoices for it (payments still land).
CREATE TABLE sponsorship.closed_period
(
    tenant_id      UUID        NOT NULL,
    period         DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    closed_by      TEXT        NOT NULL,
    closed_by_name TEXT        NOT NULL,
    closed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, period)
);
REVOKE UPDATE, DELETE ON sponsorship.closed_period FROM ${app_role};

-- The premium due for one worker, one month and one paying program: written set-based by the cycle from
-- the fundings covering the month (sponsorship.monthly_premium, the one premium rule). The key makes a
-- worker-month-program due once whatever the number of runs. A due stays as it is once its OPD's
-- deduction list is approved or its program's invoice for the month is issued ("locked"); the cycle only
-- recomputes the others. No foreign keys: dues are derived from funding rows, which are never deleted,
-- and a per-row key check would double the cost of the million-row statement (docs/benchmarks.md).
CREATE TABLE sponsorship.premium_due
(
    tenant_id       UUID   NOT NULL,
    period          DATE   NOT NULL CHECK (extract(day FROM period) = 1),
    program_id      UUID   NOT NULL,
    worker_id       UUID   NOT NULL,
    funding_id      UUID   NOT NULL,
    sponsor_link_id UUID,
    opd_id          UUID,
    amount          BIGINT NOT NULL CHECK (amount >= 0),
    run_id          UUID   NOT NULL,
    PRIMARY KEY (tenant_id, period, program_id, worker_id)
);

-- One OPD's deduction list for a period: per ASN sponsor, how many workers and how much is deducted from
-- his TPP. DRAFT lists are rewritten by every run (revision + 1); the head of the OPD approves the
-- revision he saw, after which the list and its lines never change (triggers below).
CREATE TABLE sponsorship.deduction_list
(
    tenant_id     UUID        NOT NULL,
    list_id       UUID        NOT NULL,
    period        DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    opd_id        UUID        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
    revision      INTEGER     NOT NULL CHECK (revision > 0),
    sponsors      INTEGER     NOT NULL CHECK (sponsors >= 0),
    workers       INTEGER     NOT NULL CHECK (workers >= 0),
    amount        BIGINT      NOT NULL CHECK (amount >= 0),
    run_id        UUID        NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_by   TEXT,
    approved_name TEXT,
    approved_at   TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, list_id),
    UNIQUE (tenant_id, period, opd_id),
    CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL) AND (approved_at IS NULL) = (approved_by IS NULL))
);

CREATE TABLE sponsorship.deduction_line
(
    tenant_id       UUID   NOT NULL,
    list_id         UUID   NOT NULL,
    sponsor_link_id UUID   NOT NULL,
    nip             TEXT   NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
    name            TEXT,
    workers         INTEGER NOT NULL CHECK (workers > 0),
    amount          BIGINT NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (tenant_id, list_id, sponsor_link_id),
    FOREIGN KEY (tenant_id, list_id) REFERENCES sponsorship.deduction_list (tenant_id, list_id) ON DELETE CASCADE
);
CREATE INDEX deduction_line_by_nip ON sponsorship.deduction_line (tenant_id, list_id, nip);

-- An approved list is what the finance agency deducts: nothing may change or remove it or its lines.
CREATE FUNCTION sponsorship.refuse_change_of_approved_list() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.status = 'APPROVED' THEN
        RAISE EXCEPTION 'deduction list % is approved and cannot change', OLD.list_id USING ERRCODE = 'P0001';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER approved_list_is_final
    BEFORE UPDATE OR DELETE
    ON sponsorship.deduction_list
    FOR EACH ROW
EXECUTE FUNCTION sponsorship.refuse_change_of_approved_list();

-- Lines are checked per statement (transition tables), not per row: a run rewrites tens of thousands.
CREATE FUNCTION sponsorship.refuse_change_of_approved_lines() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    approved UUID;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT l.list_id INTO approved FROM old_lines x
        JOIN sponsorship.deduction_list l ON l.tenant_id = x.tenant_id AND l.list_id = x.list_id AND l.status = 'APPROVED' LIMIT 1;
    ELSE
        SELECT l.list_id INTO approved FROM new_lines x
        JOIN sponsorship.deduction_list l ON l.tenant_id = x.tenant_id AND l.list_id = x.list_id AND l.status = 'APPROVED' LIMIT 1;
    END IF;
    IF approved IS NOT NULL THEN
        RAISE EXCEPTION 'deduction list % is approved and cannot change', approved USING ERRCODE = 'P0001';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER approved_lines_get_no_new_line
    AFTER INSERT ON sponsorship.deduction_line REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION sponsorship.refuse_change_of_approved_lines();
CREATE TRIGGER approved_lines_are_not_changed
    AFTER UPDATE ON sponsorship.deduction_line REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION sponsorship.refuse_change_of_approved_lines();
CREATE TRIGGER approved_lines_are_not_removed
    AFTER DELETE ON sponsorship.deduction_line REFERENCING OLD TABLE AS old_lines
    FOR EACH STATEMENT EXECUTE FUNCTION sponsorship.refuse_change_of_approved_lines();

DO $$
    DECLARE
        t TEXT;
    BEGIN
        FOREACH t IN ARRAY ARRAY ['cycle_run', 'closed_period', 'premium_due', 'deduction_list', 'deduction_line']
            LOOP
                EXECUTE format('ALTER TABLE sponsorship.%I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE sponsorship.%I FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('CREATE POLICY tenant_isolation ON sponsorship.%I'
                                   || ' USING (tenant_id = current_setting(''app.tenant_id'')::uuid)'
                                   || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'')::uuid)', t);
            END LOOP;
    END
$$;
REVOKE DELETE ON sponsorship.cycle_run FROM ${app_role};
