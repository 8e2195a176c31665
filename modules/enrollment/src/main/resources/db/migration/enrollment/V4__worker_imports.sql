-- Bulk import of workers from a CSV file (issue 4). One job row per uploaded file, its rejected rows,
-- and a staging table the valid rows pass through before one INSERT ... SELECT stores them.

CREATE TABLE enrollment.worker_import
(
    tenant_id     UUID        NOT NULL,
    import_id     UUID        NOT NULL,
    file_name     TEXT        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    mode          TEXT        NOT NULL CHECK (mode IN ('KEEP_GOOD_ROWS', 'ALL_OR_NOTHING')),
    status        TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'NOTHING_STORED', 'FAILED')),
    rows_read     INTEGER     NOT NULL DEFAULT 0,
    rows_valid    INTEGER     NOT NULL DEFAULT 0,
    rows_rejected INTEGER     NOT NULL DEFAULT 0,
    rows_stored   INTEGER     NOT NULL DEFAULT 0,
    rows_existing INTEGER     NOT NULL DEFAULT 0,
    problem       TEXT,
    started_by    TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, import_id)
);
ALTER TABLE enrollment.worker_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment.worker_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrollment.worker_import
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
REVOKE DELETE ON enrollment.worker_import FROM ${app_role};

-- Every problem of every rejected row: the downloadable report. Reasons never repeat a NIK.
CREATE TABLE enrollment.worker_import_rejection
(
    tenant_id   UUID     NOT NULL,
    import_id   UUID     NOT NULL,
    row_no      INTEGER  NOT NULL,
    position    SMALLINT NOT NULL,
    column_name TEXT     NOT NULL,
    reason      TEXT     NOT NULL,
    PRIMARY KEY (tenant_id, import_id, row_no, position),
    FOREIGN KEY (tenant_id, import_id) REFERENCES enrollment.worker_import (tenant_id, import_id)
);
ALTER TABLE enrollment.worker_import_rejection ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment.worker_import_rejection FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrollment.worker_import_rejection
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);
REVOKE UPDATE, DELETE ON enrollment.worker_import_rejection FROM ${app_role};

-- Staging of the valid rows of a running import. A tenant table with RLS, not a TEMP table: the import
-- reads the file in many short transactions (progress stays visible, no transaction holds a million
-- rows of locks) and each may get another pooled connection, while a TEMP table lives in one session
-- only; a TEMP table would also escape row-level security and, on Citus, not be distributed with the
-- tenant's shard. The final INSERT ... SELECT ... ON CONFLICT DO NOTHING then moves the rows in one
-- transaction (COPY is refused for a role under RLS; Citus needs the ON CONFLICT). Rows are deleted once
-- stored. The unique NIK per import finds duplicates within the file.
CREATE UNLOGGED TABLE enrollment.worker_import_row
(
    tenant_id         UUID    NOT NULL,
    import_id         UUID    NOT NULL,
    row_no            INTEGER NOT NULL,
    worker_id         UUID    NOT NULL,
    nik               TEXT    NOT NULL,
    nik_hmac          BYTEA   NOT NULL,
    name              TEXT    NOT NULL,
    birth_date        DATE    NOT NULL,
    sex               TEXT    NOT NULL,
    address           TEXT    NOT NULL,
    village_code      TEXT    NOT NULL,
    phone             TEXT,
    occupation_code   TEXT    NOT NULL,
    income_level_code TEXT    NOT NULL,
    heir_name         TEXT    NOT NULL,
    heir_relationship TEXT    NOT NULL,
    heir_nik          TEXT    NOT NULL,
    held_elsewhere    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, import_id, row_no),
    UNIQUE (tenant_id, import_id, nik)
);
ALTER TABLE enrollment.worker_import_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment.worker_import_row FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON enrollment.worker_import_row
    USING (tenant_id = current_setting('app.tenant_id')::uuid)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid);

-- The national register for a whole staged import (ADR 0006): with p_claim, claims every free person
-- for the current tenant; then marks and answers the row numbers of the persons held by another tenant
-- (never which one). Runs inside the import's storing transaction, so a rolled-back import frees them.
CREATE FUNCTION enrollment.claim_import_memberships(p_import UUID, p_claim BOOLEAN) RETURNS SETOF INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me UUID := current_setting('app.tenant_id')::uuid;
BEGIN
    IF p_claim THEN
        INSERT INTO enrollment.national_membership (nik_hmac, owner_tenant)
        SELECT s.nik_hmac, me FROM enrollment.worker_import_row s
        WHERE s.tenant_id = me AND s.import_id = p_import
        ON CONFLICT (nik_hmac) DO NOTHING;
    END IF;
    RETURN QUERY
        UPDATE enrollment.worker_import_row s SET held_elsewhere = true
        FROM enrollment.national_membership m
        WHERE s.tenant_id = me AND s.import_id = p_import AND m.nik_hmac = s.nik_hmac AND m.owner_tenant <> me
        RETURNING s.row_no;
END
$$;
REVOKE ALL ON FUNCTION enrollment.claim_import_memberships(UUID, BOOLEAN) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enrollment.claim_import_memberships(UUID, BOOLEAN) TO ${app_role};
