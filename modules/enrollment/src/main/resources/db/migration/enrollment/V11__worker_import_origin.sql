-- Which import stored a worker (NULL when he was registered one by one). The sponsorship module enrols
-- "all workers of import job X" in an APBD cohort through enrollment's published WorkerDirectory.
ALTER TABLE enrollment.worker
    ADD COLUMN import_id UUID;
CREATE INDEX worker_by_import ON enrollment.worker (tenant_id, import_id) WHERE import_id IS NOT NULL;
