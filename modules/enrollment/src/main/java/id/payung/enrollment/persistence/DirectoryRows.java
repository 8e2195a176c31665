package id.payung.enrollment.persistence;

import id.payung.enrollment.Nik;
import id.payung.enrollment.WorkerDirectory.Match;
import id.payung.enrollment.WorkerDirectory.WorkerCard;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static id.payung.enrollment.persistence.jooq.Tables.WORKER;
import static id.payung.enrollment.persistence.jooq.Tables.WORKER_IMPORT;

/** Set-based look-ups of workers by NIK, id or import, for the other modules' lists and bulk enrolment. */
@Repository
public class DirectoryRows {

    private final DSLContext db;

    DirectoryRows(DSLContext db) {
        this.db = db;
    }

    public Optional<WorkerCard> cardByNik(TenantId tenant, String nik) {
        return db.select(WORKER.WORKER_ID, WORKER.NAME, WORKER.NIK, WORKER.OCCUPATION_CODE, WORKER.STATUS).from(WORKER)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.NIK.eq(nik))
                .fetchOptional(DirectoryRows::toCard);
    }

    public List<WorkerCard> cards(TenantId tenant, Collection<UUID> ids) {
        return db.fetch("""
                        SELECT w.worker_id, w.name, w.nik, w.occupation_code, w.status
                        FROM enrollment.worker w
                        WHERE w.tenant_id = ? AND w.worker_id = ANY (?::uuid[])""",
                tenant.value(), ids.toArray(UUID[]::new))
                .map(r -> new WorkerCard(r.get(0, UUID.class), r.get(1, String.class), Nik.masked(r.get(2, String.class)),
                        r.get(3, String.class), WorkerStatus.valueOf(r.get(4, String.class))));
    }

    public Map<String, Match> matchNiks(TenantId tenant, List<String> niks) {
        Map<String, Match> found = new HashMap<>();
        db.fetch("""
                        SELECT w.nik, w.worker_id, w.status
                        FROM enrollment.worker w
                        WHERE w.tenant_id = ? AND w.nik = ANY (?::text[])""",
                        tenant.value(), niks.toArray(String[]::new))
                .forEach(r -> found.put(r.get(0, String.class),
                        new Match(r.get(1, UUID.class), WorkerStatus.valueOf(r.get(2, String.class)))));
        return found;
    }

    public boolean importExists(TenantId tenant, UUID importId) {
        return db.fetchExists(WORKER_IMPORT, WORKER_IMPORT.TENANT_ID.eq(tenant.value()), WORKER_IMPORT.IMPORT_ID.eq(importId));
    }

    public List<Match> storedByImport(TenantId tenant, UUID importId) {
        return db.select(WORKER.WORKER_ID, WORKER.STATUS).from(WORKER)
                .where(WORKER.TENANT_ID.eq(tenant.value()), WORKER.IMPORT_ID.eq(importId))
                .orderBy(WORKER.REGISTERED_AT, WORKER.WORKER_ID)
                .fetch(r -> new Match(r.value1(), WorkerStatus.valueOf(r.value2())));
    }

    private static WorkerCard toCard(Record5<UUID, String, String, String, String> r) {
        return new WorkerCard(r.value1(), r.value2(), Nik.masked(r.value3()), r.value4(), WorkerStatus.valueOf(r.value5()));
    }
}
