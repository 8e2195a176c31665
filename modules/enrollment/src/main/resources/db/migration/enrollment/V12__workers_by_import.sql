-- Which import stored a worker is worker.import_id (V11). The sponsorship module enrols "all workers of
-- import job X" in an APBD cohort through enrollment's published WorkerDirectory: index that lookup.
CREATE INDEX worker_by_import ON enrollment.worker (tenant_id, import_id) WHERE import_id IS NOT NULL;
