package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.CoverageLapsed;
import id.payung.sponsorship.persistence.CycleRows;
import id.payung.sponsorship.persistence.CycleRows.RunRow;
import id.payung.sponsorship.persistence.InvoiceRows;
import id.payung.tenancy.TenantAdministration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The monthly contribution cycle of a pemda for one period (YYYY-MM), started by its Disnaker operator
 * and worked in the background with visible progress:
 * <ol>
 *   <li><b>dues</b>: the premium of every worker whose funding covers the month, by one set-based
 *   {@code INSERT … SELECT … ON CONFLICT DO NOTHING} through {@code sponsorship.monthly_premium}; dues of
 *   approved OPD lists and invoiced programs are never touched again, the others are recomputed (a due
 *   the fundings no longer produce is removed first);</li>
 *   <li><b>deduction lists</b>: per OPD, per ASN sponsor, from the ASN program's dues (drafts rewritten);</li>
 *   <li><b>lapse</b>: workers due but unpaid in each of the three months before the period get
 *   {@link CoverageLapsed} (at most 1,000 ids each), once per worker and window.</li>
 * </ol>
 * Running it again is safe: nothing is due twice (the key of a due), nothing approved or invoiced changes.
 * Refused: a period after the current month, a closed period, a month without a valid rate, and a second
 * run while one of the pemda is in progress (a partial unique index on the running row, under an advisory
 * lock that also serialises approvals and invoices against runs).
 */
@Service
public class MonthlyCycle {

    static final int IDS_PER_EVENT = 1_000;
    static final Role[] MAY_READ = {Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    private static final Logger log = LoggerFactory.getLogger(MonthlyCycle.class);
    private static final Locale REPORT_LOCALE = Locale.forLanguageTag("id");

    private final CycleRows rows;
    private final InvoiceRows invoiceRows;
    private final Invoices invoices;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CycleGuards guards;
    private final MessageSource messages;
    private final String workMem;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("contribution-cycle-", 1).daemon().factory());

