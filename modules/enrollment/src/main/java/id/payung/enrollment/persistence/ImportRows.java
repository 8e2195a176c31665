package id.payung.enrollment.persistence;

import id.payung.platform.TenantId;
import id.payung.platform.TimeOrderedIds;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT_REJECTION;

/** Bulk import jobs, their rejected rows, and the set-based storing of a batch of valid rows. */
@Repository
public class ImportRows {

    private final DSLContext db;

    ImportRows(DSLContext db) {
        this.db = db;
    }

    public record JobRow(UUID id, String fileName, String mode, String status, int rowsRead, int rowsValid,
                         int rowsRejected, int rowsStored, int rowsExisting, String problem, String startedBy,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime heartbeatAt) {
    }

    public record Rejection(int rowNo, int position, String column, String reason) {
    }

    /** What storing a batch did: how many workers were new, re-registered (had ENDED) or already here, and the rows held elsewhere. */
    public record Stored(int stored, int reRegistered, int existing, List<Integer> heldElsewhereRowNos) {
    }

    public void createJob(TenantId tenant, UUID id, String fileName, String mode, String startedBy, String startedByName) {
        db.insertInto(WORKER_IMPORT)
                .set(WORKER_IMPORT.STARTED_BY_NAME, startedByName == null || startedByName.length() <= 200 ? startedByName : startedByName.substring(0, 200))
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
                .fetchOptional(ImportRows::toJob);
    }

