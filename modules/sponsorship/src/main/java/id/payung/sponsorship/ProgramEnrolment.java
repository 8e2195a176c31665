package id.payung.sponsorship;

import id.payung.enrollment.Nik;
import id.payung.enrollment.WorkerDirectory;
import id.payung.enrollment.WorkerDirectory.Match;
import id.payung.enrollment.WorkerDirectory.WorkerCard;
import id.payung.enrollment.WorkerFacts;
import id.payung.enrollment.WorkerImports;
import id.payung.enrollment.WorkerProfile;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.ProblemType;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.sponsorship.persistence.FundingRows;
import id.payung.sponsorship.persistence.FundingRows.CohortWorker;
import id.payung.sponsorship.persistence.ProgramRows;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Disnaker operator puts workers into an APBD cohort, a CSR or a self-paid program: chosen one by
 * one, all workers a worker import stored, or a CSV list of NIKs. Set-based: one statement adds the
 * whole cohort, after one check of the program's worker quota and budget ceiling (the ceiling against
 * sponsorship.monthly_premium over the fundings' months). A refused request adds no one and says how many
 * would fit. Workers already funded by the program for those months are left as they are (running the
 * same request again adds nobody twice); ended workers are not added. Each funding made is announced with
 * its own {@link SponsorshipStarted}.
 */
@Service
public class ProgramEnrolment {

    /** The most workers one request may add (an APBD cohort of 90,000 fits twice). */
    public static final int MAX_WORKERS = WorkerDirectory.MAX_BATCH;
    private static final int FACTS_BATCH = 10_000;

