package id.payung.enrollment.persistence;

import id.payung.enrollment.Heir;
import id.payung.enrollment.HeirRelationship;
import id.payung.enrollment.Sex;
import id.payung.enrollment.Worker;
import id.payung.enrollment.WorkerHistoryEntry;
import id.payung.enrollment.WorkerQuery;
import id.payung.enrollment.WorkerStatus;
import id.payung.enrollment.persistence.jooq.tables.records.WorkerRecord;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;
import id.payung.platform.TimeOrderedIds;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static id.payung.enrollment.persistence.jooq.Tables.HEIR;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER_HISTORY;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT;

@Repository
public class WorkerRows {

    private final DSLContext db;

    WorkerRows(DSLContext db) {
        this.db = db;
    }

    public record NewWorker(UUID id, String nik, String name, LocalDate birthDate, Sex sex, String address,
                            RegionCode villageCode, String phone, String occupationCode, String incomeLevelCode,
                            String registeredBy) {
    }

    public void insert(TenantId tenant, NewWorker w, List<Heir> heirs) {
        db.insertInto(WORKER)
                .set(WORKER.TENANT_ID, tenant.value())
                .set(WORKER.WORKER_ID, w.id())
                .set(WORKER.NIK, w.nik())
                .set(WORKER.NAME, w.name())
                .set(WORKER.BIRTH_DATE, w.birthDate())
                .set(WORKER.SEX, w.sex().name())
                .set(WORKER.ADDRESS, w.address())
                .set(WORKER.VILLAGE_CODE, w.villageCode().value())
                .set(WORKER.PHONE, w.phone())
                .set(WORKER.OCCUPATION_CODE, w.occupationCode())
                .set(WORKER.INCOME_LEVEL_CODE, w.incomeLevelCode())
                .set(WORKER.STATUS, WorkerStatus.REGISTERED.name())
                .set(WORKER.REGISTERED_BY, w.registeredBy())
                .execute();
        insertHeirs(tenant, w.id(), heirs);
    }

    private void insertHeirs(TenantId tenant, UUID workerId, List<Heir> heirs) {
        for (Heir heir : heirs) {
            db.insertInto(HEIR)
                    .set(HEIR.TENANT_ID, tenant.value())
                    .set(HEIR.WORKER_ID, workerId)
                    .set(HEIR.POSITION, (short) heir.position())
                    .set(HEIR.NAME, heir.name())
                    .set(HEIR.RELATIONSHIP, heir.relationship().name())
                    .set(HEIR.NIK, heir.nik())
                    .execute();
        }
    }

    public void addHistory(TenantId tenant, UUID workerId, String actor, String actorName, String action, WorkerStatus status) {
        db.insertInto(WORKER_HISTORY)
                .set(WORKER_HISTORY.TENANT_ID, tenant.value())
                .set(WORKER_HISTORY.ENTRY_ID, TimeOrderedIds.next())
                .set(WORKER_HISTORY.WORKER_ID, workerId)
                .set(WORKER_HISTORY.ACTOR, actor)
                .set(WORKER_HISTORY.ACTOR_NAME, actorName)
                .set(WORKER_HISTORY.ACTION, action)
                .set(WORKER_HISTORY.STATUS, status.name())
                .execute();
    }

