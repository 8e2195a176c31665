package id.payung.claims;

import id.payung.claims.Claim.Eligibility;
import id.payung.claims.ClaimDetails.Beneficiary;
import id.payung.claims.ClaimDetails.BenefitLine;
import id.payung.claims.ClaimDetails.Child;
import id.payung.claims.ClaimDetails.Document;
import id.payung.claims.ClaimDetails.ScholarshipYear;
import id.payung.claims.ClaimsEvents.ClaimFiled;
import id.payung.claims.internal.BenefitCalculation;
import id.payung.claims.internal.BenefitCalculation.ScholarshipChild;
import id.payung.claims.internal.FileSignature;
import id.payung.claims.internal.RuleBook;
import id.payung.claims.persistence.ClaimRows;
import id.payung.claims.persistence.DocumentRows;
import id.payung.claims.persistence.RuleRows;
import id.payung.enrollment.Nik;
import id.payung.enrollment.Worker;
import id.payung.enrollment.WorkerFacts;
import id.payung.enrollment.WorkerProfile;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.ProblemType;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.CoverageLedger;
import id.payung.sponsorship.WorkerCover;
import id.payung.tenancy.TenantAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reporting a claim (ASN sponsor for the workers he registered, Disnaker operator, BPJS staff), adding
 * its documents, and asking for a later school year of scholarship. Eligibility and the calculation
 * are decided at once from the worker's paid months (sponsorship's ledger) and the dated rule tables;
 * a refused report changes nothing.
 */
@Service
public class ClaimFiling {

    static final int MAX_BENEFICIARIES = 10;
    static final int MAX_DOCUMENTS_PER_CLAIM = 40;
    static final int PLACE_MIN = 3, PLACE_MAX = 200, DESCRIPTION_MIN = 10, DESCRIPTION_MAX = 2000;

    private final ClaimRows claims;
    private final DocumentRows documents;
    private final RuleRows rules;
    private final ClaimSupport support;
    private final WorkerRegistration registration;
    private final WorkerFacts workerFacts;
    private final CoverageLedger ledger;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final long maxDocumentBytes;

