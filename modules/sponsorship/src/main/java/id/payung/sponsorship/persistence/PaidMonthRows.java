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

    /**
     * Marks paid, set-based, the worker-months of a judged payment file's rows of one invoice (program and
     * period). Answers how many rows were newly marked (the caller compares with the rows it expected).
     */
    public int insertFromUpload(TenantId tenant, UUID uploadId, String invoiceNo, UUID programId, YearMonth period, UUID paymentId) {
        return db.execute("""
                        INSERT INTO sponsorship.paid_month (tenant_id, worker_id, period, program_id, payment_id, amount)
                        SELECT s.tenant_id, s.worker_id, ?::date, ?, ?, s.amount
                        FROM sponsorship.payment_upload_row s
                        WHERE s.tenant_id = ? AND s.upload_id = ? AND s.invoice_no = ?
                        ON CONFLICT DO NOTHING""",
                period.atDay(1), programId, paymentId, tenant.value(), uploadId, invoiceNo);
    }

    /** Marks paid every due of the program and period not paid yet (a manual payment of the rest of an invoice). */
    public int insertUnpaidDues(TenantId tenant, UUID programId, YearMonth period, UUID paymentId) {
        return db.execute("""
                        INSERT INTO sponsorship.paid_month (tenant_id, worker_id, period, program_id, payment_id, amount)
                        SELECT d.tenant_id, d.worker_id, d.period, d.program_id, ?, d.amount
                        FROM sponsorship.premium_due d
                        WHERE d.tenant_id = ? AND d.period = ?::date AND d.program_id = ?
                        ON CONFLICT DO NOTHING""",
                paymentId, tenant.value(), period.atDay(1), programId);
    }

    /** The workers whose month a payment paid. */
    public List<UUID> workersOfPayment(TenantId tenant, UUID paymentId) {
        return db.fetch("SELECT worker_id FROM sponsorship.paid_month WHERE tenant_id = ? AND payment_id = ? ORDER BY worker_id",
                tenant.value(), paymentId).getValues(0, UUID.class);
    }

    /**
     * The workers of a payment who, with it, owe nothing up to the latest month paid for them: every month
     * due to them from twelve months before {@code period} up to their latest paid month is paid. Those the
     * ARREARS_CLEARED reactivation rule lets become active again.
     */
    public List<UUID> workersOfPaymentWithoutArrears(TenantId tenant, UUID paymentId, YearMonth period) {
        return db.fetch("""
                        SELECT p.worker_id FROM sponsorship.paid_month p
                        WHERE p.tenant_id = ? AND p.payment_id = ?
                          AND NOT EXISTS (
                              SELECT 1 FROM sponsorship.premium_due d
                              WHERE d.tenant_id = p.tenant_id AND d.worker_id = p.worker_id AND d.period >= ?::date
                                AND d.period <= (SELECT max(l.period) FROM sponsorship.paid_month l
                                                 WHERE l.tenant_id = p.tenant_id AND l.worker_id = p.worker_id)
                                AND NOT EXISTS (SELECT 1 FROM sponsorship.paid_month m
                                                WHERE m.tenant_id = d.tenant_id AND m.worker_id = d.worker_id AND m.period = d.period))
                        ORDER BY p.worker_id""",
                tenant.value(), paymentId, period.minusMonths(12).atDay(1)).getValues(0, UUID.class);
    }

    public Map<UUID, Integer> payersPerWorker(TenantId tenant, YearMonth period, Collection<UUID> workerIds) {
        return db.select(PAID_MONTH.WORKER_ID, DSL.countDistinct(PAID_MONTH.PROGRAM_ID)).from(PAID_MONTH)
                .where(PAID_MONTH.TENANT_ID.eq(tenant.value()), PAID_MONTH.PERIOD.eq(period.atDay(1)),
                        PAID_MONTH.WORKER_ID.in(workerIds))
                .groupBy(PAID_MONTH.WORKER_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }
}
