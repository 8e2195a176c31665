-- Bulk import, second shape (issue 4, benchmark): the valid rows of each batch go straight into worker,
-- heir and worker_history (INSERT ... SELECT FROM unnest(arrays) ... ON CONFLICT DO NOTHING, one bind per
-- column), instead of passing through a staging table and being moved once more at the end. All-or-nothing
-- keeps its guarantee by writing every batch in ONE transaction that is rolled back when a row is bad;
-- keep-good-rows commits each batch with its progress. Duplicates within a file are found while reading.

DROP FUNCTION enrollment.claim_import_memberships(UUID, BOOLEAN);
DROP TABLE enrollment.worker_import_row;

-- An imported worker's first history entry is the import itself: the worker names his import, whose row
-- says who ran it, when and from which file. A million-row import thus writes no million copies of the same
-- "imported by X" entry (and no million foreign-key checks for them); later changes are history rows as
-- before. No foreign key on purpose (one check per imported row): import rows are never deleted (V4).
ALTER TABLE enrollment.worker
    ADD COLUMN import_id UUID;
ALTER TABLE enrollment.worker_import
    ADD COLUMN started_by_name TEXT CHECK (length(started_by_name) <= 200);

-- V3's unique KPJ index answers every lookup worker_by_kpj (V1) did, on the same columns: one index to keep
-- up to date instead of two.
DROP INDEX enrollment.worker_by_kpj;

-- A running import writes its heartbeat with every batch. A RUNNING import whose heartbeat is old was cut
-- off by a restart (the job runs in the memory of the instance that received the upload): at start-up
-- such imports are marked FAILED with what was stored.
ALTER TABLE enrollment.worker_import
    ADD COLUMN heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX worker_import_running ON enrollment.worker_import (tenant_id, heartbeat_at) WHERE status = 'RUNNING';

-- The national register for one batch of an import (ADR 0006): claims every free person for the current
-- tenant and answers the positions (from 1) of the persons held by another tenant, never which one. Runs
-- inside the import's transaction, so a rolled-back import frees them again.
CREATE FUNCTION enrollment.claim_memberships(p_hmacs BYTEA[]) RETURNS SETOF INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me UUID := current_setting('app.tenant_id')::uuid;
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(p_hmacs) h WHERE h IS NULL OR octet_length(h) <> 32) THEN
        RAISE EXCEPTION 'claim_memberships needs 32-byte HMACs';
    END IF;
    RETURN QUERY
        WITH claimed AS (
            INSERT INTO enrollment.national_membership (nik_hmac, owner_tenant)
                SELECT h, me FROM unnest(p_hmacs) h
                ON CONFLICT (nik_hmac) DO NOTHING
                RETURNING nik_hmac)
        SELECT u.pos::integer
        FROM unnest(p_hmacs) WITH ORDINALITY u(h, pos)
        WHERE NOT EXISTS (SELECT 1 FROM claimed c WHERE c.nik_hmac = u.h)
          AND EXISTS (SELECT 1 FROM enrollment.national_membership m WHERE m.nik_hmac = u.h AND m.owner_tenant <> me);
END
$$;

-- The same question without claiming: which positions are held by another tenant. For the report of an
-- all-or-nothing import that already failed and stores nothing.
CREATE FUNCTION enrollment.memberships_elsewhere(p_hmacs BYTEA[]) RETURNS SETOF INTEGER
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me UUID := current_setting('app.tenant_id')::uuid;
BEGIN
    RETURN QUERY
        SELECT u.pos::integer
        FROM unnest(p_hmacs) WITH ORDINALITY u(h, pos)
                 JOIN enrollment.national_membership m ON m.nik_hmac = u.h
        WHERE m.owner_tenant <> me;
END
$$;
REVOKE ALL ON FUNCTION enrollment.claim_memberships(BYTEA[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION enrollment.memberships_elsewhere(BYTEA[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enrollment.claim_memberships(BYTEA[]) TO ${app_role};
GRANT EXECUTE ON FUNCTION enrollment.memberships_elsewhere(BYTEA[]) TO ${app_role};