    private final ProgramRows programs;
    private final FundingRows fundings;
    private final FundingEnding ending;
    private final WorkerFacts facts;
    private final WorkerDirectory directory;
    private final WorkerImports imports;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ProgramEnrolment(ProgramRows programs, FundingRows fundings, FundingEnding ending, WorkerFacts facts,
                     WorkerDirectory directory, WorkerImports imports, TenantAdministration tenants,
                     TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                     ApplicationEventPublisher events) {
        this.programs = programs;
        this.fundings = fundings;
        this.ending = ending;
        this.facts = facts;
        this.directory = directory;
        this.imports = imports;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    public enum Source { SELECTION, IMPORT, NIK_LIST }

    /**
     * What a request did: workers asked for, fundings made, workers left out because the program already
     * funds them in those months or because they ended, and the months of the new fundings.
     */
    public record EnrolmentResult(int requested, int added, int alreadyFunded, int ended, YearMonth firstPeriod,
                                  YearMonth lastPeriod) {
    }

    /** One refused line of a NIK list: its number, why. The NIK is not repeated. */
    public record NikLineProblem(int line, ProblemType type, List<Object> arguments) {
    }

    /** A NIK list refused as a whole; every bad line is listed, no one was added. */
    public static class NikListRefused extends DomainProblem {
        private final List<NikLineProblem> lines;

        NikListRefused(List<NikLineProblem> lines) {
            super(SponsorshipProblem.NIK_LIST_REFUSED, lines.size());
            this.lines = List.copyOf(lines);
        }

        public List<NikLineProblem> lines() {
            return lines;
        }
    }

    /** A funding of the program with what the operator is shown of its worker (absent if he is gone). */
    public record FundedWorker(Funding funding, WorkerCard worker) {
    }

    public EnrolmentResult addWorkers(TenantId tenant, UUID programId, List<UUID> workerIds, String firstPeriod) {
        YearMonth first = requireOperatorAndFirst(firstPeriod);
        List<UUID> ids = workerIds == null ? List.of() : workerIds.stream().distinct().toList();
        if (ids.isEmpty()) throw new DomainProblem(SponsorshipProblem.SELECTION_EMPTY, Map.of("field", "workerIds"));
        if (ids.size() > MAX_WORKERS) throw new DomainProblem(SponsorshipProblem.SELECTION_TOO_LARGE, Map.of("field", "workerIds"), MAX_WORKERS);
        return enrol(tenant, programId, first, Source.SELECTION, () -> {
            Map<UUID, WorkerProfile> found = profiles(tenant, ids);
            int missing = (int) ids.stream().filter(id -> !found.containsKey(id)).count();
            if (missing > 0) throw new DomainProblem(SponsorshipProblem.WORKERS_NOT_IN_PEMDA, Map.of("field", "workerIds"), missing);
            return ids.stream().map(found::get).toList();
        });
    }

    /** All workers the import stored (those registered before are not part of it). */
    public EnrolmentResult addImport(TenantId tenant, UUID programId, UUID importId, String firstPeriod) {
        YearMonth first = requireOperatorAndFirst(firstPeriod);
        if (importId == null) throw new DomainProblem(SponsorshipProblem.REQUIRED, Map.of("field", "importId"));
        return enrol(tenant, programId, first, Source.IMPORT, () -> {
            var job = imports.get(tenant, importId);
            if (!job.finished()) throw new DomainProblem(SponsorshipProblem.IMPORT_NOT_FINISHED, Map.of("field", "importId"), job.fileName());
            List<UUID> ids = directory.storedByImport(tenant, importId).stream().map(Match::workerId).toList();
            if (ids.isEmpty()) throw new DomainProblem(SponsorshipProblem.SELECTION_EMPTY, Map.of("field", "importId"));
            Map<UUID, WorkerProfile> found = profiles(tenant, ids);
            return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    /**
     * A CSV list of NIKs, one a line (the first column; a header {@code nik} and further columns are
     * ignored). A NIK that is malformed, repeated, of nobody in this pemda or of an ended worker refuses
     * the whole list with every such line ({@link NikListRefused}).
     */
    public EnrolmentResult addNikList(TenantId tenant, UUID programId, String content, String firstPeriod) {
        YearMonth first = requireOperatorAndFirst(firstPeriod);
        List<String> niks = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        List<NikLineProblem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        List<String> lines = content == null ? List.of() : content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i).replace("\uFEFF", "");
            if (text.isBlank()) continue;
            String nik = Nik.normalize(Csv.split(text).getFirst().replace("\"", ""));
            if (niks.isEmpty() && problems.isEmpty() && nik.equalsIgnoreCase("nik")) continue;
            if (niks.size() + problems.size() >= MAX_WORKERS) {
                throw new DomainProblem(SponsorshipProblem.NIK_LIST_TOO_LARGE, Map.of("field", "file"), MAX_WORKERS);
            }
            if (!nik.matches("[0-9]{16}")) {
                problems.add(new NikLineProblem(line, SponsorshipProblem.NIK_LIST_FORMAT, List.of()));
                continue;
            }
            Integer earlier = firstLineOf.putIfAbsent(nik, line);
            if (earlier != null) {
                problems.add(new NikLineProblem(line, SponsorshipProblem.NIK_LIST_REPEATED, List.of(earlier)));
                continue;
            }
            niks.add(nik);
            lineOf.add(line);
        }
        if (niks.isEmpty() && problems.isEmpty()) throw new DomainProblem(SponsorshipProblem.NIK_LIST_EMPTY, Map.of("field", "file"));
        return enrol(tenant, programId, first, Source.NIK_LIST, () -> {
            Map<String, Match> matches = niks.isEmpty() ? Map.of() : directory.matchNiks(tenant, niks);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < niks.size(); i++) {
                Match match = matches.get(niks.get(i));
                if (match == null) problems.add(new NikLineProblem(lineOf.get(i), SponsorshipProblem.NIK_LIST_UNKNOWN, List.of()));
                else if (match.status() == WorkerStatus.ENDED) {
                    problems.add(new NikLineProblem(lineOf.get(i), SponsorshipProblem.NIK_LIST_WORKER_ENDED, List.of()));
                } else ids.add(match.workerId());
            }
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingInt(NikLineProblem::line));
                throw new NikListRefused(problems);
            }
            Map<UUID, WorkerProfile> found = profiles(tenant, ids);
            return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    public Page<FundedWorker> fundings(TenantId tenant, UUID programId, boolean runningOnly, PageRequest page) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        return transactions.readInTenant(tenant, () -> {
            programs.find(tenant, programId).orElseThrow(() -> new DomainProblem(SponsorshipProblem.PROGRAM_NOT_FOUND));
            Page<Funding> rows = fundings.page(tenant, programId, runningOnly ? Periods.current() : null, page);
            Map<UUID, WorkerCard> cards = directory.cards(tenant, rows.items().stream().map(Funding::workerId).toList());
            return rows.map(f -> new FundedWorker(f, cards.get(f.workerId())));
        });
    }

    /** The operator ends any funding of the pemda from a month (this month or later), with a reason. */
    public Funding end(TenantId tenant, UUID fundingId, String fromPeriod, String reason) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        var checks = InvalidInput.checks();
        YearMonth from = Periods.parse(checks, "fromPeriod", fromPeriod);
        Periods.requireUpcoming(checks, "fromPeriod", from);
        String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        checks.require(why.length() >= 5 && why.length() <= 300, "reason", SponsorshipProblem.END_REASON_INVALID, 5, 300);
        checks.throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Funding funding = fundings.lock(tenant, fundingId).orElseThrow(() -> new DomainProblem(SponsorshipProblem.FUNDING_NOT_FOUND));
            return ending.endFrom(tenant, funding, from, actor, why);
        });
    }

    private YearMonth requireOperatorAndFirst(String firstPeriod) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR);
        var checks = InvalidInput.checks();
        YearMonth first = Periods.parse(checks, "firstPeriod", firstPeriod);
        Periods.requireUpcoming(checks, "firstPeriod", first);
        checks.throwIfAny();
        return first;
    }

    private EnrolmentResult enrol(TenantId tenant, UUID programId, YearMonth first, Source source,
                                  java.util.function.Supplier<List<WorkerProfile>> candidates) {
        Actor actor = currentActor.get();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            FundingProgram program = programs.lock(tenant, programId)
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.PROGRAM_NOT_FOUND));
            if (!program.isActive()) throw new DomainProblem(SponsorshipProblem.PROGRAM_CLOSED, program.name());
            if (program.kind() == FundingKind.ASN_TPP) throw new DomainProblem(SponsorshipProblem.PROGRAM_FILLED_BY_SPONSORS, program.name());
            requireWithin(program, first);
            YearMonth last = program.lastPeriod();

            List<WorkerProfile> asked = candidates.get();
            List<WorkerProfile> live = asked.stream().filter(p -> p.status() != WorkerStatus.ENDED).toList();
            int endedCount = asked.size() - live.size();
            Set<UUID> alreadyFunded = fundings.overlapping(tenant, programId, live.stream().map(WorkerProfile::workerId).toList(), first, last);
            List<CohortWorker> adding = live.stream().filter(p -> !alreadyFunded.contains(p.workerId()))
                    .map(p -> new CohortWorker(p.workerId(), p.declaredIncome(), p.transportSector())).toList();

            requireWithinLimits(tenant, program, first, last, adding);
            var started = fundings.insertCohort(tenant, programId, first, last, adding, actor.subject());
            started.forEach(s -> events.publishEvent(new SponsorshipStarted(tenant, s.fundingId(), programId, s.workerId(), null, null, first)));
            Map<String, Object> audited = new LinkedHashMap<>();
            audited.put("source", source.name());
            audited.put("requested", asked.size());
            audited.put("added", started.size());
            audited.put("alreadyFunded", alreadyFunded.size());
            audited.put("ended", endedCount);
            audited.put("firstPeriod", first.toString());
            audit.record("funding-program.workers-added", "funding-program", programId, audited);
            return new EnrolmentResult(asked.size(), started.size(), alreadyFunded.size(), endedCount, first, last);
        });
    }

    /** Refuses, with how many would fit, a cohort that the quota or the budget ceiling cannot take whole. */
    private void requireWithinLimits(TenantId tenant, FundingProgram program, YearMonth first, YearMonth last, List<CohortWorker> adding) {
        if (adding.isEmpty() || (program.workerQuota() == null && program.budgetCeiling() == null)) return;
        int quotaLeft = program.workerQuota() == null ? Integer.MAX_VALUE
                : Math.max(0, program.workerQuota() - fundings.fundedWorkers(tenant, program.id()));
        long budgetLeft = Long.MAX_VALUE;
        Map<String, Long> costOfFacts = new HashMap<>();
        if (program.budgetCeiling() != null) {
            var committed = fundings.cost(tenant, program.id(), program.countsAsApbd(), last);
            if (committed.firstMonthWithoutRate() != null) {
                throw new DomainProblem(SponsorshipProblem.NO_RATE_FOR_PERIOD, committed.firstMonthWithoutRate());
            }
            budgetLeft = Math.max(0, program.budgetCeiling() - committed.amount());
            for (CohortWorker w : adding) {
                costOfFacts.computeIfAbsent(w.declaredIncome() + "/" + w.transportSector(), key -> {
                    long sum = 0;
                    for (var month : fundings.premiums(w.declaredIncome(), w.transportSector(), program.countsAsApbd(), first, last)) {
                        if (month.premium() == null) throw new DomainProblem(SponsorshipProblem.NO_RATE_FOR_PERIOD, month.month());
                        sum += month.premium();
                    }
                    return sum;
                });
            }
        }
        int fits = 0;
        long spent = 0;
        long total = 0;
        boolean full = false;
        for (CohortWorker w : adding) {
            long cost = costOfFacts.getOrDefault(w.declaredIncome() + "/" + w.transportSector(), 0L);
            total += cost;
            if (!full && fits < quotaLeft && spent + cost <= budgetLeft) {
                fits++;
                spent += cost;
            } else {
                full = true;
            }
        }
        if (fits < adding.size()) {
            throw new DomainProblem(SponsorshipProblem.LIMITS_EXCEEDED, adding.size(), fits,
                    program.workerQuota() == null ? "–" : quotaLeft,
                    program.budgetCeiling() == null ? "–" : budgetLeft,
                    total);
        }
    }

    private Map<UUID, WorkerProfile> profiles(TenantId tenant, List<UUID> ids) {
        Map<UUID, WorkerProfile> byId = new HashMap<>();
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += FACTS_BATCH) {
            facts.profiles(tenant, distinct.subList(from, Math.min(distinct.size(), from + FACTS_BATCH)))
                    .forEach(p -> byId.put(p.workerId(), p));
        }
        return byId;
    }

    static void requireWithin(FundingProgram program, YearMonth first) {
        if (!program.runsIn(first)) {
            throw new DomainProblem(SponsorshipProblem.PERIOD_OUTSIDE_PROGRAM, Map.of("field", "firstPeriod"), program.name(),
                    program.firstPeriod(), program.lastPeriod() == null ? "…" : program.lastPeriod(), first);
        }
    }
}
