-- Invoices to BPJS and the payments that settle them (issue 5).

-- One invoice per program and period: the program's dues for that month (for the ASN/TPP program, those
-- of the approved deduction lists). Issuing it locks those dues. Never changed or removed.
CREATE TABLE sponsorship.invoice
(
    tenant_id      UUID        NOT NULL,
    invoice_id     UUID        NOT NULL,
    invoice_no     TEXT        NOT NULL CHECK (invoice_no ~ '^[0-9A-Z-]{6,40}$'),
    program_id     UUID        NOT NULL,
    period         DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    workers        INTEGER     NOT NULL CHECK (workers > 0),
    amount         BIGINT      NOT NULL CHECK (amount >= 0),
    issued_by      TEXT        NOT NULL,
    issued_by_name TEXT        NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, invoice_id),
    UNIQUE (tenant_id, invoice_no),
    UNIQUE (tenant_id, program_id, period),
    FOREIGN KEY (tenant_id, program_id) REFERENCES sponsorship.funding_program (tenant_id, program_id)
);
CREATE INDEX invoice_by_period ON sponsorship.invoice (tenant_id, period);

-- A payment received by BPJS for (part of) an invoice, from BPJS's confirmation file or entered by hand.
-- The worker-months it paid are in sponsorship.paid_month (payment_id). file_sha256 lets a file that was
-- already recorded be recognised when it is uploaded again.
CREATE TABLE sponsorship.payment
(
    tenant_id      UUID        NOT NULL,
    payment_id     UUID        NOT NULL,
    invoice_id     UUID        NOT NULL,
    source         TEXT        NOT NULL CHECK (source IN ('FILE', 'MANUAL')),
    reference      TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 255),
    file_sha256    TEXT CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    workers        INTEGER     NOT NULL CHECK (workers > 0),
    amount         BIGINT      NOT NULL CHECK (amount >= 0),
    recorded_by    TEXT        NOT NULL,
    recorded_name  TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, payment_id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES sponsorship.invoice (tenant_id, invoice_id),
    CHECK ((source = 'FILE') = (file_sha256 IS NOT NULL))
);
CREATE INDEX payment_by_invoice ON sponsorship.payment (tenant_id, invoice_id);
CREATE INDEX payment_by_file ON sponsorship.payment (tenant_id, file_sha256) WHERE file_sha256 IS NOT NULL;

-- The rows of a payment file being checked, within the one transaction that records it or refuses it:
-- written, judged set-based against invoices, dues and paid months, and deleted before commit.
CREATE TABLE sponsorship.payment_upload_row
(
    tenant_id  UUID    NOT NULL,
    upload_id  UUID    NOT NULL,
    line       INTEGER NOT NULL,
    invoice_no TEXT    NOT NULL,
    period     DATE    NOT NULL,
    worker_id  UUID    NOT NULL,
    amount     BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, upload_id, line)
);

-- Worker-months paid are found by worker too (lapse rule, reactivation rule).
CREATE INDEX paid_month_by_worker ON sponsorship.paid_month (tenant_id, worker_id, period);

DO $$
    DECLARE
        t TEXT;
    BEGIN
        FOREACH t IN ARRAY ARRAY ['invoice', 'payment', 'payment_upload_row']
            LOOP
                EXECUTE format('ALTER TABLE sponsorship.%I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE sponsorship.%I FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('CREATE POLICY tenant_isolation ON sponsorship.%I'
                                   || ' USING (tenant_id = current_setting(''app.tenant_id'')::uuid)'
                                   || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'')::uuid)', t);
            END LOOP;
    END
$$;
REVOKE UPDATE, DELETE ON sponsorship.invoice, sponsorship.payment FROM ${app_role};
