-- Lifecycle of a registration (issue 4): verification with a KPJ, deactivation and end.

-- A KPJ is BPJS's card number. Whether BPJS ever reuses one nationally is not documented, so we only
-- assert what we can stand behind: within one pemda, one KPJ names one worker. (A national uniqueness
-- would need a register like national_membership; not built, see DOMAIN.md KPJ.) The format is checked
-- by the application (payung.enrollment.kpj-pattern); the V1 CHECK (8-16 digits) stays as an outer bound.
CREATE UNIQUE INDEX worker_kpj_unique ON enrollment.worker (tenant_id, kpj) WHERE kpj IS NOT NULL;

-- Why and since when a worker is inactive or ended (null while registered, verified or active).
ALTER TABLE enrollment.worker
    ADD COLUMN status_reason TEXT CHECK (status_reason IN
        ('MENINGGAL', 'PINDAH_DOMISILI', 'BERHENTI_BEKERJA', 'PERMINTAAN_SENDIRI', 'LAINNYA')),
    ADD COLUMN status_note   TEXT CHECK (length(status_note) BETWEEN 1 AND 300),
    ADD COLUMN status_since  DATE;

-- The history keeps the reason and date of each deactivation, and the KPJ recorded at verification.
ALTER TABLE enrollment.worker_history
    ADD COLUMN detail TEXT CHECK (length(detail) <= 400);

-- Ending a worker gives his national membership back, so another pemda may register the person later.
-- Only the owning tenant (the tenant of the current transaction) can release; answers whether it did.
CREATE FUNCTION enrollment.release_membership(p_nik_hmac BYTEA) RETURNS BOOLEAN
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me UUID := current_setting('app.tenant_id')::uuid;
BEGIN
    DELETE FROM enrollment.national_membership m WHERE m.nik_hmac = p_nik_hmac AND m.owner_tenant = me;
    RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION enrollment.release_membership(BYTEA) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enrollment.release_membership(BYTEA) TO ${app_role};

-- Where a person is registered, for BPJS staff only (checked by the application, which also audits each
-- lookup): the name of the owning pemda, or NULL when free. Reads the tenant registry, so it must be called
-- in the registry scope (app.tenant_id = 'registry'), where the registry_overview policy admits the read.
CREATE FUNCTION enrollment.membership_owner_name(p_nik_hmac BYTEA) RETURNS TEXT
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    -- plpgsql, not sql: the body is bound at first call, so this module's migrations do not need the
    -- tenancy schema to exist when they run on their own (code generation).
    RETURN (SELECT t.name
            FROM enrollment.national_membership m
                     JOIN tenancy.tenant t ON t.tenant_id = m.owner_tenant
            WHERE m.nik_hmac = p_nik_hmac);
END
$$;
REVOKE ALL ON FUNCTION enrollment.membership_owner_name(BYTEA) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enrollment.membership_owner_name(BYTEA) TO ${app_role};