    public Optional<Worker> find(TenantId tenant, UUID id) {
        return db.selectFrom(WORKER).where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(id))
                .fetchOptional(WorkerRows::toWorker);
    }

    public Optional<Worker> findByNik(TenantId tenant, String nik) {
        return db.selectFrom(WORKER).where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.NIK.eq(nik))
                .fetchOptional(WorkerRows::toWorker);
    }

    public List<Heir> heirs(TenantId tenant, UUID workerId) {
        return db.selectFrom(HEIR).where(HEIR.TENANT_ID.eq(tenant.value()), HEIR.WORKER_ID.eq(workerId))
                .orderBy(HEIR.POSITION)
                .fetch(r -> new Heir(r.getPosition(), r.getName(), HeirRelationship.valueOf(r.getRelationship()), r.getNik()));
    }

    /**
     * The worker's history, newest first. An imported worker's first entry is his import (who ran it, when,
     * from which file), read from the import rather than stored once per worker (V11).
     */
    public List<WorkerHistoryEntry> history(TenantId tenant, UUID workerId) {
        List<WorkerHistoryEntry> entries = new ArrayList<>(db.selectFrom(WORKER_HISTORY)
                .where(WORKER_HISTORY.TENANT_ID.eq(tenant.value()), WORKER_HISTORY.WORKER_ID.eq(workerId))
                .fetch(r -> new WorkerHistoryEntry(r.getOccurredAt(), r.getActorName(), r.getAction(),
                        WorkerStatus.valueOf(r.getStatus()), r.getDetail())));
        db.select(WORKER_IMPORT.STARTED_AT, WORKER_IMPORT.STARTED_BY_NAME, WORKER_IMPORT.STARTED_BY, WORKER_IMPORT.FILE_NAME)
                .from(WORKER)
                .join(WORKER_IMPORT).on(WORKER_IMPORT.TENANT_ID.eq(WORKER.TENANT_ID), WORKER_IMPORT.IMPORT_ID.eq(WORKER.IMPORT_ID))
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(workerId))
                .fetchOptional(r -> new WorkerHistoryEntry(r.value1(), r.value2() != null ? r.value2() : r.value3(), "IMPORTED",
                        WorkerStatus.REGISTERED, r.value4()))
                .ifPresent(entries::add);
        entries.sort(Comparator.comparing(WorkerHistoryEntry::occurredAt).reversed());
        return entries;
    }

    /** Workers matching the query, by name; only those one person registered when {@code registeredBy} is given. */
    public Page<Worker> page(TenantId tenant, WorkerQuery query, Optional<String> registeredBy, PageRequest page) {
        Condition where = WORKER.TENANT_ID.eq(tenant.value());
        if (notBlank(query.name())) {
            where = where.and(DSL.lower(WORKER.NAME).contains(query.name().strip().toLowerCase(Locale.ROOT)));
        }
        if (notBlank(query.kpj())) where = where.and(WORKER.KPJ.eq(query.kpj().strip()));
        if (notBlank(query.villageCode())) where = where.and(WORKER.VILLAGE_CODE.startsWith(query.villageCode().strip()));
        if (notBlank(query.occupationCode())) where = where.and(WORKER.OCCUPATION_CODE.eq(query.occupationCode().strip()));
        if (notBlank(query.status())) where = where.and(WORKER.STATUS.eq(query.status().strip().toUpperCase(Locale.ROOT)));
        if (registeredBy.isPresent()) where = where.and(WORKER.REGISTERED_BY.eq(registeredBy.get()));
        long total = db.fetchCount(WORKER, where);
        List<Worker> items = db.selectFrom(WORKER).where(where).orderBy(WORKER.NAME, WORKER.WORKER_ID)
                .limit(page.size()).offset(page.offset()).fetch(WorkerRows::toWorker);
        return new Page<>(items, page.page(), page.size(), total);
    }

    // --- lifecycle ----------------------------------------------------------------------------------

    /** The worker, locked until the transaction ends, so two status changes cannot cross. */
    public Optional<Worker> findForUpdate(TenantId tenant, UUID id) {
        return db.selectFrom(WORKER).where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(id))
                .forUpdate().fetchOptional(WorkerRows::toWorker);
    }

    /** Whether another worker of the pemda holds the KPJ. */
    public boolean kpjTaken(TenantId tenant, String kpj, UUID exceptWorker) {
        return db.fetchExists(WORKER, WORKER.TENANT_ID.eq(tenant.value()), WORKER.KPJ.eq(kpj),
                WORKER.WORKER_ID.ne(exceptWorker));
    }

    public void verify(TenantId tenant, UUID id, String kpj) {
        db.update(WORKER).set(WORKER.STATUS, WorkerStatus.VERIFIED.name()).set(WORKER.KPJ, kpj)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(id)).execute();
    }

    public void deactivate(TenantId tenant, UUID id, WorkerStatus status, String reason, String note, LocalDate since) {
        db.update(WORKER).set(WORKER.STATUS, status.name()).set(WORKER.STATUS_REASON, reason)
                .set(WORKER.STATUS_NOTE, note).set(WORKER.STATUS_SINCE, since)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(id)).execute();
    }

    /** Back from INACTIVE: the reason and date of the deactivation are cleared (the history keeps them). */
    public void reactivate(TenantId tenant, UUID id, WorkerStatus status) {
        db.update(WORKER).set(WORKER.STATUS, status.name()).setNull(WORKER.STATUS_REASON)
                .setNull(WORKER.STATUS_NOTE).setNull(WORKER.STATUS_SINCE)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(id)).execute();
    }

    /**
     * A worker who had ENDED, registered again with the data and heirs of the new registration: REGISTERED,
     * without KPJ (BPJS verifies again), registered by and at the new registration. The history keeps the past.
     */
    public boolean reRegister(TenantId tenant, UUID id, NewWorker w, List<Heir> heirs) {
        int updated = db.update(WORKER)
                .set(WORKER.NAME, w.name())
                .set(WORKER.BIRTH_DATE, w.birthDate())
                .set(WORKER.SEX, w.sex().name())
                .set(WORKER.ADDRESS, w.address())
                .set(WORKER.VILLAGE_CODE, w.villageCode().value())
                .set(WORKER.PHONE, w.phone())
                .set(WORKER.OCCUPATION_CODE, w.occupationCode())
                .set(WORKER.INCOME_LEVEL_CODE, w.incomeLevelCode())
                .set(WORKER.STATUS, WorkerStatus.REGISTERED.name())
                .setNull(WORKER.KPJ)
                .setNull(WORKER.STATUS_REASON)
                .setNull(WORKER.STATUS_NOTE)
                .setNull(WORKER.STATUS_SINCE)
                .setNull(WORKER.COVERED_SINCE) // a new membership: covered again from its first paid month
                .set(WORKER.REGISTERED_BY, w.registeredBy())
                .set(WORKER.REGISTERED_AT, DSL.currentOffsetDateTime())
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.WORKER_ID.eq(id), WORKER.STATUS.eq(WorkerStatus.ENDED.name()))
                .execute();
        if (updated == 0) return false; // registered again a moment ago by someone else
        db.deleteFrom(HEIR).where(HEIR.TENANT_ID.eq(tenant.value()), HEIR.WORKER_ID.eq(id)).execute();
        insertHeirs(tenant, id, heirs);
        return true;
    }

    public void addHistory(TenantId tenant, UUID workerId, String actor, String actorName, String action,
                           WorkerStatus status, String detail) {
        db.insertInto(WORKER_HISTORY)
                .set(WORKER_HISTORY.TENANT_ID, tenant.value())
                .set(WORKER_HISTORY.ENTRY_ID, TimeOrderedIds.next())
                .set(WORKER_HISTORY.WORKER_ID, workerId)
                .set(WORKER_HISTORY.ACTOR, actor)
                .set(WORKER_HISTORY.ACTOR_NAME, actorName)
                .set(WORKER_HISTORY.ACTION, action)
                .set(WORKER_HISTORY.STATUS, status.name())
                .set(WORKER_HISTORY.DETAIL, detail)
                .execute();
    }

    /** The pemda's REGISTERED workers, by registration, streamed row by row (a batch for BPJS). */
    public void forEachPending(TenantId tenant, java.util.function.Consumer<Worker> each) {
        try (var cursor = db.selectFrom(WORKER)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.STATUS.eq(WorkerStatus.REGISTERED.name()))
                .orderBy(WORKER.REGISTERED_AT, WORKER.WORKER_ID).fetchSize(1000).fetchLazy()) {
            for (WorkerRecord r : cursor) each.accept(toWorker(r));
        }
    }

    /** The workers of the pemda with these NIKs, by NIK, locked until the transaction ends. */
    public java.util.Map<String, Worker> findByNiks(TenantId tenant, java.util.Collection<String> niks) {
        java.util.Map<String, Worker> found = new java.util.HashMap<>();
        db.selectFrom(WORKER).where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.NIK.in(niks)).forUpdate()
                .forEach(r -> found.put(r.getNik(), toWorker(r)));
        return found;
    }

    /** Which of these KPJs the pemda's workers hold already. */
    public java.util.Set<String> kpjsTaken(TenantId tenant, java.util.Collection<String> kpjs) {
        return new java.util.HashSet<>(db.select(WORKER.KPJ).from(WORKER)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.KPJ.in(kpjs)).fetch(WORKER.KPJ));
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static Worker toWorker(WorkerRecord r) {
        return new Worker(new TenantId(r.getTenantId()), r.getWorkerId(), r.getNik(), r.getName(), r.getBirthDate(),
                Sex.valueOf(r.getSex()), r.getAddress(), new RegionCode(r.getVillageCode()), r.getPhone(),
                r.getOccupationCode(), r.getIncomeLevelCode(), WorkerStatus.valueOf(r.getStatus()), r.getKpj(),
                r.getRegisteredBy(), r.getRegisteredAt());
    }
}
