package id.payung.enrollment;

import id.payung.enrollment.EnrollmentEvents.WorkersActivated;
import id.payung.enrollment.EnrollmentEvents.WorkersLapsed;
import id.payung.enrollment.persistence.CoverageStatusRows;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A worker's status follows the money (ADR 0007): the sponsorship module calls this when a month of his
 * is paid (VERIFIED, or INACTIVE by lapse, becomes ACTIVE) and when three consecutive months went unpaid
 * (ACTIVE becomes INACTIVE, reason IURAN_TIDAK_DIBAYAR). Both are set-based and idempotent: workers
 * already in the target status, ended, not yet verified or made inactive by a person are left alone, so
 * a retried call changes nothing. Each change is in the worker's history as the calling actor.
 */
@Service
public class WorkerCoverageStatus {

    /** Ids per event, so that a payment for a million workers is a thousand events, not a million. */
    static final int IDS_PER_EVENT = 1_000;

    private final CoverageStatusRows rows;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    WorkerCoverageStatus(CoverageStatusRows rows, TenantTransactions transactions, CurrentActor currentActor,
                         AuditTrail audit, ApplicationEventPublisher events) {
        this.rows = rows;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** Marks these workers ACTIVE because {@code period} is paid; answers how many changed. */
    public int activate(TenantId tenant, Collection<UUID> workerIds, YearMonth period) {
        return change(tenant, workerIds, period, true);
    }

    /** Marks these workers INACTIVE because three months up to {@code period} went unpaid. */
    public int lapse(TenantId tenant, Collection<UUID> workerIds, YearMonth period) {
        return change(tenant, workerIds, period, false);
    }

    private int change(TenantId tenant, Collection<UUID> workerIds, YearMonth period, boolean activate) {
        if (workerIds.isEmpty()) return 0;
        var actor = currentActor.get();
        return transactions.inTenant(tenant, () -> {
            int changed = 0;
            for (List<UUID> chunk : chunks(List.copyOf(workerIds))) {
                List<UUID> ids = activate
                        ? rows.activate(tenant, chunk, period, actor.subject(), actor.displayName())
                        : rows.lapse(tenant, chunk, period, actor.subject(), actor.displayName());
                if (ids.isEmpty()) continue;
                changed += ids.size();
                events.publishEvent(activate ? new WorkersActivated(tenant, period, ids)
                        : new WorkersLapsed(tenant, period, ids));
            }
            if (changed > 0) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("period", period.toString());
                details.put("workers", changed);
                audit.record(activate ? "workers.activated" : "workers.lapsed", "worker-period", period, details);
            }
            return changed;
        });
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        int n = (ids.size() + IDS_PER_EVENT - 1) / IDS_PER_EVENT;
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> ids.subList(i * IDS_PER_EVENT, Math.min(ids.size(), (i + 1) * IDS_PER_EVENT)))
                .toList();
    }
}
