package id.payung.enrollment.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT_REJECTION;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT_ROW;

/** Bulk import jobs, their rejected rows and the staging of their valid rows. */
@Repository
public class ImportRows {

    private final DSLContext db;

    ImportRows(DSLContext db) {
        this.db = db;
    }

    public record JobRow(UUID id, String fileName, String mode, String status, int rowsRead, int rowsValid,
                         int rowsRejected, int rowsStored, int rowsExisting, String problem, String startedBy,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    public record Staged(int rowNo, UUID workerId, String nik, byte[] nikHmac, String name, LocalDate birthDate,
                         String sex, String address, String villageCode, String phone, String occupationCode,
                         String incomeLevelCode, String heirName, String heirRelationship, String heirNik) {
    }

    public record Rejection(int rowNo, int position, String column, String reason) {
    }

    public void createJob(TenantId tenant, UUID id, String fileName, String mode, String startedBy) {
        db.insertInto(WORKER_IMPORT)
                .set(WORKER_IMPORT.TENANT_ID, tenant.value())
                .set(WORKER_IMPORT.IMPORT_ID, id)
                .set(WORKER_IMPORT.FILE_NAME, fileName)
                .set(WORKER_IMPORT.MODE, mode)
                .set(WORKER_IMPORT.STATUS, "RUNNING")
                .set(WORKER_IMPORT.STARTED_BY, startedBy)
                .execute();
    }

    public Optional<JobRow> job(TenantId tenant, UUID id) {
        return db.selectFrom(WORKER_IMPORT).where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(id))
                .fetchOptional(r -> new JobRow(r.getImportId(), r.getFileName(), r.getMode(), r.getStatus(), r.getRowsRead(),
                        r.getRowsValid(), r.getRowsRejected(), r.getRowsStored(), r.getRowsExisting(), r.getProblem(),
                        r.getStartedBy(), r.getStartedAt(), r.getFinishedAt()));
    }

