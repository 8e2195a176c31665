package id.payung.sponsorship;

import id.payung.enrollment.EnrollmentProblem;
import id.payung.enrollment.IncomeLevel;
import id.payung.enrollment.Nik;
import id.payung.enrollment.Occupation;
import id.payung.enrollment.WorkerDirectory;
import id.payung.enrollment.WorkerDirectory.WorkerCard;
import id.payung.enrollment.WorkerFacts;
import id.payung.enrollment.WorkerProfile;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.sponsorship.persistence.AsnLinkRows;
import id.payung.sponsorship.persistence.ConsentRows;
import id.payung.sponsorship.persistence.FundingRows;
import id.payung.sponsorship.persistence.FundingRows.NewFunding;
import id.payung.sponsorship.persistence.ProgramRows;
import id.payung.sponsorship.persistence.RosterRows;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An ASN sponsor's own sponsorships. With an approved link to his NIP he adds a worker he sponsors (one
 * already registered in his pemda, found by the NIK he types, or a new one registered through
 * enrollment with the same rules as anywhere else), says how the worker relates to him and consents to
 * the monthly TPP deduction: the exact text he read, with the amounts from the rate tables, is stored as
 * evidence with its SHA-256, language and time. The funding belongs to the pemda's ASN (TPP) program
 * from a month he chooses (this month or later). He sees his workers and what will be deducted in the
 * coming twelve months, and ends a sponsorship from a month.
 */
@Service
public class AsnSponsorships {

    /** How many months "what will be deducted" shows, and the consent text prices. */
    public static final int SCHEDULE_MONTHS = 12;

    private final AsnLinkRows links;
    private final RosterRows roster;
    private final ProgramRows programs;
    private final FundingRows fundings;
    private final ConsentRows consents;
    private final FundingEnding ending;
    private final ConsentTexts texts;
    private final WorkerDirectory directory;
    private final WorkerFacts facts;
    private final WorkerRegistration registration;
    private final OpdRegistry opds;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AsnSponsorships(AsnLinkRows links, RosterRows roster, ProgramRows programs, FundingRows fundings, ConsentRows consents,
                    FundingEnding ending, ConsentTexts texts, WorkerDirectory directory, WorkerFacts facts,
                    WorkerRegistration registration, OpdRegistry opds, TenantAdministration tenants,
                    TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events) {
        this.links = links;
        this.roster = roster;
        this.programs = programs;
        this.fundings = fundings;
        this.consents = consents;
        this.ending = ending;
        this.texts = texts;
        this.directory = directory;
        this.facts = facts;
        this.registration = registration;
        this.opds = opds;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    public enum WorkerMode { EXISTING, NEW }

    /**
     * What the sponsor proposes, text as typed: an {@code EXISTING} worker by {@code nik}, or a
     * {@code NEW} one with {@code newWorker} (its NIK inside); the relationship; the first month (YYYY-MM).
     */
    public record Proposal(String mode, String nik, WorkerRegistration.Application newWorker, String relationship,
                           String firstPeriod) {
        @Override
        public String toString() {
            return "Proposal[" + mode + ", " + relationship + ", " + firstPeriod + "]";
        }
    }

    /** The consent the sponsor is asked to give, with the schedule its amounts come from. */
    public record ConsentPreview(String text, String sha256, String language, String workerName, String maskedNik,
                                 SponsoredRelationship relationship, YearMonth firstPeriod, List<MonthlyPremium> schedule,
                                 boolean countsAsApbd) {
    }

    /** One of the sponsor's fundings with what he is shown of the worker. */
    public record SponsoredWorker(Funding funding, WorkerCard worker) {
    }

    /** One worker's deduction in one month; {@code premium} null when no rate is known for the month yet. */
    public record WorkerDeduction(UUID fundingId, UUID workerId, Long base, Long premium) {
        public long discount() {
            return base == null || premium == null ? 0 : base - premium;
        }
    }

    /** What will be deducted from the sponsor's TPP in one month, per worker and in total. */
    public record MonthlyDeduction(YearMonth month, List<WorkerDeduction> workers, long total, long discount, boolean rateMissing) {
    }

    public record SponsorOverview(AsnLink link, String sponsorName, FundingProgram program, List<SponsoredWorker> workers,
                                  List<MonthlyDeduction> deductions) {
    }

    /** The sponsor's page: his link, the ASN program, his workers and the coming twelve months' deductions. */
    public SponsorOverview overview(TenantId tenant) {
        Actor actor = requireSponsor();
        return transactions.readInTenant(tenant, () -> {
            AsnLink link = approvedLink(tenant, actor);
            FundingProgram program = programs.asnProgram(tenant).orElse(null);
            List<Funding> own = fundings.ofSponsor(tenant, link.id());
            Map<UUID, WorkerCard> cards = directory.cards(tenant, own.stream().map(Funding::workerId).distinct().toList());
            List<SponsoredWorker> workers = own.stream().map(f -> new SponsoredWorker(f, cards.get(f.workerId()))).toList();
            return new SponsorOverview(link, sponsorName(tenant, link, actor), program, workers, deductions(tenant, link));
        });
    }

    /** Checks the proposal and answers the consent text to show, with its hash; stores nothing. */
    public ConsentPreview preview(TenantId tenant, Proposal proposal, Locale language) {
        Actor actor = requireSponsor();
        Checked checked = check(proposal);
        return transactions.readInTenant(tenant, () -> prepare(tenant, actor, checked, language).preview());
    }

    /**
     * Starts the sponsorship: the sponsor ticked the consent ({@code consentGiven}) whose text had the
     * hash {@code consentSha256}. A text that would now read differently (the rates, the worker or his
     * data changed) is refused so that he reads it again; nothing is stored then, not even a new worker.
     */
    public Funding start(TenantId tenant, Proposal proposal, String consentSha256, boolean consentGiven, Locale language) {
        Actor actor = requireSponsor();
        Checked checked = check(proposal);
        InvalidInput.checks().require(consentGiven, "consent", SponsorshipProblem.CONSENT_REQUIRED).throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Prepared prepared = prepare(tenant, actor, checked, language);
            ConsentPreview preview = prepared.preview();
            if (consentSha256 == null || !preview.sha256().equals(consentSha256.strip().toLowerCase(Locale.ROOT))) {
                throw new DomainProblem(SponsorshipProblem.CONSENT_TEXT_CHANGED, Map.of("field", "consent"));
            }
            UUID workerId = prepared.workerId();
            if (workerId == null) {
                workerId = registration.register(tenant, checked.newWorker()).worker().id();
            }
            WorkerProfile profile = facts.profile(tenant, workerId)
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.WORKER_NOT_IN_PEMDA, Map.of("field", "nik"), prepared.pemda().name()));
            if (profile.declaredIncome() != prepared.declaredIncome() || profile.transportSector() != prepared.transportSector()) {
                throw new DomainProblem(SponsorshipProblem.CONSENT_TEXT_CHANGED, Map.of("field", "consent"));
            }
            // One at a time per program, and the worker's own rows locked: no two overlapping fundings slip in together.
            FundingProgram program = programs.lock(tenant, prepared.program().id()).orElseThrow();
            requireNoOverlap(program, fundings.lockOfWorker(tenant, program.id(), workerId), checked.first());

