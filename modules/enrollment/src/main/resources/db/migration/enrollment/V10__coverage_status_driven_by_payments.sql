-- Coverage status driven by the sponsorship module's payments (ADR 0007): a worker becomes ACTIVE when a
-- month of his is paid and INACTIVE after three consecutive unpaid months. The lapse has its own reason,
-- distinct from the reasons a person chooses on the deactivation form.
ALTER TABLE enrollment.worker
    DROP CONSTRAINT worker_status_reason_check,
    ADD CONSTRAINT worker_status_reason_check CHECK (status_reason IN
        ('MENINGGAL', 'PINDAH_DOMISILI', 'BERHENTI_BEKERJA', 'PERMINTAAN_SENDIRI', 'LAINNYA', 'IURAN_TIDAK_DIBAYAR'));

-- The first month the worker was paid for; set once, when he first becomes ACTIVE.
ALTER TABLE enrollment.worker
    ADD COLUMN covered_since DATE CHECK (extract(day FROM covered_since) = 1);