    MonthlyCycle(CycleRows rows, InvoiceRows invoiceRows, Invoices invoices, TenantAdministration tenants, TenantTransactions transactions,
                 CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events, CycleGuards guards,
                 MessageSource messages, @Value("${payung.sponsorship.cycle.work-mem:64MB}") String workMem) {
        this.rows = rows;
        this.invoiceRows = invoiceRows;
        this.invoices = invoices;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.guards = guards;
        this.messages = messages;
        this.workMem = workMem;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A program's dues for the period and its invoice, if issued. */
    public record ProgramDues(UUID programId, String programName, FundingKind kind, int workers, long amount, Optional<Invoice> invoice) {
    }

    /** Where a period stands: closed or not, its latest run, dues per program with invoices, its deduction lists. */
    public record PeriodOverview(YearMonth period, boolean closed, String closedByName, OffsetDateTime closedAt,
                                 Optional<CycleRun> latestRun, Optional<CycleRun> runningNow, List<ProgramDues> programs,
                                 int draftLists, int approvedLists, boolean mayStart, boolean mayClose) {
        public long totalAmount() {
            return programs.stream().mapToLong(ProgramDues::amount).sum();
        }

        public int totalWorkers() {
            return programs.stream().mapToInt(ProgramDues::workers).sum();
        }
    }

    /** Starts a run for the period (text {@code YYYY-MM}); answers at once with the run, which goes on in the background. */
    public CycleRun start(TenantId tenant, String period) {
        return startRun(tenant, period).run();
    }

    record Started(CycleRun run, Future<?> work) {
    }

    /** Like {@link #start}, answering the background work too: the bench and tests wait for it. */
    Started startRun(TenantId tenant, String periodText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        YearMonth period = ContributionPeriods.parse(periodText);
        YearMonth current = ContributionPeriods.current();
        if (period.isAfter(current)) {
            throw new DomainProblem(CycleProblem.PERIOD_IN_FUTURE, Map.of("field", "period"), period, current);
        }
        UUID runId = UUID.randomUUID();
        CycleRun run;
        try {
            run = transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                guards.lock(tenant);
                guards.requireOpen(tenant, period);
                if (!rows.rateValid(period)) throw new DomainProblem(CycleProblem.NO_RATE_FOR_PERIOD, Map.of("field", "period"), period);
                guards.abandonStale(tenant);
                rows.running(tenant).ifPresent(MonthlyCycle::refuseRunning);
                rows.insertRun(tenant, runId, period, actor.subject(), actor.displayName());
                audit.record("contribution-cycle.started", "contribution-cycle", runId, Map.of("period", period.toString()));
                return rows.run(tenant, runId).map(MonthlyCycle::toRun).orElseThrow();
            });
        } catch (DuplicateKeyException concurrent) {
            // Another instance inserted its running row between our check and our insert.
            throw new DomainProblem(CycleProblem.CYCLE_ALREADY_RUNNING, period, "-", "-");
        }
        Future<?> work = executor.submit(() -> SystemWork.callAs(actor, () -> {
            work(tenant, runId, period);
            return null;
        }));
        return new Started(run, work);
    }

    private static void refuseRunning(RunRow running) {
        throw new DomainProblem(CycleProblem.CYCLE_ALREADY_RUNNING, running.period(),
                running.startedAt().atZoneSameInstant(ContributionPeriods.ZONE).format(CycleGuards.WHEN), running.startedByName());
    }

    public CycleRun run(TenantId tenant, UUID runId) {
        currentActor.get().requireAnyOf(MAY_READ);
        return transactions.readInTenant(tenant, () -> rows.run(tenant, runId)).map(MonthlyCycle::toRun)
                .orElseThrow(() -> new DomainProblem(CycleProblem.CYCLE_RUN_NOT_FOUND));
    }

    /** The latest runs of the pemda (of one period when given), newest first. */
    public List<CycleRun> runs(TenantId tenant, String period) {
        currentActor.get().requireAnyOf(MAY_READ);
        YearMonth month = period == null || period.isBlank() ? null : ContributionPeriods.parse(period);
        return transactions.readInTenant(tenant, () -> rows.runs(tenant, month, 20)).stream().map(MonthlyCycle::toRun).toList();
    }

    public PeriodOverview overview(TenantId tenant, String periodText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_READ);
        YearMonth period = ContributionPeriods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            var closed = rows.closed(tenant, period);
            Optional<CycleRun> latest = rows.runs(tenant, period, 1).stream().findFirst().map(MonthlyCycle::toRun);
            Optional<CycleRun> running = rows.running(tenant).map(MonthlyCycle::toRun);
            Map<UUID, InvoiceRows.ProgramDues> dues = invoiceRows.duesByProgram(tenant, period).stream()
                    .collect(Collectors.toMap(InvoiceRows.ProgramDues::programId, d -> d));
            Map<UUID, Invoice> invoiced = invoices.ofPeriodInTransaction(tenant, period).stream()
                    .collect(Collectors.toMap(Invoice::programId, i -> i));
            List<ProgramDues> programs = new ArrayList<>();
            for (var program : invoiceRows.programs(tenant)) {
                var due = dues.get(program.programId());
                if (due == null && !invoiced.containsKey(program.programId())) continue;
                programs.add(new ProgramDues(program.programId(), program.name(), FundingKind.valueOf(program.kind()),
                        due == null ? 0 : due.workers(), due == null ? 0 : due.amount(), Optional.ofNullable(invoiced.get(program.programId()))));
            }
            List<UUID> drafts = invoiceRows.draftListOpds(tenant, period);
            int approved = rows.approvedOpds(tenant, period).length;
            boolean operator = actor.isUnrestricted() || actor.has(Role.DISNAKER_OPERATOR);
            boolean mayStart = operator && closed.isEmpty() && running.isEmpty() && !period.isAfter(ContributionPeriods.current());
            boolean mayClose = operator && closed.isEmpty() && running.isEmpty() && period.isBefore(ContributionPeriods.current());
            return new PeriodOverview(period, closed.isPresent(), closed.map(CycleRows.ClosedPeriod::closedByName).orElse(null),
                    closed.map(CycleRows.ClosedPeriod::closedAt).orElse(null), latest, running, programs, drafts.size(), approved,
                    mayStart, mayClose);
        });
    }

    /**
     * Closes a period that is over: no more runs, approvals or invoices for it. Workers due and unpaid in
     * each of the three months ending with it lapse ({@link CoverageLapsed}). Payments still land.
     */
    public PeriodOverview close(TenantId tenant, String periodText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        YearMonth period = ContributionPeriods.parse(periodText);
        if (!period.isBefore(ContributionPeriods.current())) {
            throw new DomainProblem(CycleProblem.PERIOD_NOT_OVER, Map.of("field", "period"), period);
        }
        transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            guards.lock(tenant);
            guards.requireOpen(tenant, period);
            guards.requireNoRun(tenant);
            rows.close(tenant, period, actor.subject(), actor.displayName());
            int lapsed = announceLapses(tenant, period);
            audit.record("contribution-period.closed", "contribution-period", period, Map.of("lapsedWorkers", lapsed));
        });
        return overview(tenant, period.toString());
    }

    // --- the background work --------------------------------------------------------------------------------

    private void work(TenantId tenant, UUID runId, YearMonth period) {
        try {
            step(tenant, runId, CycleRun.Stage.DUES);
            var locked = transactions.inTenant(tenant, () -> {
                rows.batchMemory(workMem);
                UUID[] programs = rows.invoicedPrograms(tenant, period);
                UUID[] opds = rows.approvedOpds(tenant, period);
                var prices = rows.prices(tenant, period);
                // What was there, less what is removed, plus what is added: no second pass over a million dues.
                var before = rows.dueTotals(tenant, period);
                var removed = rows.removeStaleDues(tenant, period, programs, opds, prices);
                var added = rows.addDues(tenant, period, runId, programs, opds, prices);
                int lockedDues = programs.length + opds.length == 0 ? 0 : rows.lockedDues(tenant, period, programs, opds);
                rows.duesCounted(tenant, runId, removed.workers(), added.workers(), lockedDues,
                        before.workers() - removed.workers() + added.workers(), before.amount() - removed.amount() + added.amount());
                return opds;
            });
            step(tenant, runId, CycleRun.Stage.DEDUCTION_LISTS);
            transactions.inTenant(tenant, () -> {
                rows.batchMemory(workMem);
                var asn = rows.asnProgram(tenant);
                if (asn.isEmpty()) {
                    rows.dropDraftLists(tenant, period);
                    rows.listsCounted(tenant, runId, 0);
                } else {
                    rows.listsCounted(tenant, runId, rows.buildDeductionLists(tenant, period, asn.get(), runId, locked));
                }
            });
            step(tenant, runId, CycleRun.Stage.LAPSE);
            transactions.inTenant(tenant, () -> {
                int lapsed = announceLapses(tenant, period.minusMonths(1));
                rows.lapsedCounted(tenant, runId, lapsed);
                rows.finish(tenant, runId, CycleRun.Status.COMPLETED.name(), null);
                var run = rows.run(tenant, runId).orElseThrow();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("period", period.toString());
                details.put("dues", run.duesTotal());
                details.put("amount", run.amountTotal());
                details.put("deductionLists", run.deductionLists());
                details.put("lapsedWorkers", lapsed);
                audit.record("contribution-cycle.completed", "contribution-cycle", runId, details);
            });
        } catch (DomainProblem problem) {
            fail(tenant, runId, messages.getMessage("problem." + problem.type().slug() + ".detail", problem.arguments(),
                    problem.type().slug(), REPORT_LOCALE));
        } catch (RuntimeException e) {
            log.error("Contribution cycle run {} failed", runId, e);
            fail(tenant, runId, "Kesalahan internal; jalankan siklus lagi (aman diulang).");
        }
    }

    private void step(TenantId tenant, UUID runId, CycleRun.Stage stage) {
        transactions.inTenant(tenant, () -> rows.stage(tenant, runId, stage.name()));
    }

    private void fail(TenantId tenant, UUID runId, String problem) {
        try {
            transactions.inTenant(tenant, () -> {
                rows.finish(tenant, runId, CycleRun.Status.FAILED.name(), problem);
                audit.record("contribution-cycle.failed", "contribution-cycle", runId);
            });
        } catch (RuntimeException e) {
            log.error("Could not record the failure of contribution cycle run {}", runId, e);
        }
    }

    /** Publishes CoverageLapsed for the workers newly found unpaid in the three months ending with windowEnd. */
    private int announceLapses(TenantId tenant, YearMonth windowEnd) {
        List<UUID> lapsed = rows.newLapses(tenant, windowEnd);
        for (int from = 0; from < lapsed.size(); from += IDS_PER_EVENT) {
            events.publishEvent(new CoverageLapsed(tenant, windowEnd,
                    List.copyOf(lapsed.subList(from, Math.min(lapsed.size(), from + IDS_PER_EVENT)))));
        }
        return lapsed.size();
    }

    static CycleRun toRun(RunRow r) {
        return new CycleRun(r.runId(), r.period(), CycleRun.Status.valueOf(r.status()), CycleRun.Stage.valueOf(r.stage()),
                r.startedByName(), r.startedAt(), r.finishedAt(), r.duesRemoved(), r.duesAdded(), r.duesLocked(), r.duesTotal(),
                r.amountTotal(), r.deductionLists(), r.lapsedWorkers(), r.problem());
    }
}
