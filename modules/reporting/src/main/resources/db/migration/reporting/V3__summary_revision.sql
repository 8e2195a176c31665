-- Every write to a pemda's read models locks its summary row first (SummaryLock); it now also counts up
-- the row's revision, so an assembled dashboard can be kept and served again until the pemda changes.
ALTER TABLE reporting.pemda_summary ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
