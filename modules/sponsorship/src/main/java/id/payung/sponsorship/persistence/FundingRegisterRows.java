package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the cycle keeps about workers from enrollment (who ended, each person's register key), and the
 * double-funding questions: within the pemda (its own dues and paid months) and nationally (through the
 * SECURITY DEFINER register of V14, which answers only "also funded elsewhere").
 */
@Repository
public class FundingRegisterRows {

    private final DSLContext db;

    FundingRegisterRows(DSLContext db) {
        this.db = db;
    }

    /** Records that the worker ENDED; the cycle bills him up to {@code lastBillable}. The first record stays. */
    public boolean recordEnded(TenantId tenant, UUID workerId, YearMonth lastBillable) {
        return db.execute("""
                        INSERT INTO sponsorship.ended_worker (tenant_id, worker_id, last_billable_period) VALUES (?, ?, ?::date)
                        ON CONFLICT DO NOTHING""", tenant.value(), workerId, lastBillable.atDay(1)) == 1;
    }

    /** Of these workers, those whose person key is not known yet. */
    public List<UUID> withoutKey(TenantId tenant, Collection<UUID> workerIds) {
        return db.fetch("""
                        SELECT w FROM unnest(?::uuid[]) AS w
                        WHERE NOT EXISTS (SELECT 1 FROM sponsorship.worker_person_key k WHERE k.tenant_id = ? AND k.worker_id = w)""",
                workerIds.toArray(UUID[]::new), tenant.value()).getValues(0, UUID.class);
    }

    public void storeKeys(TenantId tenant, Map<UUID, byte[]> keys) {
        if (keys.isEmpty()) return;
        UUID[] ids = keys.keySet().toArray(UUID[]::new);
        byte[][] values = Arrays.stream(ids).map(keys::get).toArray(byte[][]::new);
        db.execute("""
                        INSERT INTO sponsorship.worker_person_key (tenant_id, worker_id, person_key)
                        SELECT ?, k.worker_id, k.person_key FROM unnest(?::uuid[], ?::bytea[]) AS k(worker_id, person_key)
                        ON CONFLICT DO NOTHING""", tenant.value(), ids, values);
    }

    /** Registers nationally that the current tenant paid these workers' month (those with a known key). */
    public int registerPaid(TenantId tenant, Collection<UUID> workerIds, YearMonth period) {
        Object n = db.fetchValue("""
                        SELECT sponsorship.register_funded_month(
                            ARRAY(SELECT k.person_key FROM sponsorship.worker_person_key k
                                  WHERE k.tenant_id = ? AND k.worker_id = ANY (?::uuid[])), ?::date)""",
                tenant.value(), workerIds.toArray(UUID[]::new), period.atDay(1));
        return n == null ? 0 : ((Number) n).intValue();
    }

    /** Workers this pemda paid for the month whom another pemda paid for too (nothing more is known of the other). */
    public List<UUID> fundedElsewhere(TenantId tenant, YearMonth period) {
        return db.fetch("""
                        WITH mine AS (
                            SELECT DISTINCT k.worker_id, k.person_key
                            FROM sponsorship.paid_month m
                            JOIN sponsorship.worker_person_key k ON k.tenant_id = m.tenant_id AND k.worker_id = m.worker_id
                            WHERE m.tenant_id = ? AND m.period = ?::date)
                        SELECT mine.worker_id FROM mine
                        WHERE mine.person_key IN (SELECT sponsorship.funded_elsewhere(ARRAY(SELECT person_key FROM mine), ?::date))
                        ORDER BY mine.worker_id""",
                tenant.value(), period.atDay(1), period.atDay(1)).getValues(0, UUID.class);
    }

    public record DoubleFundedRow(UUID workerId, List<UUID> programsDue, List<UUID> programsPaid) {
    }

    /**
     * Workers of the pemda due or paid by more than one program for the month, by worker id; a page of
     * them and how many there are.
     */
    public List<DoubleFundedRow> doubleFunded(TenantId tenant, YearMonth period, int offset, int limit) {
        return db.fetch("""
                        WITH due AS (SELECT worker_id, array_agg(program_id ORDER BY program_id) AS programs FROM sponsorship.premium_due
                                     WHERE tenant_id = ? AND period = ?::date GROUP BY worker_id HAVING count(*) > 1),
                             paid AS (SELECT worker_id, array_agg(program_id ORDER BY program_id) AS programs FROM sponsorship.paid_month
                                      WHERE tenant_id = ? AND period = ?::date GROUP BY worker_id HAVING count(*) > 1)
                        SELECT coalesce(due.worker_id, paid.worker_id) AS worker_id, due.programs AS due, paid.programs AS paid
                        FROM due FULL JOIN paid ON paid.worker_id = due.worker_id
                        ORDER BY 1 OFFSET ? LIMIT ?""",
                tenant.value(), period.atDay(1), tenant.value(), period.atDay(1), offset, limit)
                .map(FundingRegisterRows::toDoubleFunded);
    }

    public int doubleFundedCount(TenantId tenant, YearMonth period) {
        return ((Number) db.fetchValue("""
                        SELECT count(*) FROM (
                            SELECT worker_id FROM sponsorship.premium_due WHERE tenant_id = ? AND period = ?::date GROUP BY worker_id HAVING count(*) > 1
                            UNION
                            SELECT worker_id FROM sponsorship.paid_month WHERE tenant_id = ? AND period = ?::date GROUP BY worker_id HAVING count(*) > 1) w""",
                tenant.value(), period.atDay(1), tenant.value(), period.atDay(1))).intValue();
    }

    private static DoubleFundedRow toDoubleFunded(Record r) {
        UUID[] due = r.get("due", UUID[].class);
        UUID[] paid = r.get("paid", UUID[].class);
        return new DoubleFundedRow(r.get("worker_id", UUID.class), due == null ? List.of() : List.of(due),
                paid == null ? List.of() : List.of(paid));
    }

    static LocalDate day(YearMonth period) {
        return period.atDay(1);
    }
}
