package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.FundingProgramCreated;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.sponsorship.persistence.FundingRows;
import id.payung.sponsorship.persistence.ProgramRows;
import id.payung.sponsorship.persistence.ProgramRows.NewProgram;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A pemda's funding programs, kept by its Disnaker operator: the one ASN sponsorship program (TPP
 * deduction), APBD cohorts with a budget ceiling and a worker quota, CSR/donor programs for a number of
 * months, self-paid. Each says whether its premiums count as APBD-funded (PP 50/2025 withholds the
 * discount then; an APBD cohort always does). Programs are closed, never deleted.
 */
@Service
public class FundingPrograms {

    static final long MAX_CEILING = 1_000_000_000_000_000L;
    static final int MAX_QUOTA = 10_000_000;
    static final int MAX_CSR_MONTHS = 36;
    /** How far back a program may have begun when it is entered (programs running before Payung). */
    static final int MAX_MONTHS_BACK = 12;

    private final ProgramRows programs;
    private final FundingRows fundings;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    FundingPrograms(ProgramRows programs, FundingRows fundings, TenantAdministration tenants, TenantTransactions transactions,
                    CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events) {
        this.programs = programs;
        this.fundings = fundings;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /**
     * A new program as a form or a body gives it, text as typed. {@code countsAsApbd} null takes the
     * kind's default (an APBD cohort counts, the others do not). {@code months} is a CSR program's
     * length; {@code lastPeriod} an APBD cohort's last month (optional for the others).
     */
    public record ProgramDetails(String kind, String name, Boolean countsAsApbd, String budgetCeiling, String workerQuota,
                                 String donorName, String firstPeriod, String lastPeriod, String months) {
    }

    /** What a program has taken on: workers, those funded this month, the cost committed and what is left. */
    public record ProgramFigures(FundingProgram program, int fundedWorkers, int fundedThisMonth, Long committedCost,
                                 YearMonth monthWithoutRate, Long budgetLeft, Integer quotaLeft) {
    }

    /** The current contribution month (Asia/Jakarta). */
    public static YearMonth currentMonth() {
        return Periods.current();
    }

    public List<FundingProgram> list(TenantId tenant) {
        requireReader();
        return transactions.readInTenant(tenant, () -> programs.all(tenant));
    }

    public FundingProgram get(TenantId tenant, UUID programId) {
        requireReader();
        return transactions.readInTenant(tenant, () -> programs.find(tenant, programId))
                .orElseThrow(() -> new DomainProblem(SponsorshipProblem.PROGRAM_NOT_FOUND));
    }

    /** The pemda's ASN sponsorship (TPP) program, if it has one. Any role of the pemda may ask. */
    public Optional<FundingProgram> asnProgram(TenantId tenant) {
        return transactions.readInTenant(tenant, () -> programs.asnProgram(tenant));
    }

    public ProgramFigures figures(TenantId tenant, UUID programId) {
        requireReader();
        return transactions.readInTenant(tenant, () -> {
            FundingProgram program = programs.find(tenant, programId)
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.PROGRAM_NOT_FOUND));
            int workers = fundings.fundedWorkers(tenant, programId);
            int thisMonth = fundings.fundedIn(tenant, programId, Periods.current());
            Long cost = null;
            YearMonth withoutRate = null;
            if (program.lastPeriod() != null) {
                var c = fundings.cost(tenant, programId, program.countsAsApbd(), program.lastPeriod());
                cost = c.amount();
                withoutRate = c.firstMonthWithoutRate();
            }
            Long budgetLeft = program.budgetCeiling() == null || cost == null ? null : program.budgetCeiling() - cost;
            Integer quotaLeft = program.workerQuota() == null ? null : program.workerQuota() - workers;
            return new ProgramFigures(program, workers, thisMonth, cost, withoutRate, budgetLeft, quotaLeft);
        });
    }

    public FundingProgram create(TenantId tenant, ProgramDetails details) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        NewProgram valid = validate(details, actor.subject());
        try {
            return transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                if (valid.kind() == FundingKind.ASN_TPP && programs.asnProgram(tenant).isPresent()) {
                    throw new DomainProblem(SponsorshipProblem.ASN_PROGRAM_EXISTS, Map.of("field", "kind"), programs.asnProgram(tenant).get().name());
                }
                programs.findByName(tenant, valid.name()).ifPresent(existing -> {
                    throw new DomainProblem(SponsorshipProblem.PROGRAM_NAME_TAKEN, Map.of("field", "name"), valid.name());
                });
                programs.insert(tenant, valid);
                Map<String, Object> audited = new LinkedHashMap<>();
                audited.put("kind", valid.kind().name());
                audited.put("countsAsApbd", valid.countsAsApbd());
                audited.put("firstPeriod", valid.firstPeriod().toString());
                if (valid.lastPeriod() != null) audited.put("lastPeriod", valid.lastPeriod().toString());
                if (valid.budgetCeiling() != null) audited.put("budgetCeiling", valid.budgetCeiling());
                if (valid.workerQuota() != null) audited.put("workerQuota", valid.workerQuota());
                audit.record("funding-program.created", "funding-program", valid.id(), audited);
                events.publishEvent(new FundingProgramCreated(tenant, valid.id(), valid.kind()));
                return programs.find(tenant, valid.id()).orElseThrow();
            });
        } catch (DuplicateKeyException concurrent) {
            if (valid.kind() == FundingKind.ASN_TPP) {
                throw new DomainProblem(SponsorshipProblem.ASN_PROGRAM_EXISTS, Map.of("field", "kind"), valid.name());
            }
            throw new DomainProblem(SponsorshipProblem.PROGRAM_NAME_TAKEN, Map.of("field", "name"), valid.name());
        }
    }

    /**
     * Closes a program after {@code lastPeriod} (YYYY-MM, the previous month at the earliest): it takes
     * no more workers, and each of its fundings that would fund a later month ends then (one not begun by
     * then is cancelled), each with a {@link SponsorshipEnded}.
     */
    public FundingProgram close(TenantId tenant, UUID programId, String lastPeriod) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        var checks = InvalidInput.checks();
        YearMonth requested = Periods.parse(checks, "lastPeriod", lastPeriod);
        checks.throwIfAny();
        return transactions.inTenant(tenant, () -> {
            YearMonth last = requested;
            tenants.requireWritable(tenant);
            FundingProgram program = programs.lock(tenant, programId)
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.PROGRAM_NOT_FOUND));
            if (!program.isActive()) throw new DomainProblem(SponsorshipProblem.PROGRAM_CLOSED, program.name());
            YearMonth earliest = max(Periods.current().minusMonths(1), program.firstPeriod());
            if (last.isBefore(earliest)) {
                throw new DomainProblem(SponsorshipProblem.PROGRAM_CLOSE_TOO_EARLY, Map.of("field", "lastPeriod"), last, earliest);
            }
            if (program.lastPeriod() != null && last.isAfter(program.lastPeriod())) last = program.lastPeriod();
            programs.close(tenant, programId, last);
            var ended = fundings.endAllAfter(tenant, programId, last, actor.subject(), "Program ditutup");
            audit.record("funding-program.closed", "funding-program", programId,
                    Map.of("lastPeriod", last.toString(), "fundingsEnded", ended.size()));
            ended.forEach(e -> events.publishEvent(new SponsorshipEnded(tenant, e.fundingId(), programId, e.workerId(), e.lastPeriod())));
            return programs.find(tenant, programId).orElseThrow();
        });
    }

    private NewProgram validate(ProgramDetails d, String createdBy) {
        var checks = InvalidInput.checks();
        FundingKind kind = null;
        if (blank(d.kind())) checks.require(false, "kind", SponsorshipProblem.REQUIRED);
        else {
            try {
                kind = FundingKind.valueOf(d.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.require(false, "kind", SponsorshipProblem.PROGRAM_KIND_INVALID, d.kind().strip());
            }
        }
        String name = clean(d.name());
        checks.require(name.length() >= 3 && name.length() <= 150, "name", SponsorshipProblem.PROGRAM_NAME_INVALID, 3, 150);
        YearMonth first = Periods.parse(checks, "firstPeriod", d.firstPeriod());
        YearMonth now = Periods.current();
        if (first != null) {
            checks.require(!first.isBefore(now.minusMonths(MAX_MONTHS_BACK)), "firstPeriod", SponsorshipProblem.PERIOD_IN_PAST,
                    first, now.minusMonths(MAX_MONTHS_BACK));
            checks.require(!first.isAfter(now.plusMonths(Periods.MAX_MONTHS_AHEAD)), "firstPeriod", SponsorshipProblem.PERIOD_TOO_FAR,
                    first, now.plusMonths(Periods.MAX_MONTHS_AHEAD));
        }
        YearMonth last = blank(d.lastPeriod()) ? null : Periods.parse(checks, "lastPeriod", d.lastPeriod());
        Integer months = blank(d.months()) ? null : wholeNumber(checks, "months", d.months(), 1, MAX_CSR_MONTHS,
                SponsorshipProblem.PROGRAM_MONTHS_INVALID);
        Long ceiling = blank(d.budgetCeiling()) ? null : rupiah(checks, d.budgetCeiling());
        Integer quota = blank(d.workerQuota()) ? null : wholeNumber(checks, "workerQuota", d.workerQuota(), 1, MAX_QUOTA,
                SponsorshipProblem.PROGRAM_QUOTA_INVALID);
        String donor = blank(d.donorName()) ? null : clean(d.donorName());
        if (donor != null) checks.require(donor.length() >= 2 && donor.length() <= 150, "donorName", SponsorshipProblem.PROGRAM_DONOR_INVALID, 2, 150);
        boolean countsAsApbd = d.countsAsApbd() == null ? kind == FundingKind.APBD_COHORT : d.countsAsApbd();
        if (kind != null) {
            String kindName = kind.name();
            switch (kind) {
                case APBD_COHORT -> {
                    checks.require(!blank(d.budgetCeiling()), "budgetCeiling", SponsorshipProblem.REQUIRED);
                    checks.require(!blank(d.workerQuota()), "workerQuota", SponsorshipProblem.REQUIRED);
                    checks.require(!blank(d.lastPeriod()), "lastPeriod", SponsorshipProblem.PROGRAM_LAST_PERIOD_REQUIRED);
                    checks.require(countsAsApbd, "countsAsApbd", SponsorshipProblem.PROGRAM_APBD_MUST_COUNT);
                    checks.require(blank(d.months()), "months", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                    checks.require(donor == null, "donorName", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                }
                case CSR -> {
                    checks.require(!blank(d.donorName()), "donorName", SponsorshipProblem.REQUIRED);
                    checks.require(!blank(d.months()), "months", SponsorshipProblem.REQUIRED);
                    checks.require(blank(d.lastPeriod()), "lastPeriod", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                }
                case ASN_TPP, SELF -> {
                    checks.require(blank(d.budgetCeiling()), "budgetCeiling", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                    checks.require(blank(d.workerQuota()), "workerQuota", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                    checks.require(blank(d.months()), "months", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                    checks.require(donor == null, "donorName", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND, kindName);
                }
            }
        }
        if (first != null && months != null && kind == FundingKind.CSR) last = first.plusMonths(months - 1);
        if (first != null && last != null) {
            checks.require(!last.isBefore(first), "lastPeriod", SponsorshipProblem.PROGRAM_LAST_BEFORE_FIRST, last, first);
        }
        checks.throwIfAny();
        return new NewProgram(UUID.randomUUID(), kind, name, countsAsApbd, ceiling, quota, donor, first, last, createdBy);
    }

    private static Long rupiah(InvalidInput.Checks checks, String text) {
        String digits = text.strip().replaceAll("^Rp\\s*", "").replace(".", "").replace(",", "").replace(" ", "");
        try {
            long value = Long.parseLong(digits);
            checks.require(value > 0 && value <= MAX_CEILING, "budgetCeiling", SponsorshipProblem.PROGRAM_CEILING_INVALID);
            return value;
        } catch (NumberFormatException e) {
            checks.require(false, "budgetCeiling", SponsorshipProblem.PROGRAM_CEILING_INVALID);
            return null;
        }
    }

    private static Integer wholeNumber(InvalidInput.Checks checks, String field, String text, int min, int max, SponsorshipProblem problem) {
        try {
            int value = Integer.parseInt(text.strip().replace(".", ""));
            checks.require(value >= min && value <= max, field, problem, min, max);
            return value;
        } catch (NumberFormatException e) {
            checks.require(false, field, problem, min, max);
            return null;
        }
    }

    private void requireReader() {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF, Role.KEPALA_DAERAH);
    }

    static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