    public List<JobRow> recentJobs(TenantId tenant, int limit) {
        return db.selectFrom(WORKER_IMPORT).where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()))
                .orderBy(WORKER_IMPORT.STARTED_AT.desc()).limit(limit)
                .fetch(r -> new JobRow(r.getImportId(), r.getFileName(), r.getMode(), r.getStatus(), r.getRowsRead(),
                        r.getRowsValid(), r.getRowsRejected(), r.getRowsStored(), r.getRowsExisting(), r.getProblem(),
                        r.getStartedBy(), r.getStartedAt(), r.getFinishedAt()));
    }

    /** Adds a batch's counts to the job. */
    public void addProgress(TenantId tenant, UUID id, int read, int valid, int rejected) {
        db.update(WORKER_IMPORT)
                .set(WORKER_IMPORT.ROWS_READ, WORKER_IMPORT.ROWS_READ.plus(read))
                .set(WORKER_IMPORT.ROWS_VALID, WORKER_IMPORT.ROWS_VALID.plus(valid))
                .set(WORKER_IMPORT.ROWS_REJECTED, WORKER_IMPORT.ROWS_REJECTED.plus(rejected))
                .where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(id))
                .execute();
    }

    public void finish(TenantId tenant, UUID id, String status, int validDelta, int rejectedDelta, int stored, int existing, String problem) {
        db.update(WORKER_IMPORT)
                .set(WORKER_IMPORT.STATUS, status)
                .set(WORKER_IMPORT.ROWS_VALID, WORKER_IMPORT.ROWS_VALID.plus(validDelta))
                .set(WORKER_IMPORT.ROWS_REJECTED, WORKER_IMPORT.ROWS_REJECTED.plus(rejectedDelta))
                .set(WORKER_IMPORT.ROWS_STORED, stored)
                .set(WORKER_IMPORT.ROWS_EXISTING, existing)
                .set(WORKER_IMPORT.PROBLEM, problem)
                .set(WORKER_IMPORT.FINISHED_AT, DSL.currentOffsetDateTime())
                .where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(id))
                .execute();
    }

    /** Stages valid rows; answers the row numbers NOT staged because their NIK is on an earlier row of the file. */
    public Set<Integer> stage(TenantId tenant, UUID importId, List<Staged> rows) {
        if (rows.isEmpty()) return Set.of();
        var insert = db.insertInto(WORKER_IMPORT_ROW, WORKER_IMPORT_ROW.TENANT_ID, WORKER_IMPORT_ROW.IMPORT_ID,
                WORKER_IMPORT_ROW.ROW_NO, WORKER_IMPORT_ROW.WORKER_ID, WORKER_IMPORT_ROW.NIK, WORKER_IMPORT_ROW.NIK_HMAC,
                WORKER_IMPORT_ROW.NAME, WORKER_IMPORT_ROW.BIRTH_DATE, WORKER_IMPORT_ROW.SEX, WORKER_IMPORT_ROW.ADDRESS,
                WORKER_IMPORT_ROW.VILLAGE_CODE, WORKER_IMPORT_ROW.PHONE, WORKER_IMPORT_ROW.OCCUPATION_CODE,
                WORKER_IMPORT_ROW.INCOME_LEVEL_CODE, WORKER_IMPORT_ROW.HEIR_NAME, WORKER_IMPORT_ROW.HEIR_RELATIONSHIP,
                WORKER_IMPORT_ROW.HEIR_NIK);
        for (Staged s : rows) {
            insert = insert.values(tenant.value(), importId, s.rowNo(), s.workerId(), s.nik(), s.nikHmac(), s.name(), s.birthDate(),
                    s.sex(), s.address(), s.villageCode(), s.phone(), s.occupationCode(), s.incomeLevelCode(), s.heirName(),
                    s.heirRelationship(), s.heirNik());
        }
        Set<Integer> staged = new HashSet<>(insert.onConflictDoNothing().returningResult(WORKER_IMPORT_ROW.ROW_NO).fetch(Record1::value1));
        Set<Integer> duplicates = new HashSet<>();
        for (Staged s : rows) if (!staged.contains(s.rowNo())) duplicates.add(s.rowNo());
        return duplicates;
    }

    public void reject(TenantId tenant, UUID importId, List<Rejection> rejections) {
        if (rejections.isEmpty()) return;
        var insert = db.insertInto(WORKER_IMPORT_REJECTION, WORKER_IMPORT_REJECTION.TENANT_ID, WORKER_IMPORT_REJECTION.IMPORT_ID,
                WORKER_IMPORT_REJECTION.ROW_NO, WORKER_IMPORT_REJECTION.POSITION, WORKER_IMPORT_REJECTION.COLUMN_NAME,
                WORKER_IMPORT_REJECTION.REASON);
        for (Rejection r : rejections) {
            insert = insert.values(tenant.value(), importId, r.rowNo(), (short) r.position(), r.column(), r.reason());
        }
        insert.onConflictDoNothing().execute();
    }

    /**
     * The national register for the whole staged import: with {@code claim}, claims every free person for
     * this tenant. Answers the row numbers of persons held by another tenant (marked, never stored).
     */
    public List<Integer> heldElsewhere(UUID importId, boolean claim) {
        return db.resultQuery("select * from enrollment.claim_import_memberships({0}, {1})", DSL.val(importId), DSL.val(claim))
                .fetch(r -> r.get(0, Integer.class));
    }

    /**
     * Moves the staged rows into the register of workers with one INSERT ... SELECT ... ON CONFLICT DO
     * NOTHING (a NIK already registered in this pemda is left as it is), then their heir and history.
     * Answers how many workers were stored.
     */
    public int storeStaged(TenantId tenant, UUID importId, String registeredBy, String registeredByName) {
        int stored = db.execute("""
                insert into enrollment.worker (tenant_id, worker_id, nik, name, birth_date, sex, address, village_code, phone,
                                               occupation_code, income_level_code, status, registered_by, import_id)
                select s.tenant_id, s.worker_id, s.nik, s.name, s.birth_date, s.sex, s.address, s.village_code, s.phone,
                       s.occupation_code, s.income_level_code, 'REGISTERED', {2}, s.import_id
                from enrollment.worker_import_row s
                where s.tenant_id = {0} and s.import_id = {1} and not s.held_elsewhere
                order by s.row_no
                on conflict do nothing""", DSL.val(tenant.value()), DSL.val(importId), DSL.val(registeredBy));
        db.execute("""
                insert into enrollment.heir (tenant_id, worker_id, position, name, relationship, nik)
                select s.tenant_id, s.worker_id, 1, s.heir_name, s.heir_relationship, s.heir_nik
                from enrollment.worker_import_row s
                join enrollment.worker w on w.tenant_id = s.tenant_id and w.worker_id = s.worker_id
                where s.tenant_id = {0} and s.import_id = {1} and not s.held_elsewhere
                on conflict do nothing""", DSL.val(tenant.value()), DSL.val(importId));
        db.execute("""
                insert into enrollment.worker_history (tenant_id, entry_id, worker_id, actor, actor_name, action, status)
                select s.tenant_id, gen_random_uuid(), s.worker_id, {2}, {3}, 'IMPORTED', 'REGISTERED'
                from enrollment.worker_import_row s
                join enrollment.worker w on w.tenant_id = s.tenant_id and w.worker_id = s.worker_id
                where s.tenant_id = {0} and s.import_id = {1} and not s.held_elsewhere
                on conflict do nothing""", DSL.val(tenant.value()), DSL.val(importId), DSL.val(registeredBy), DSL.val(registeredByName));
        return stored;
    }

    public void dropStaged(TenantId tenant, UUID importId) {
        db.deleteFrom(WORKER_IMPORT_ROW)
                .where(WORKER_IMPORT_ROW.TENANT_ID.eq(tenant.value()), WORKER_IMPORT_ROW.IMPORT_ID.eq(importId))
                .execute();
    }

    /** Every rejection of the import in row order, a page at a time so that a large report streams. */
    public void eachRejection(TenantId tenant, UUID importId, Consumer<Rejection> each) {
        int lastRow = -1;
        int lastPosition = -1;
        while (true) {
            var page = db.selectFrom(WORKER_IMPORT_REJECTION)
                    .where(WORKER_IMPORT_REJECTION.TENANT_ID.eq(tenant.value()), WORKER_IMPORT_REJECTION.IMPORT_ID.eq(importId))
                    .orderBy(WORKER_IMPORT_REJECTION.ROW_NO, WORKER_IMPORT_REJECTION.POSITION)
                    .seek(lastRow, (short) lastPosition)
                    .limit(5_000)
                    .fetch(r -> new Rejection(r.getRowNo(), r.getPosition(), r.getColumnName(), r.getReason()));
            if (page.isEmpty()) return;
            for (Rejection r : page) each.accept(r);
            lastRow = page.getLast().rowNo();
            lastPosition = page.getLast().position();
        }
    }
}
