-- The lapse rule, the workers the cycle must no longer bill, and each pemda's cycle settings (issue 5).

-- Workers found with three consecutive months due and unpaid up to window_end: one row per worker and
-- window, so that a re-run announces a lapse (CoverageLapsed) once, not at every run.
CREATE TABLE sponsorship.lapse_notice
(
    tenant_id  UUID        NOT NULL,
    worker_id  UUID        NOT NULL,
    window_end DATE        NOT NULL CHECK (extract(day FROM window_end) = 1),
    noticed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, worker_id, window_end)
);

-- Workers enrollment ENDED (death, moved away…), learnt from its WorkerDeactivated event: the cycle bills
-- them up to and including the month their end took effect, never after (ADR 0007: status from enrollment,
-- kept here as sponsorship's own projection so the cycle stays one set-based statement).
CREATE TABLE sponsorship.ended_worker
(
    tenant_id           UUID        NOT NULL,
    worker_id           UUID        NOT NULL,
    last_billable_period DATE       NOT NULL CHECK (extract(day FROM last_billable_period) = 1),
    recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, worker_id)
);

-- Per pemda: how a lapsed worker is reactivated, and the column layout of the deduction list export the
-- finance agency (BPKAD) wants. No row = the defaults (application properties / built-in layout).
CREATE TABLE sponsorship.cycle_setting
(
    tenant_id         UUID        NOT NULL,
    reactivation_rule TEXT        NOT NULL CHECK (reactivation_rule IN ('NEW_PAID_MONTH', 'ARREARS_CLEARED')),
    export_columns    TEXT[]      NOT NULL,
    export_headers    TEXT[]      NOT NULL,
    csv_separator     TEXT        NOT NULL CHECK (csv_separator IN (',', ';')),
    updated_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id),
    CHECK (cardinality(export_columns) BETWEEN 1 AND 20 AND cardinality(export_columns) = cardinality(export_headers))
);

DO $$
    DECLARE
        t TEXT;
    BEGIN
        FOREACH t IN ARRAY ARRAY ['lapse_notice', 'ended_worker', 'cycle_setting']
            LOOP
                EXECUTE format('ALTER TABLE sponsorship.%I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE sponsorship.%I FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('CREATE POLICY tenant_isolation ON sponsorship.%I'
                                   || ' USING (tenant_id = current_setting(''app.tenant_id'')::uuid)'
                                   || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'')::uuid)', t);
            END LOOP;
    END
$$;
REVOKE DELETE ON sponsorship.lapse_notice, sponsorship.ended_worker FROM ${app_role};
