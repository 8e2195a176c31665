package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import id.payung.sponsorship.CoverageLedger.PaidWorkerMonth;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static id.payung.sponsorship.persistence.jooq.Tables.PAID_MONTH;

@Repository
public class PaidMonthRows {

    private final DSLContext db;

    PaidMonthRows(DSLContext db) {
        this.db = db;
    }

    public NavigableSet<YearMonth> paidMonths(TenantId tenant, UUID workerId) {
        return db.selectDistinct(PAID_MONTH.PERIOD).from(PAID_MONTH)
                .where(PAID_MONTH.TENANT_ID.eq(tenant.value()), PAID_MONTH.WORKER_ID.eq(workerId))
                .fetch(r -> YearMonth.from(r.value1()))
                .stream().collect(Collectors.toCollection(TreeSet::new));
    }

    /** One multi-row statement per call; answers the workers whose month was not yet paid by the program. */
    public List<UUID> insert(TenantId tenant, UUID paymentId, UUID programId, YearMonth period,
                             Collection<PaidWorkerMonth> workers) {
        if (workers.isEmpty()) return List.of();
        UUID[] ids = workers.stream().map(PaidWorkerMonth::workerId).toArray(UUID[]::new);
        Long[] amounts = workers.stream().map(PaidWorkerMonth::amount).toArray(Long[]::new);
        return db.fetch("""
                        INSERT INTO sponsorship.paid_month (tenant_id, worker_id, period, program_id, payment_id, amount)
                        SELECT ?, w.worker_id, ?::date, ?, ?, w.amount
                        FROM unnest(?::uuid[], ?::bigint[]) AS w(worker_id, amount)
                        ON CONFLICT DO NOTHING
                        RETURNING worker_id""",
                tenant.value(), period.atDay(1), programId, paymentId, ids, amounts).getValues(0, UUID.class);
    }

    public Map<UUID, Integer> payersPerWorker(TenantId tenant, YearMonth period, Collection<UUID> workerIds) {
        return db.select(PAID_MONTH.WORKER_ID, DSL.countDistinct(PAID_MONTH.PROGRAM_ID)).from(PAID_MONTH)
                .where(PAID_MONTH.TENANT_ID.eq(tenant.value()), PAID_MONTH.PERIOD.eq(period.atDay(1)),
                        PAID_MONTH.WORKER_ID.in(workerIds))
                .groupBy(PAID_MONTH.WORKER_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }
}
