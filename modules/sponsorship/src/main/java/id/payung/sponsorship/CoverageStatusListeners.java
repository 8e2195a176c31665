package id.payung.sponsorship;

import id.payung.enrollment.EnrollmentEvents.WorkerDeactivated;
import id.payung.enrollment.WorkerCoverageStatus;
import id.payung.enrollment.WorkerFacts;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.ContributionPaid;
import id.payung.sponsorship.SponsorshipEvents.CoverageLapsed;
import id.payung.sponsorship.persistence.FundingRegisterRows;
import id.payung.sponsorship.persistence.PaidMonthRows;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Status follows the money (ADR 0007), driven by sponsorship's own events and run as the system:
 * <ul>
 *   <li>{@link ContributionPaid}: the payment's workers become ACTIVE in enrollment, in chunks, as the
 *   pemda's reactivation rule allows; their person keys go to the national double-funding register;</li>
 *   <li>{@link CoverageLapsed}: the workers become INACTIVE (enrollment keeps people's own decisions);</li>
 *   <li>enrollment's WorkerDeactivated: a worker who ENDED is no longer billed after the month of his end.</li>
 * </ul>
 * Each is idempotent (enrollment changes only workers not yet in the target status; the register and the
 * projection insert ON CONFLICT DO NOTHING), so the registry's redelivery after a failure is harmless.
 */
@Component
class CoverageStatusListeners {

    static final int CHUNK = 5_000;

    private final PaidMonthRows paidMonths;
    private final FundingRegisterRows register;
    private final CycleSettings settings;
    private final WorkerCoverageStatus coverageStatus;
    private final WorkerFacts facts;
    private final TenantTransactions transactions;

    CoverageStatusListeners(PaidMonthRows paidMonths, FundingRegisterRows register, CycleSettings settings,
                            WorkerCoverageStatus coverageStatus, WorkerFacts facts, TenantTransactions transactions) {
        this.paidMonths = paidMonths;
        this.register = register;
        this.settings = settings;
        this.coverageStatus = coverageStatus;
        this.facts = facts;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void on(ContributionPaid paid) {
        TenantId tenant = paid.tenantId();
        SystemWork.run("contribution-paid", () -> transactions.inTenant(tenant, () -> {
            ReactivationRule rule = settings.current(tenant).reactivationRule();
            List<UUID> workers = paidMonths.workersOfPayment(tenant, paid.paymentId());
            List<UUID> activated = rule == ReactivationRule.NEW_PAID_MONTH ? workers
                    : paidMonths.workersOfPaymentWithoutArrears(tenant, paid.paymentId(), paid.period());
            for (List<UUID> chunk : chunks(activated)) coverageStatus.activate(tenant, chunk, paid.period());
            for (List<UUID> chunk : chunks(workers)) registerNationally(tenant, chunk, paid.period());
        }));
    }

    @ApplicationModuleListener
    void on(CoverageLapsed lapsed) {
        SystemWork.run("coverage-lapsed", () -> coverageStatus.lapse(lapsed.tenantId(), lapsed.workerIds(), lapsed.period()));
    }

    @ApplicationModuleListener
    void on(WorkerDeactivated deactivated) {
        TenantId tenant = deactivated.tenantId();
        SystemWork.run("worker-ended", () -> transactions.inTenant(tenant, () -> {
            Map<UUID, java.time.LocalDate> ended = facts.endDates(tenant, List.of(deactivated.workerId()));
            ended.forEach((worker, on) -> register.recordEnded(tenant, worker, YearMonth.from(on)));
        }));
    }

    private void registerNationally(TenantId tenant, List<UUID> workers, YearMonth period) {
        List<UUID> unknown = register.withoutKey(tenant, workers);
        if (!unknown.isEmpty()) register.storeKeys(tenant, facts.fundingRegisterKeys(tenant, unknown));
        register.registerPaid(tenant, workers, period);
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        int n = (ids.size() + CHUNK - 1) / CHUNK;
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> ids.subList(i * CHUNK, Math.min(ids.size(), (i + 1) * CHUNK)))
                .toList();
    }
}