            UUID consentId = UUID.randomUUID();
            consents.insert(tenant, new DeductionConsent(consentId, prepared.link().id(), actor.subject(), preview.text(),
                    preview.sha256(), preview.language(), workerId, checked.first(), preview.schedule().getFirst().premium(), null));
            UUID fundingId = UUID.randomUUID();
            fundings.insert(tenant, new NewFunding(fundingId, program.id(), workerId, checked.first(), null, prepared.link().id(),
                    prepared.opd(), checked.relationship(), consentId, profile.declaredIncome(), profile.transportSector(), actor.subject()));
            Map<String, Object> audited = new LinkedHashMap<>();
            audited.put("program", program.id().toString());
            audited.put("worker", workerId.toString());
            audited.put("firstPeriod", checked.first().toString());
            audited.put("relationship", checked.relationship().name());
            audited.put("consent", consentId.toString());
            audited.put("consentSha256", preview.sha256());
            audited.put("newWorker", prepared.workerId() == null);
            audit.record("sponsorship.started", "funding", fundingId, audited);
            events.publishEvent(new SponsorshipStarted(tenant, fundingId, program.id(), workerId, prepared.link().id(),
                    prepared.opd().value(), checked.first()));
            return fundings.find(tenant, fundingId).orElseThrow();
        });
    }

    /** Ends one of the sponsor's own sponsorships from {@code fromPeriod} (this month or later). */
    public Funding end(TenantId tenant, UUID fundingId, String fromPeriod) {
        Actor actor = requireSponsor();
        var checks = InvalidInput.checks();
        YearMonth from = Periods.parse(checks, "fromPeriod", fromPeriod);
        Periods.requireUpcoming(checks, "fromPeriod", from);
        checks.throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            AsnLink link = approvedLink(tenant, actor);
            Funding funding = fundings.lock(tenant, fundingId).filter(f -> link.id().equals(f.sponsorLinkId()))
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.FUNDING_NOT_FOUND));
            return ending.endFrom(tenant, funding, from, actor, "Dihentikan oleh sponsor");
        });
    }

    /** The consent the sponsor gave for one of his sponsorships, as stored. */
    public DeductionConsent consent(TenantId tenant, UUID fundingId) {
        Actor actor = requireSponsor();
        return transactions.readInTenant(tenant, () -> {
            AsnLink link = approvedLink(tenant, actor);
            Funding funding = fundings.find(tenant, fundingId).filter(f -> link.id().equals(f.sponsorLinkId()))
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.FUNDING_NOT_FOUND));
            return consents.find(tenant, funding.consentId()).orElseThrow();
        });
    }

    // --- checking a proposal ----------------------------------------------------------------------------

    private record Checked(WorkerMode mode, String nik, WorkerRegistration.Application newWorker, String workerName,
                           SponsoredRelationship relationship, YearMonth first) {
    }

    private record Prepared(Tenant pemda, AsnLink link, OpdId opd, FundingProgram program, UUID workerId,
                            long declaredIncome, boolean transportSector, ConsentPreview preview) {
    }

    /** Everything that can be checked without the database, all at once. */
    private Checked check(Proposal p) {
        var checks = InvalidInput.checks();
        WorkerMode mode = null;
        try {
            mode = WorkerMode.valueOf(p.mode() == null ? "" : p.mode().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.require(false, "mode", SponsorshipProblem.SPONSOR_MODE_INVALID);
        }
        String nik = Nik.normalize(mode == WorkerMode.NEW && p.newWorker() != null ? p.newWorker().nik() : p.nik());
        checks.require(nik.matches("[0-9]{16}"), "nik", EnrollmentProblem.NIK_FORMAT);
        String name = null;
        if (mode == WorkerMode.NEW) {
            name = p.newWorker() == null || p.newWorker().name() == null ? "" : p.newWorker().name().strip().replaceAll("\\s+", " ");
            checks.require(name.length() >= 2 && name.length() <= 150, "name", EnrollmentProblem.NAME_INVALID, 2, 150);
        }
        SponsoredRelationship relationship = SponsoredRelationship.parse(p.relationship()).orElse(null);
        checks.require(relationship != null, "relationship", SponsorshipProblem.RELATIONSHIP_INVALID);
        YearMonth first = Periods.parse(checks, "firstPeriod", p.firstPeriod());
        Periods.requireUpcoming(checks, "firstPeriod", first);
        checks.throwIfAny();
        return new Checked(mode, nik, p.newWorker(), name, relationship, first);
    }

    /** The checks that need the pemda's data, and the consent text; inside the caller's tenant transaction. */
    private Prepared prepare(TenantId tenant, Actor actor, Checked c, Locale language) {
        Tenant pemda = tenants.get(tenant);
        AsnLink link = approvedLink(tenant, actor);
        FundingProgram program = programs.asnProgram(tenant).orElseThrow(() -> new DomainProblem(SponsorshipProblem.NO_ASN_PROGRAM));
        if (!program.isActive()) throw new DomainProblem(SponsorshipProblem.PROGRAM_CLOSED, program.name());
        ProgramEnrolment.requireWithin(program, c.first());
        Optional<RosterEntry> onRoster = roster.findByNip(tenant, link.nip());
        OpdId opd = onRoster.map(RosterEntry::opdId).orElse(link.opdId());

        Optional<WorkerCard> registered = directory.findByNik(tenant, c.nik());
        UUID workerId;
        String workerName;
        String maskedNik;
        long income;
        boolean transport;
        if (c.mode() == WorkerMode.EXISTING) {
            WorkerCard card = registered.orElseThrow(() -> new DomainProblem(SponsorshipProblem.WORKER_NOT_IN_PEMDA, Map.of("field", "nik"), pemda.name()));
            if (card.status() == WorkerStatus.ENDED) throw new DomainProblem(SponsorshipProblem.WORKER_ENDED, Map.of("field", "nik"));
            WorkerProfile profile = facts.profile(tenant, card.workerId())
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.WORKER_NOT_IN_PEMDA, Map.of("field", "nik"), pemda.name()));
            workerId = card.workerId();
            workerName = card.name();
            maskedNik = card.maskedNik();
            income = profile.declaredIncome();
            transport = profile.transportSector();
            requireNoOverlap(program, fundings.ofWorker(tenant, program.id(), workerId), c.first());
        } else {
            if (registered.isPresent()) throw new DomainProblem(SponsorshipProblem.WORKER_ALREADY_REGISTERED, Map.of("field", "nik"));
            var a = c.newWorker();
            List<Occupation> occupations = registration.occupations(tenant);
            List<IncomeLevel> levels = registration.incomeLevels(tenant);
            String occupationCode = a.occupationCode() == null ? "" : a.occupationCode().strip().toUpperCase(Locale.ROOT);
            String levelCode = a.incomeLevelCode() == null || a.incomeLevelCode().isBlank() ? levels.getFirst().code()
                    : a.incomeLevelCode().strip().toUpperCase(Locale.ROOT);
            var checks = InvalidInput.checks();
            Optional<Occupation> occupation = occupations.stream().filter(o -> o.code().equals(occupationCode)).findFirst();
            Optional<IncomeLevel> level = levels.stream().filter(l -> l.code().equals(levelCode)).findFirst();
            checks.require(occupation.isPresent(), "occupationCode", EnrollmentProblem.OCCUPATION_UNKNOWN, occupationCode);
            checks.require(level.isPresent(), "incomeLevelCode", EnrollmentProblem.INCOME_LEVEL_UNKNOWN, levelCode);
            checks.throwIfAny();
            workerId = null;
            workerName = c.workerName();
            maskedNik = Nik.masked(c.nik());
            income = level.get().income();
            transport = occupation.get().transportSector();
        }
        List<MonthlyPremium> schedule = schedule(income, transport, program.countsAsApbd(), c.first());
        Locale locale = ConsentTexts.languageOf(language);
        String text = texts.text(new ConsentTexts.Parties(sponsorName(tenant, link, actor), link.nip(), opds.get(tenant, opd).name(),
                pemda.name(), workerName, maskedNik, c.relationship()), c.first(), schedule, locale);
        ConsentPreview preview = new ConsentPreview(text, ConsentTexts.sha256(text), locale.getLanguage(), workerName, maskedNik,
                c.relationship(), c.first(), schedule, program.countsAsApbd());
        return new Prepared(pemda, link, opd, program, workerId, income, transport, preview);
    }

    private List<MonthlyPremium> schedule(long income, boolean transport, boolean countsAsApbd, YearMonth first) {
        List<MonthlyPremium> months = new ArrayList<>();
        for (var row : fundings.premiums(income, transport, countsAsApbd, first, first.plusMonths(SCHEDULE_MONTHS - 1))) {
            if (row.premium() == null || row.base() == null) throw new DomainProblem(SponsorshipProblem.NO_RATE_FOR_PERIOD, row.month());
            months.add(new MonthlyPremium(row.month(), row.base(), row.premium()));
        }
        return months;
    }

    private static void requireNoOverlap(FundingProgram program, List<Funding> ofWorker, YearMonth first) {
        for (Funding f : ofWorker) {
            if (f.runsOnIn(first)) {
                YearMonth from = f.firstPeriod().isAfter(first) ? f.firstPeriod() : first;
                throw new DomainProblem(SponsorshipProblem.FUNDING_OVERLAPS, Map.of("field", "nik"), program.name(), from,
                        f.lastPeriod() == null ? "…" : f.lastPeriod());
            }
        }
    }

    private List<MonthlyDeduction> deductions(TenantId tenant, AsnLink link) {
        YearMonth from = Periods.current();
        Map<YearMonth, List<WorkerDeduction>> byMonth = new LinkedHashMap<>();
        for (int i = 0; i < SCHEDULE_MONTHS; i++) byMonth.put(from.plusMonths(i), new ArrayList<>());
        Map<UUID, UUID> workerOf = new java.util.HashMap<>();
        fundings.ofSponsor(tenant, link.id()).forEach(f -> workerOf.put(f.id(), f.workerId()));
        for (var row : fundings.sponsorSchedule(tenant, link.id(), from, from.plusMonths(SCHEDULE_MONTHS - 1))) {
            byMonth.get(row.month()).add(new WorkerDeduction(row.fundingId(), workerOf.get(row.fundingId()), row.base(), row.premium()));
        }
        return byMonth.entrySet().stream().map(e -> new MonthlyDeduction(e.getKey(), e.getValue(),
                e.getValue().stream().mapToLong(d -> d.premium() == null ? 0 : d.premium()).sum(),
                e.getValue().stream().mapToLong(WorkerDeduction::discount).sum(),
                e.getValue().stream().anyMatch(d -> d.premium() == null))).toList();
    }

    private String sponsorName(TenantId tenant, AsnLink link, Actor actor) {
        return roster.findByNip(tenant, link.nip()).map(RosterEntry::name).orElse(actor.displayName());
    }

    /** The sponsor's approved link to his NIP in this pemda: without it he sponsors no one. */
    private AsnLink approvedLink(TenantId tenant, Actor actor) {
        return links.liveBySubject(tenant, actor.subject()).filter(l -> l.status() == AsnLink.Status.APPROVED)
                .orElseThrow(() -> new DomainProblem(SponsorshipProblem.NO_APPROVED_LINK));
    }

    private Actor requireSponsor() {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.ASN_SPONSOR);
        return actor;
    }
}
