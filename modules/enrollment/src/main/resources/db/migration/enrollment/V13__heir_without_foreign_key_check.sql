-- Bulk import (issue 4, ADR 0009): the heir's foreign key to worker cost one check per heir row, and the
-- check is not a plain index probe: it locks the worker row just inserted (FOR KEY SHARE), which writes the
-- worker's heap page and the WAL a second time. Measured on a 5,000-row import batch: the trigger took about a
-- fifth of the statement; 200,000 rows stored 15-20 % faster without it. What it guarded cannot happen here:
-- a heir is only ever written in the transaction (the import: the same statement) that writes or re-registers
-- its worker and only for that worker's id, a worker is never deleted (V1 revokes DELETE from the app role) and
-- his id never changes; row-level security keeps the heir in the worker's pemda. As with worker.import_id (V11),
-- the application carries that rule, not a per-row trigger.
ALTER TABLE enrollment.heir DROP CONSTRAINT heir_tenant_id_worker_id_fkey;
