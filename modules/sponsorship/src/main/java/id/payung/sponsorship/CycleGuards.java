package id.payung.sponsorship;

import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.sponsorship.persistence.CycleRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The checks shared by the steps that decide what is owed (run, approve, invoice, close), each called
 * inside the step's tenant transaction after {@link #lock}: the per-pemda advisory lock makes "check, then
 * write" safe against a run starting or finishing in between.
 */
@Component
class CycleGuards {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final CycleRows rows;
    private final Duration staleAfter;

    CycleGuards(CycleRows rows, @Value("${payung.sponsorship.cycle.stale-after:PT30M}") Duration staleAfter) {
        this.rows = rows;
        this.staleAfter = staleAfter;
    }

    void lock(TenantId tenant) {
        rows.lockCycle(tenant);
    }

    /** Refuses when the period is closed. */
    void requireOpen(TenantId tenant, YearMonth period) {
        rows.closed(tenant, period).ifPresent(c -> {
            throw new DomainProblem(CycleProblem.PERIOD_CLOSED, Map.of("field", "period"), period,
                    c.closedAt().atZoneSameInstant(ContributionPeriods.ZONE).format(WHEN));
        });
    }

    /** Marks runs whose process died as failed; a run is presumed dead after {@code payung.sponsorship.cycle.stale-after}. */
    void abandonStale(TenantId tenant) {
        rows.abandonStale(tenant, staleAfter, "Dihentikan: tidak ada tanda kerja selama " + staleAfter.toMinutes() + " menit; jalankan lagi.");
    }

    /** Refuses while a run of the pemda is in progress. */
    void requireNoRun(TenantId tenant) {
        abandonStale(tenant);
        rows.running(tenant).ifPresent(r -> {
            throw new DomainProblem(CycleProblem.CYCLE_IN_PROGRESS, r.period());
        });
    }

    /** Refuses unless the latest run of the period completed (so its lists and dues are in step). */
    void requireCompletedRun(TenantId tenant, YearMonth period) {
        var latest = rows.runs(tenant, period, 1).stream().findFirst();
        if (latest.isEmpty() || !latest.get().status().equals(CycleRun.Status.COMPLETED.name())) {
            throw new DomainProblem(CycleProblem.CYCLE_NOT_COMPLETED, period);
        }
    }
}