    public List<JobRow> recentJobs(TenantId tenant, int limit) {
        return db.selectFrom(WORKER_IMPORT).where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()))
                .orderBy(WORKER_IMPORT.STARTED_AT.desc()).limit(limit)
                .fetch(ImportRows::toJob);
    }

    /** RUNNING imports of the tenant whose last heartbeat is before the given time. */
    public List<JobRow> runningSilentSince(TenantId tenant, OffsetDateTime before) {
        return db.selectFrom(WORKER_IMPORT)
                .where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.STATUS.eq("RUNNING"),
                        WORKER_IMPORT.HEARTBEAT_AT.lt(before))
                .forUpdate().skipLocked()
                .fetch(ImportRows::toJob);
    }

    /** Tells that the instance holding these imports is alive. */
    public void beat(TenantId tenant, List<UUID> ids) {
        db.update(WORKER_IMPORT)
                .set(WORKER_IMPORT.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.in(ids), WORKER_IMPORT.STATUS.eq("RUNNING"))
                .execute();
    }

    /** Adds a batch's counts to the job and beats its heart. */
    public void addProgress(TenantId tenant, UUID id, int read, int valid, int rejected) {
        db.update(WORKER_IMPORT)
                .set(WORKER_IMPORT.ROWS_READ, WORKER_IMPORT.ROWS_READ.plus(read))
                .set(WORKER_IMPORT.ROWS_VALID, WORKER_IMPORT.ROWS_VALID.plus(valid))
                .set(WORKER_IMPORT.ROWS_REJECTED, WORKER_IMPORT.ROWS_REJECTED.plus(rejected))
                .set(WORKER_IMPORT.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(id))
                .execute();
    }

    /** Adds what storing a batch did; rows held elsewhere move from valid to rejected. */
    public void addStored(TenantId tenant, UUID id, int stored, int existing, int heldElsewhere) {
        db.update(WORKER_IMPORT)
                .set(WORKER_IMPORT.ROWS_STORED, WORKER_IMPORT.ROWS_STORED.plus(stored))
                .set(WORKER_IMPORT.ROWS_EXISTING, WORKER_IMPORT.ROWS_EXISTING.plus(existing))
                .set(WORKER_IMPORT.ROWS_VALID, WORKER_IMPORT.ROWS_VALID.minus(heldElsewhere))
                .set(WORKER_IMPORT.ROWS_REJECTED, WORKER_IMPORT.ROWS_REJECTED.plus(heldElsewhere))
                .set(WORKER_IMPORT.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(id))
                .execute();
    }

    /**
     * Ends a RUNNING job. {@code stored}/{@code existing} replace the counts when given (all-or-nothing
     * counts them at the end). Answers false when the job was no longer RUNNING (declared interrupted).
     */
    public boolean finish(TenantId tenant, UUID id, String status, Integer stored, Integer existing, String problem) {
        var update = db.update(WORKER_IMPORT)
                .set(WORKER_IMPORT.STATUS, status)
                .set(WORKER_IMPORT.PROBLEM, problem)
                .set(WORKER_IMPORT.FINISHED_AT, DSL.currentOffsetDateTime())
                .set(WORKER_IMPORT.HEARTBEAT_AT, DSL.currentOffsetDateTime());
        if (stored != null) update = update.set(WORKER_IMPORT.ROWS_STORED, stored);
        if (existing != null) update = update.set(WORKER_IMPORT.ROWS_EXISTING, existing);
        return update.where(WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(id),
                WORKER_IMPORT.STATUS.eq("RUNNING")).execute() == 1;
    }

    public void reject(TenantId tenant, UUID importId, List<Rejection> rejections) {
        if (rejections.isEmpty()) return;
        int n = rejections.size();
        Integer[] rowNos = new Integer[n];
        Short[] positions = new Short[n];
        String[] columns = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Rejection r = rejections.get(i);
            rowNos[i] = r.rowNo();
            positions[i] = (short) r.position();
            columns[i] = r.column();
            reasons[i] = r.reason();
        }
        db.execute("""
                insert into enrollment.worker_import_rejection (tenant_id, import_id, row_no, position, column_name, reason)
                select {0}, {1}, u.row_no, u.position, u.column_name, u.reason
                from unnest({2}, {3}, {4}, {5}) as u(row_no, position, column_name, reason)
                on conflict do nothing""",
                DSL.val(tenant.value()), DSL.val(importId), DSL.val(rowNos), DSL.val(positions), DSL.val(columns), DSL.val(reasons));
    }

    // --- storing a batch ------------------------------------------------------------------------------

    /*
     * One statement per batch: claim the national memberships (ADR 0006), then insert the workers that are
     * not held elsewhere with ON CONFLICT DO NOTHING (a NIK already registered in this pemda stays as it
     * is), naming their import (their first history entry, V11), and the heir of those actually inserted.
     * Every column travels as one array. The conflict target is the NIK alone: the other unique indexes
     * (a fresh worker id, no KPJ yet) cannot conflict, and naming one arbiter spares two index probes a row.
     */
    private static final String STORE = """
            with elsewhere as materialized (
                select e.pos from enrollment.claim_memberships(?) as e(pos)
            ), input as materialized (
                select u.*
                from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as u(worker_id, nik, name, birth_date, sex, address, village_code, phone,
                                              occupation_code, income_level_code, heir_name, heir_relationship, heir_nik, pos)
                where u.pos not in (select e.pos from elsewhere e)
            ), stored as (
                insert into enrollment.worker (tenant_id, worker_id, nik, name, birth_date, sex, address, village_code, phone,
                                               occupation_code, income_level_code, status, registered_by, import_id)
                select ?, i.worker_id, i.nik, i.name, i.birth_date, i.sex, i.address, i.village_code, i.phone,
                       i.occupation_code, i.income_level_code, 'REGISTERED', ?, ?
                from input i
                on conflict (tenant_id, nik) do nothing
                returning worker_id
            ), heirs as (
                insert into enrollment.heir (tenant_id, worker_id, position, name, relationship, nik)
                select ?, i.worker_id, 1, i.heir_name, i.heir_relationship, i.heir_nik
                from input i join stored s on s.worker_id = i.worker_id
            )
            select 0, (select count(*) from stored)::integer, (select count(*) from input)::integer
            union all
            select e.pos, 0, 0 from elsewhere e""";

    /**
     * Stores a batch of valid rows in the current transaction: claims their national memberships, registers
     * the new workers with their heir and an IMPORTED history entry, registers again those of this pemda that
     * had ENDED, leaves the others as they are (existing) and answers the rows whose person another pemda holds.
     */
    public Stored store(TenantId tenant, UUID importId, ImportBatch batch, String actor, String actorName) {
        if (batch.isEmpty()) return new Stored(0, 0, 0, List.of());
        return db.connectionResult(c -> {
            int stored = 0;
            int considered = 0;
            List<Integer> elsewhere = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(STORE)) {
                int p = 1;
                s.setArray(p++, c.createArrayOf("bytea", batch.head(batch.nikHmacs)));
                p = bindColumns(c, s, p, batch);
                s.setObject(p++, tenant.value());
                s.setString(p++, actor);
                s.setObject(p++, importId);
                s.setObject(p, tenant.value());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int pos = r.getInt(1);
                        if (pos == 0) {
                            stored = r.getInt(2);
                            considered = r.getInt(3);
                        } else {
                            elsewhere.add(batch.rowNo(pos - 1));
                        }
                    }
                }
            }
            int reRegistered = considered > stored ? reRegisterEnded(c, tenant, batch, elsewhere, actor, actorName) : 0;
            return new Stored(stored, reRegistered, considered - stored - reRegistered, elsewhere);
        });
    }

    private static int bindColumns(Connection c, PreparedStatement s, int p, ImportBatch b) throws SQLException {
        s.setArray(p++, c.createArrayOf("uuid", b.head(b.workerIds)));
        s.setArray(p++, text(c, b, b.niks));
        s.setArray(p++, text(c, b, b.names));
        s.setArray(p++, text(c, b, b.birthDates));
        s.setArray(p++, text(c, b, b.sexes));
        s.setArray(p++, text(c, b, b.addresses));
        s.setArray(p++, text(c, b, b.villageCodes));
        s.setArray(p++, text(c, b, b.phones));
        s.setArray(p++, text(c, b, b.occupationCodes));
        s.setArray(p++, text(c, b, b.incomeLevelCodes));
        s.setArray(p++, text(c, b, b.heirNames));
        s.setArray(p++, text(c, b, b.heirRelationships));
        s.setArray(p++, text(c, b, b.heirNiks));
        return p;
    }

    private static Array text(Connection c, ImportBatch b, String[] column) throws SQLException {
        return c.createArrayOf("text", b.head(column));
    }

    /*
     * The rows whose NIK is registered in this pemda already: a worker who had ENDED is registered again
     * with the file's data and heir (his national membership was claimed again by the batch); any other
     * is left as it is. Rare, so done in plain steps.
     */
    private static final String RE_REGISTER = """
            with input as (
                select u.*
                from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as u(new_worker_id, nik, name, birth_date, sex, address, village_code, phone,
                                              occupation_code, income_level_code, heir_name, heir_relationship, heir_nik, pos)
            )
            update enrollment.worker w
            set name = i.name, birth_date = i.birth_date, sex = i.sex, address = i.address, village_code = i.village_code,
                phone = i.phone, occupation_code = i.occupation_code, income_level_code = i.income_level_code,
                status = 'REGISTERED', kpj = null, status_reason = null, status_note = null, status_since = null,
                covered_since = null, registered_by = ?, registered_at = now()
            from input i
            where w.tenant_id = ? and w.nik = i.nik and w.status = 'ENDED' and not (i.pos = any (?))
            returning w.worker_id, i.heir_name, i.heir_relationship, i.heir_nik""";

    private int reRegisterEnded(Connection c, TenantId tenant, ImportBatch batch, List<Integer> elsewhereRowNos,
                                String actor, String actorName) throws SQLException {
        List<Integer> elsewherePositions = new ArrayList<>();
        if (!elsewhereRowNos.isEmpty()) {
            var rows = new java.util.HashSet<>(elsewhereRowNos);
            for (int i = 0; i < batch.size(); i++) if (rows.contains(batch.rowNo(i))) elsewherePositions.add(i + 1);
        }
        List<UUID> workerIds = new ArrayList<>();
        List<UUID> entryIds = new ArrayList<>();
        List<String[]> heirs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RE_REGISTER)) {
            int p = bindColumns(c, s, 1, batch);
            s.setString(p++, actor);
            s.setObject(p++, tenant.value());
            s.setArray(p, c.createArrayOf("integer", elsewherePositions.toArray(Integer[]::new)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    workerIds.add(r.getObject(1, UUID.class));
                    entryIds.add(TimeOrderedIds.next());
                    heirs.add(new String[]{r.getString(2), r.getString(3), r.getString(4)});
                }
            }
        }
        if (workerIds.isEmpty()) return 0;
        UUID[] ids = workerIds.toArray(UUID[]::new);
        db.execute("delete from enrollment.heir where tenant_id = {0} and worker_id = any ({1})", DSL.val(tenant.value()), DSL.val(ids));
        db.execute("""
                insert into enrollment.heir (tenant_id, worker_id, position, name, relationship, nik)
                select {0}, u.worker_id, 1, u.name, u.relationship, u.nik from unnest({1}, {2}, {3}, {4}) as u(worker_id, name, relationship, nik)""",
                DSL.val(tenant.value()), DSL.val(ids), DSL.val(heirs.stream().map(h -> h[0]).toArray(String[]::new)),
                DSL.val(heirs.stream().map(h -> h[1]).toArray(String[]::new)), DSL.val(heirs.stream().map(h -> h[2]).toArray(String[]::new)));
        db.execute("""
                insert into enrollment.worker_history (tenant_id, entry_id, worker_id, actor, actor_name, action, status)
                select {0}, u.entry_id, u.worker_id, {3}, {4}, 'RE_REGISTERED', 'REGISTERED' from unnest({1}, {2}) as u(entry_id, worker_id)""",
                DSL.val(tenant.value()), DSL.val(entryIds.toArray(UUID[]::new)), DSL.val(ids), DSL.val(actor), DSL.val(actorName));
        return ids.length;
    }

    /** Which rows of the batch another pemda holds, claiming nothing: the report of an import that stores nothing. */
    public List<Integer> heldElsewhere(ImportBatch batch) {
        if (batch.isEmpty()) return List.of();
        return db.connectionResult(c -> {
            List<Integer> rowNos = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select pos from enrollment.memberships_elsewhere(?) as e(pos)")) {
                s.setArray(1, c.createArrayOf("bytea", batch.head(batch.nikHmacs)));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) rowNos.add(batch.rowNo(r.getInt(1) - 1));
                }
            }
            return rowNos;
        });
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

    private static JobRow toJob(id.payung.enrollment.persistence.jooq.tables.records.WorkerImportRecord r) {
        return new JobRow(r.getImportId(), r.getFileName(), r.getMode(), r.getStatus(), r.getRowsRead(),
                r.getRowsValid(), r.getRowsRejected(), r.getRowsStored(), r.getRowsExisting(), r.getProblem(),
                r.getStartedBy(), r.getStartedAt(), r.getFinishedAt(), r.getHeartbeatAt());
    }
}
