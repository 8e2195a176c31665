package id.payung.sponsorship;

import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.PaidMonthRows;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The truth about cover (ADR 0007): which months of a worker were paid. Written only when a payment is
 * recorded; read by claims (eligibility at the incident date) and by the monthly cycle (lapse rule).
 */
@Service
public class CoverageLedger {

    private final PaidMonthRows rows;
    private final TenantTransactions transactions;

    CoverageLedger(PaidMonthRows rows, TenantTransactions transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    public WorkerCover coverOf(TenantId tenant, UUID workerId) {
        return transactions.readInTenant(tenant, () -> new WorkerCover(workerId, rows.paidMonths(tenant, workerId)));
    }

    /** What one worker-month was paid with: the program, the payment and the amount. */
    public record PaidWorkerMonth(UUID workerId, long amount) {
    }

    /**
     * Records that a payment covered these workers for {@code period} under {@code programId}; must run
     * inside the caller's tenant transaction (the payment's). Idempotent: a worker-month already paid by
     * the same program is left as it was. Answers the workers newly marked paid.
     */
    public List<UUID> recordPaid(TenantId tenant, UUID paymentId, UUID programId, YearMonth period,
                                 Collection<PaidWorkerMonth> workers) {
        return rows.insert(tenant, paymentId, programId, period, workers);
    }

    /** Per worker, the number of programs that paid {@code period}: more than one is double funding. */
    public Map<UUID, Integer> payersPerWorker(TenantId tenant, YearMonth period, Collection<UUID> workerIds) {
        return transactions.readInTenant(tenant, () -> rows.payersPerWorker(tenant, period, workerIds));
    }
}
