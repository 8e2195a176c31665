package id.payung.enrollment.persistence;

import id.payung.enrollment.WorkerProfile;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Set-based status changes driven by payments, and the non-personal worker facts other modules read. */
@Repository
public class CoverageStatusRows {

    private static final String PROFILE_SELECT = """
            SELECT w.worker_id, w.village_code, w.occupation_code, coalesce(o.transport_sector, false) AS transport,
                   w.income_level_code, i.income, w.status, w.registered_at, w.covered_since
            FROM enrollment.worker w
            LEFT JOIN LATERAL (SELECT l.income FROM enrollment.income_level l
                               WHERE l.level_code = w.income_level_code AND l.valid_from <= current_date
                                 AND (l.valid_until IS NULL OR l.valid_until > current_date)
                               ORDER BY l.valid_from DESC LIMIT 1) i ON true
            LEFT JOIN LATERAL (SELECT c.transport_sector FROM enrollment.occupation c
                               WHERE c.occupation_code = w.occupation_code AND c.valid_from <= current_date
                                 AND (c.valid_until IS NULL OR c.valid_until > current_date)
                               ORDER BY c.valid_from DESC LIMIT 1) o ON true
            """;

    private final DSLContext db;

    CoverageStatusRows(DSLContext db) {
        this.db = db;
    }

    /** VERIFIED, or INACTIVE by lapse, becomes ACTIVE; answers the ids that changed. */
    public List<UUID> activate(TenantId tenant, List<UUID> ids, YearMonth period, String actor, String actorName) {
        return db.fetch("""
                        WITH changed AS (
                            UPDATE enrollment.worker w
                            SET status = 'ACTIVE', status_reason = NULL, status_note = NULL, status_since = NULL,
                                covered_since = coalesce(w.covered_since, ?::date)
                            WHERE w.tenant_id = ? AND w.worker_id = ANY (?::uuid[])
                              AND (w.status = 'VERIFIED' OR (w.status = 'INACTIVE' AND w.status_reason = 'IURAN_TIDAK_DIBAYAR'))
                            RETURNING w.worker_id)
                        INSERT INTO enrollment.worker_history (tenant_id, entry_id, worker_id, actor, actor_name, action, status, detail)
                        SELECT ?, gen_random_uuid(), c.worker_id, ?, ?, 'ACTIVE', 'ACTIVE', ?
                        FROM changed c
                        RETURNING worker_id""",
                period.atDay(1), tenant.value(), ids.toArray(UUID[]::new),
                tenant.value(), actor, actorName, "Iuran " + period + " dibayar")
                .getValues(0, UUID.class);
    }

    /** ACTIVE becomes INACTIVE with reason IURAN_TIDAK_DIBAYAR from the month after {@code period}. */
    public List<UUID> lapse(TenantId tenant, List<UUID> ids, YearMonth period, String actor, String actorName) {
        return db.fetch("""
                        WITH changed AS (
                            UPDATE enrollment.worker w
                            SET status = 'INACTIVE', status_reason = 'IURAN_TIDAK_DIBAYAR', status_note = NULL,
                                status_since = ?::date
                            WHERE w.tenant_id = ? AND w.worker_id = ANY (?::uuid[]) AND w.status = 'ACTIVE'
                            RETURNING w.worker_id)
                        INSERT INTO enrollment.worker_history (tenant_id, entry_id, worker_id, actor, actor_name, action, status, detail)
                        SELECT ?, gen_random_uuid(), c.worker_id, ?, ?, 'INACTIVE', 'INACTIVE', ?
                        FROM changed c
                        RETURNING worker_id""",
                period.plusMonths(1).atDay(1), tenant.value(), ids.toArray(UUID[]::new),
                tenant.value(), actor, actorName, "IURAN_TIDAK_DIBAYAR: 3 bulan berturut-turut s.d. " + period)
                .getValues(0, UUID.class);
    }

    /** ENDED workers among the ids, with the date the end took effect. */
    public java.util.Map<UUID, LocalDate> endDates(TenantId tenant, Collection<UUID> ids) {
        return db.fetch("SELECT worker_id, status_since FROM enrollment.worker WHERE tenant_id = ? AND worker_id = ANY (?::uuid[])"
                        + " AND status = 'ENDED' AND status_since IS NOT NULL", tenant.value(), ids.toArray(UUID[]::new))
                .intoMap(r -> r.get(0, UUID.class), r -> r.get(1, LocalDate.class));
    }

    /** The NIKs of these workers (for keys computed inside enrollment; never handed out). */
    public java.util.Map<UUID, String> niks(TenantId tenant, Collection<UUID> ids) {
        return db.fetch("SELECT worker_id, nik FROM enrollment.worker WHERE tenant_id = ? AND worker_id = ANY (?::uuid[])",
                        tenant.value(), ids.toArray(UUID[]::new))
                .intoMap(r -> r.get(0, UUID.class), r -> r.get(1, String.class));
    }

    public List<WorkerProfile> profiles(TenantId tenant, Collection<UUID> ids) {
        return db.fetch(PROFILE_SELECT + " WHERE w.tenant_id = ? AND w.worker_id = ANY (?::uuid[])",
                tenant.value(), ids.toArray(UUID[]::new)).map(r -> toProfile(tenant, r));
    }

    public List<WorkerProfile> profilesAfter(TenantId tenant, UUID after, int limit) {
        return db.fetch(PROFILE_SELECT + " WHERE w.tenant_id = ? AND (?::uuid IS NULL OR w.worker_id > ?::uuid)"
                        + " ORDER BY w.worker_id LIMIT ?",
                tenant.value(), after, after, limit).map(r -> toProfile(tenant, r));
    }

    private static WorkerProfile toProfile(TenantId tenant, Record r) {
        Number income = r.get("income", Number.class);
        LocalDate coveredSince = r.get("covered_since", LocalDate.class);
        return new WorkerProfile(tenant, r.get("worker_id", UUID.class), new RegionCode(r.get("village_code", String.class)),
                r.get("occupation_code", String.class), Boolean.TRUE.equals(r.get("transport", Boolean.class)),
                r.get("income_level_code", String.class), income == null ? 0 : income.longValue(),
                WorkerStatus.valueOf(r.get("status", String.class)),
                r.get("registered_at", OffsetDateTime.class).toLocalDate(),
                Optional.ofNullable(coveredSince).map(YearMonth::from));
    }
}