    ClaimFiling(ClaimRows claims, DocumentRows documents, RuleRows rules, ClaimSupport support,
                WorkerRegistration registration, WorkerFacts workerFacts, CoverageLedger ledger,
                TenantAdministration tenants, TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                ApplicationEventPublisher events,
                @Value("${payung.claims.max-document-bytes:5242880}") long maxDocumentBytes) {
        this.claims = claims;
        this.documents = documents;
        this.rules = rules;
        this.support = support;
        this.registration = registration;
        this.workerFacts = workerFacts;
        this.ledger = ledger;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** What a report form or API request holds; text as typed. Blank beneficiary and child rows are ignored. */
    public record Report(String workerId, String kind, String incidentDate, String incidentTime, String incidentPlace,
                         String description, boolean trafficAccident, List<BeneficiaryDetails> beneficiaries,
                         List<ChildDetails> children) {
        public Report {
            beneficiaries = beneficiaries == null ? List.of()
                    : beneficiaries.stream().map(b -> b == null ? new BeneficiaryDetails(null, null, null, null, null) : b).toList();
            children = children == null ? List.of()
                    : children.stream().map(c -> c == null ? new ChildDetails(null, null, null, null) : c).toList();
        }

        @Override
        public String toString() {
            return "Report[" + kind + ", beneficiaries=" + beneficiaries.size() + ", children=" + children.size() + "]";
        }
    }

    /**
     * An heir with the bank account the money goes to. For a work accident the worker himself is paid:
     * only the bank and account number of the first row count, his name and NIK come from enrollment.
     */
    public record BeneficiaryDetails(String name, String relationship, String nik, String bankName, String accountNumber) {
        boolean isBlank() {
            return ClaimSupport.blank(name) && ClaimSupport.blank(relationship) && ClaimSupport.blank(nik)
                    && ClaimSupport.blank(bankName) && ClaimSupport.blank(accountNumber);
        }

        @Override
        public String toString() {
            return "BeneficiaryDetails[" + relationship + "]";
        }
    }

    /** A child named for the scholarship; a blank school level means not in school now. */
    public record ChildDetails(String name, String nik, String birthDate, String schoolLevel) {
        boolean isBlank() {
            return ClaimSupport.blank(name) && ClaimSupport.blank(nik) && ClaimSupport.blank(birthDate) && ClaimSupport.blank(schoolLevel);
        }

        @Override
        public String toString() {
            return "ChildDetails[" + schoolLevel + "]";
        }
    }

    /** An uploaded file as the web layer hands it over; read only once its size was accepted. */
    public interface UploadedFile {
        String fileName();

        long size();

        InputStream open() throws IOException;
    }

    /** A request for a later school year of scholarship for one of the claim's children. */
    public record ScholarshipRequest(String childPosition, String schoolYear, String schoolLevel, boolean notMarriedNorWorking) {
    }

    /** The document checklist of a claim kind as it stands today (for the report form). */
    public Map<DocumentType, DocumentType.Requirement> checklist(TenantId tenant, ClaimKind kind) {
        currentActor.get().requireAnyOf(ClaimSupport.MAY_LIST);
        return transactions.readInTenant(tenant, () -> rules.checklist(kind, ClaimSupport.today()));
    }

    /** The scholarship table in force today. */
    public List<RuleBook.ScholarshipRate> scholarshipRates(TenantId tenant) {
        currentActor.get().requireAnyOf(ClaimSupport.MAY_LIST);
        return transactions.readInTenant(tenant, () -> rules.scholarshipRates(ClaimSupport.today()));
    }

    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    public Claim report(TenantId tenant, Report report) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_REPORT);
        try {
            return transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                LocalDate today = ClaimSupport.today();
                var checks = InvalidInput.checks();
                UUID workerId = ClaimSupport.parseId(report.workerId());
                checks.require(workerId != null, "workerId", ClaimsProblem.WORKER_ID_INVALID);
                ClaimKind kind = kind(report.kind(), checks);
                checks.throwIfAny();

                // Not found for a worker of another pemda, or (for an ASN sponsor) one he did not register.
                Worker worker = registration.get(tenant, workerId).worker();
                WorkerProfile profile = workerFacts.profile(tenant, workerId)
                        .orElseThrow(() -> new DomainProblem(ClaimsProblem.WORKER_ID_INVALID));
                WorkerCover cover = ledger.coverOf(tenant, workerId);

                LocalDate incidentDate = incidentDate(report.incidentDate(), today, cover, checks);
                Optional<LocalTime> incidentTime = incidentTime(report.incidentTime(), incidentDate, today, checks);
                String place = ClaimSupport.clean(report.incidentPlace());
                checks.require(place.length() >= PLACE_MIN && place.length() <= PLACE_MAX, "incidentPlace",
                        ClaimsProblem.PLACE_INVALID, PLACE_MIN, PLACE_MAX);
                String description = report.description() == null ? "" : report.description().strip();
                checks.require(description.length() >= DESCRIPTION_MIN && description.length() <= DESCRIPTION_MAX,
                        "description", ClaimsProblem.DESCRIPTION_INVALID, DESCRIPTION_MIN, DESCRIPTION_MAX);
                RuleBook processRules = rules.ruleBook(today);
                RuleBook benefitRules = incidentDate == null ? null : rules.ruleBook(incidentDate);
                List<Beneficiary> beneficiaries = kind == ClaimKind.JKK_ACCIDENT
                        ? List.of(workerAccount(worker, report.beneficiaries(), checks))
                        : heirs(worker, report.beneficiaries(), checks);
                List<Child> children = children(kind, report.children(), today, benefitRules, checks);
                checks.throwIfAny();

                if (profile.declaredIncome() <= 0) throw new DomainProblem(ClaimsProblem.DECLARED_INCOME_UNKNOWN);
                boolean workAccident = kind != ClaimKind.JKM_DEATH;
                if (workAccident) {
                    int lapseYears = processRules.intValue("JKK_CLAIM_LAPSE_YEARS");
                    if (today.isAfter(incidentDate.plusYears(lapseYears))) {
                        throw new DomainProblem(ClaimsProblem.CLAIM_RIGHT_LAPSED, Map.of("field", "incidentDate"), lapseYears);
                    }
                }
                if (kind != ClaimKind.JKK_ACCIDENT && claims.hasDeathClaim(tenant, workerId)) {
                    throw new DomainProblem(ClaimsProblem.DEATH_ALREADY_CLAIMED, Map.of("field", "workerId"));
                }
                OffsetDateTime now = OffsetDateTime.now(ClaimSupport.JAKARTA);
                boolean late = workAccident && lateReport(incidentDate, incidentTime, now, processRules.value("ACCIDENT_REPORT_HOURS"));

                Eligibility eligibility = BenefitCalculation.eligibility(kind, incidentDate, cover, benefitRules);
                int schoolYear = BenefitCalculation.schoolYearOf(today);
                List<BenefitLine> lines = BenefitCalculation.lines(kind, eligibility, profile.declaredIncome(), Optional.empty(),
                        scholarshipChildren(children), schoolYear, benefitRules);

                UUID id = UUID.randomUUID();
                Claim claim = new Claim(tenant, id, workerId, kind, ClaimStatus.REPORTED, incidentDate, incidentTime, place,
                        description, workAccident && report.trafficAccident(), late, profile.declaredIncome(), eligibility,
                        actor.subject(), actor.displayName(), now, List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty());
                claims.insert(claim);
                claims.insertBeneficiaries(tenant, id, beneficiaries);
                claims.insertChildren(tenant, id, children);
                claims.replaceLines(tenant, id, lines);
                grantFirstScholarshipYears(tenant, id, lines, actor);
                audit.record("claim.reported", "claim", id, Map.of("kind", kind.name(), "lateReport", late,
                        "incidentMonthPaid", eligibility.incidentMonthPaid(), "beneficiaries", beneficiaries.size(),
                        "children", children.size()));
                events.publishEvent(new ClaimFiled(tenant, id, workerId, kind, incidentDate));
                return claims.find(tenant, id).orElseThrow();
            });
        } catch (DuplicateKeyException concurrentDeathClaim) {
            // Reported a moment ago by someone else (the unique index on a worker's death claim).
            throw new DomainProblem(ClaimsProblem.DEATH_ALREADY_CLAIMED, Map.of("field", "workerId"));
        }
    }

    /** Adds a document to a claim (PDF, JPEG or PNG up to the configured size, the content matching its extension). */
    public Document upload(TenantId tenant, UUID claimId, String documentType, UploadedFile file) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_REPORT);
        var checks = InvalidInput.checks();
        DocumentType type = parse(DocumentType.class, documentType);
        checks.require(type != null, "documentType", ClaimsProblem.DOCUMENT_TYPE_INVALID);
        byte[] content = read(file, checks);
        checks.throwIfAny();
        String fileName = safeFileName(file.fileName());
        FileSignature signature = FileSignature.byFileName(fileName).orElseThrow();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Claim claim = support.lockedClaim(actor, tenant, claimId);
            boolean laterScholarship = claim.status() == ClaimStatus.PAID && type == DocumentType.SCHOOL_CERTIFICATE
                    && claim.eligibility().scholarshipEligible();
            if (!claim.status().isUndecided() && !laterScholarship) {
                throw new DomainProblem(ClaimsProblem.DOCUMENTS_CLOSED, claim.status().name());
            }
            if (!rules.checklist(claim.kind(), claim.reportedAt().toLocalDate()).containsKey(type)) {
                throw new DomainProblem(ClaimsProblem.DOCUMENT_TYPE_NOT_IN_CHECKLIST, Map.of("field", "documentType"), type.name());
            }
            if (documents.count(tenant, claimId) >= MAX_DOCUMENTS_PER_CLAIM) {
                throw new DomainProblem(ClaimsProblem.DOCUMENTS_TOO_MANY, MAX_DOCUMENTS_PER_CLAIM);
            }
            Document document = new Document(UUID.randomUUID(), type, fileName, signature.contentType(), content.length,
                    sha256(content), actor.subject(), OffsetDateTime.now(), Optional.empty());
            documents.insert(tenant, claimId, document, content);
            audit.record("claim.document-uploaded", "claim", claimId, Map.of("document", document.id().toString(),
                    "type", type.name(), "bytes", content.length));
            return document;
        });
    }

    /** Asks for a later school year of scholarship for a child of a paid claim (year by year, DOMAIN.md). */
    public ScholarshipYear requestScholarshipYear(TenantId tenant, UUID claimId, ScholarshipRequest request) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_REPORT);
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Claim claim = support.lockedClaim(actor, tenant, claimId);
            if (claim.status() != ClaimStatus.PAID) throw new DomainProblem(ClaimsProblem.SCHOLARSHIP_CLAIM_NOT_PAID);
            if (!claim.eligibility().scholarshipEligible()) throw new DomainProblem(ClaimsProblem.SCHOLARSHIP_NOT_ELIGIBLE);
            RuleBook benefitRules = rules.ruleBook(claim.incidentDate());
            LocalDate today = ClaimSupport.today();
            int currentYear = BenefitCalculation.schoolYearOf(today);
            List<Child> children = claims.children(tenant, claimId);
            var checks = InvalidInput.checks();
            Integer position = integer(request.childPosition());
            Optional<Child> child = children.stream().filter(c -> position != null && c.position() == position).findFirst();
            checks.require(child.isPresent() && position <= benefitRules.intValue("SCHOLARSHIP_MAX_CHILDREN"),
                    "childPosition", ClaimsProblem.SCHOLARSHIP_CHILD_UNKNOWN);
            Integer schoolYear = integer(request.schoolYear());
            checks.require(schoolYear != null && schoolYear >= currentYear - 1 && schoolYear <= currentYear + 1,
                    "schoolYear", ClaimsProblem.SCHOOL_YEAR_INVALID, currentYear - 1, currentYear + 1);
            SchoolLevel level = parse(SchoolLevel.class, request.schoolLevel());
            checks.require(level != null, "schoolLevel", ClaimsProblem.SCHOOL_LEVEL_INVALID);
            checks.require(request.notMarriedNorWorking(), "notMarriedNorWorking", ClaimsProblem.SCHOLARSHIP_DECLARATION_REQUIRED);
            checks.throwIfAny();

            List<ScholarshipYear> years = claims.scholarshipYears(tenant, claimId);
            if (years.stream().anyMatch(y -> y.childPosition() == position && y.schoolYear() == schoolYear)) {
                throw new DomainProblem(ClaimsProblem.SCHOLARSHIP_YEAR_TAKEN, Map.of("field", "schoolYear"));
            }
            RuleBook.ScholarshipRate rate = benefitRules.scholarship(level);
            long yearsAtLevel = years.stream().filter(y -> y.childPosition() == position && y.level() == level).count();
            if (yearsAtLevel >= rate.maxYears()) {
                throw new DomainProblem(ClaimsProblem.SCHOLARSHIP_LEVEL_EXHAUSTED, Map.of("field", "schoolLevel"),
                        level.name(), rate.maxYears());
            }
            long maxAge = benefitRules.value("SCHOLARSHIP_MAX_AGE");
            if (Period.between(child.get().birthDate(), LocalDate.of(schoolYear, 7, 1)).getYears() >= maxAge) {
                throw new DomainProblem(ClaimsProblem.SCHOLARSHIP_AGE_LIMIT, Map.of("field", "childPosition"), maxAge);
            }
            ScholarshipYear year = new ScholarshipYear(UUID.randomUUID(), position, schoolYear, level, rate.amountPerYear(),
                    false, ScholarshipYear.Status.REQUESTED);
            claims.insertScholarshipYear(tenant, claimId, year, actor.subject());
            audit.record("claim.scholarship-requested", "claim", claimId, Map.of("scholarship", year.id().toString(),
                    "child", position, "schoolYear", schoolYear, "level", level.name(), "amount", year.amount()));
            return year;
        });
    }

    // ---- validation ----

    private static ClaimKind kind(String text, InvalidInput.Checks checks) {
        ClaimKind kind = parse(ClaimKind.class, text);
        checks.require(kind != null, "kind", ClaimsProblem.KIND_INVALID);
        return kind;
    }

    private static LocalDate incidentDate(String text, LocalDate today, WorkerCover cover, InvalidInput.Checks checks) {
        LocalDate date = date(text);
        if (date == null) {
            checks.require(false, "incidentDate", ClaimsProblem.INCIDENT_DATE_INVALID);
            return null;
        }
        if (date.isAfter(today)) {
            checks.require(false, "incidentDate", ClaimsProblem.INCIDENT_DATE_IN_FUTURE);
            return null;
        }
        Optional<YearMonth> since = cover.firstPaid();
        if (since.isEmpty()) {
            checks.require(false, "incidentDate", ClaimsProblem.NOT_A_MEMBER);
            return null;
        }
        if (YearMonth.from(date).isBefore(since.get())) {
            checks.require(false, "incidentDate", ClaimsProblem.INCIDENT_BEFORE_MEMBERSHIP, since.get().toString());
            return null;
        }
        return date;
    }

    private static Optional<LocalTime> incidentTime(String text, LocalDate date, LocalDate today, InvalidInput.Checks checks) {
        if (ClaimSupport.blank(text)) return Optional.empty();
        try {
            LocalTime time = LocalTime.parse(text.strip());
            if (date != null && date.equals(today) && time.isAfter(LocalTime.now(ClaimSupport.JAKARTA).plusMinutes(5))) {
                checks.require(false, "incidentTime", ClaimsProblem.INCIDENT_DATE_IN_FUTURE);
            }
            return Optional.of(time);
        } catch (DateTimeParseException e) {
            checks.require(false, "incidentTime", ClaimsProblem.INCIDENT_TIME_INVALID);
            return Optional.empty();
        }
    }

    /** Reported later than the rule's hours after the accident; without a time, counted from the end of that day. */
    static boolean lateReport(LocalDate date, Optional<LocalTime> time, OffsetDateTime reportedAt, long hours) {
        LocalDateTime moment = time.map(date::atTime).orElse(date.atTime(LocalTime.MAX));
        return reportedAt.atZoneSameInstant(ClaimSupport.JAKARTA).toLocalDateTime().isAfter(moment.plusHours(hours));
    }

    private Beneficiary workerAccount(Worker worker, List<BeneficiaryDetails> given, InvalidInput.Checks checks) {
        int index = 0;
        while (index < given.size() && given.get(index).isBlank()) index++;
        if (index == given.size()) index = 0; // nothing filled in: the first row is the one to fill
        BeneficiaryDetails row = index < given.size() ? given.get(index) : new BeneficiaryDetails(null, null, null, null, null);
        String prefix = "beneficiaries[" + index + "].";
        String bank = ClaimSupport.clean(row.bankName());
        String account = account(row.accountNumber());
        checks.require(bank.length() >= 2 && bank.length() <= 60, prefix + "bankName", ClaimsProblem.BANK_NAME_INVALID, 1);
        checks.require(account.matches("[0-9]{5,20}"), prefix + "accountNumber", ClaimsProblem.ACCOUNT_NUMBER_INVALID, 1);
        return new Beneficiary(1, worker.name(), BeneficiaryRelationship.SELF, worker.nik(), bank, account);
    }

    private List<Beneficiary> heirs(Worker worker, List<BeneficiaryDetails> given, InvalidInput.Checks checks) {
        List<Beneficiary> heirs = new ArrayList<>();
        long filled = given.stream().filter(b -> !b.isBlank()).count();
        if (filled == 0) {
            checks.require(false, "beneficiaries", ClaimsProblem.BENEFICIARY_REQUIRED);
            return heirs;
        }
        if (filled > MAX_BENEFICIARIES) {
            checks.require(false, "beneficiaries", ClaimsProblem.BENEFICIARIES_TOO_MANY, MAX_BENEFICIARIES);
            return heirs;
        }
        LocalDate today = ClaimSupport.today();
        for (int i = 0; i < given.size(); i++) {
            BeneficiaryDetails b = given.get(i);
            if (b.isBlank()) continue;
            String prefix = "beneficiaries[" + i + "].";
            int number = i + 1;
            String name = ClaimSupport.clean(b.name());
            checks.require(name.length() >= 2 && name.length() <= 150, prefix + "name", ClaimsProblem.BENEFICIARY_NAME_INVALID, number, 2, 150);
            BeneficiaryRelationship relationship = parse(BeneficiaryRelationship.class, b.relationship());
            checks.require(relationship != null && relationship != BeneficiaryRelationship.SELF, prefix + "relationship",
                    ClaimsProblem.BENEFICIARY_RELATIONSHIP_INVALID, number);
            String nik = Nik.normalize(b.nik());
            Optional<ProblemType> nikProblem = Nik.problemWith(nik, today, support::provinceExists);
            nikProblem.ifPresent(p -> checks.require(false, prefix + "nik", p));
            if (nikProblem.isEmpty()) checks.require(!nik.equals(worker.nik()), prefix + "nik", ClaimsProblem.BENEFICIARY_IS_WORKER, number);
            String bank = ClaimSupport.clean(b.bankName());
            checks.require(bank.length() >= 2 && bank.length() <= 60, prefix + "bankName", ClaimsProblem.BANK_NAME_INVALID, number);
            String account = account(b.accountNumber());
            checks.require(account.matches("[0-9]{5,20}"), prefix + "accountNumber", ClaimsProblem.ACCOUNT_NUMBER_INVALID, number);
            heirs.add(new Beneficiary(heirs.size() + 1, name, relationship == null ? BeneficiaryRelationship.OTHER : relationship,
                    nik, bank, account));
        }
        return heirs;
    }

    private List<Child> children(ClaimKind kind, List<ChildDetails> given, LocalDate today, RuleBook benefitRules,
                                 InvalidInput.Checks checks) {
        List<ChildDetails> filled = given.stream().filter(c -> !c.isBlank()).toList();
        List<Child> children = new ArrayList<>();
        if (filled.isEmpty()) return children;
        if (kind == ClaimKind.JKK_ACCIDENT) {
            checks.require(false, "children", ClaimsProblem.CHILDREN_ONLY_FOR_DEATH);
            return children;
        }
        if (benefitRules == null) return children; // the incident date is wrong already; checked again once it is right
        int maxChildren = benefitRules.intValue("SCHOLARSHIP_MAX_CHILDREN");
        if (filled.size() > maxChildren) {
            checks.require(false, "children", ClaimsProblem.CHILDREN_TOO_MANY, maxChildren);
            return children;
        }
        long maxAge = benefitRules.value("SCHOLARSHIP_MAX_AGE");
        for (int i = 0; i < given.size(); i++) {
            ChildDetails c = given.get(i);
            if (c.isBlank()) continue;
            String prefix = "children[" + i + "].";
            int number = i + 1;
            String name = ClaimSupport.clean(c.name());
            checks.require(name.length() >= 2 && name.length() <= 150, prefix + "name", ClaimsProblem.CHILD_NAME_INVALID, number, 2, 150);
            String nik = Nik.normalize(c.nik());
            Nik.problemWith(nik, today, support::provinceExists).ifPresent(p -> checks.require(false, prefix + "nik", p));
            LocalDate birth = date(c.birthDate());
            checks.require(birth != null && !birth.isAfter(today), prefix + "birthDate", ClaimsProblem.CHILD_BIRTH_DATE_INVALID, number);
            if (birth != null && !birth.isAfter(today)) {
                checks.require(Period.between(birth, today).getYears() < maxAge, prefix + "birthDate", ClaimsProblem.CHILD_TOO_OLD, number, maxAge);
            }
            SchoolLevel level = ClaimSupport.blank(c.schoolLevel()) ? null : parse(SchoolLevel.class, c.schoolLevel());
            checks.require(ClaimSupport.blank(c.schoolLevel()) || level != null, prefix + "schoolLevel", ClaimsProblem.SCHOOL_LEVEL_INVALID);
            children.add(new Child(children.size() + 1, name, nik, birth == null ? today : birth, Optional.ofNullable(level)));
        }
        return children;
    }

    static List<ScholarshipChild> scholarshipChildren(List<Child> children) {
        return children.stream().map(c -> new ScholarshipChild(c.position(), c.schoolLevel())).toList();
    }

    /** The calculation's scholarship lines become the children's first school years, paid with the claim. */
    private void grantFirstScholarshipYears(TenantId tenant, UUID claimId, List<BenefitLine> lines, Actor actor) {
        for (BenefitLine line : lines) {
            if (!line.ruleCode().equals(BenefitCalculation.SCHOLARSHIP)) continue;
            int position = Integer.parseInt(line.basisArgs().get(0));
            SchoolLevel level = SchoolLevel.valueOf(line.basisArgs().get(1));
            int schoolYear = Integer.parseInt(line.basisArgs().get(2).substring(0, 4));
            claims.insertScholarshipYear(tenant, claimId, new ScholarshipYear(UUID.randomUUID(), position, schoolYear, level,
                    line.amount(), true, ScholarshipYear.Status.GRANTED), actor.subject());
        }
    }

    private byte[] read(UploadedFile file, InvalidInput.Checks checks) {
        if (file == null || file.size() <= 0) {
            checks.require(false, "file", ClaimsProblem.FILE_REQUIRED);
            return null;
        }
        if (file.size() > maxDocumentBytes) {
            checks.require(false, "file", ClaimsProblem.FILE_TOO_LARGE, maxDocumentBytes / (1024 * 1024));
            return null;
        }
        Optional<FileSignature> signature = FileSignature.byFileName(safeFileName(file.fileName()));
        if (signature.isEmpty()) {
            checks.require(false, "file", ClaimsProblem.FILE_TYPE_NOT_ALLOWED);
            return null;
        }
        byte[] content;
        try (InputStream in = file.open()) {
            content = in.readNBytes((int) maxDocumentBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length == 0) {
            checks.require(false, "file", ClaimsProblem.FILE_REQUIRED);
            return null;
        }
        if (content.length > maxDocumentBytes) {
            checks.require(false, "file", ClaimsProblem.FILE_TOO_LARGE, maxDocumentBytes / (1024 * 1024));
            return null;
        }
        if (!signature.get().matches(content)) {
            checks.require(false, "file", ClaimsProblem.FILE_CONTENT_MISMATCH, signature.get().name());
            return null;
        }
        return content;
    }

    /** The last path segment, without control characters, at most 160 characters keeping the extension. */
    static String safeFileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.length() > 160) {
            int dot = base.lastIndexOf('.');
            String extension = dot >= 0 && base.length() - dot <= 6 ? base.substring(dot) : "";
            base = base.substring(0, 160 - extension.length()) + extension;
        }
        return base.isEmpty() ? "dokumen" : base;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String account(String text) {
        return text == null ? "" : text.replaceAll("[\\s.\\-]", "");
    }

    static LocalDate date(String text) {
        if (ClaimSupport.blank(text)) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Integer integer(String text) {
        if (ClaimSupport.blank(text) || !text.strip().matches("[0-9]{1,9}")) return null;
        return Integer.parseInt(text.strip());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (ClaimSupport.blank(text)) return null;
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
