package id.payung.enrollment;

import id.payung.enrollment.EnrollmentEvents.WorkerRegistered;
import id.payung.enrollment.persistence.NationalMembership;
import id.payung.enrollment.persistence.ReferenceRows;
import id.payung.enrollment.persistence.WorkerRows;
import id.payung.enrollment.persistence.WorkerRows.NewWorker;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.Regions;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers workers one by one (ASN sponsor, Disnaker operator, BPJS staff) and shows them. A person
 * holds one BPU membership nationally: a NIK registered in another pemda is refused without saying
 * where; a NIK registered here already gives back the existing worker.
 */
@Service
public class WorkerRegistration {

    public static final int MAX_HEIRS = 10;
    static final Role[] MAY_REGISTER = {Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};

    private final WorkerRows workers;
    private final ReferenceRows reference;
    private final NationalMembership membership;
    private final NikFingerprint fingerprint;
    private final Regions regions;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    WorkerRegistration(WorkerRows workers, ReferenceRows reference, NationalMembership membership,
                       NikFingerprint fingerprint, Regions regions, TenantAdministration tenants,
                       TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                       ApplicationEventPublisher events) {
        this.workers = workers;
        this.reference = reference;
        this.membership = membership;
        this.fingerprint = fingerprint;
        this.regions = regions;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** What a registration form or API request holds; text as typed. */
    public record Application(String nik, String name, String birthDate, String sex, String address,
                              String villageCode, String phone, String occupationCode, String incomeLevelCode,
                              List<HeirDetails> heirs) {
        public Application {
            heirs = heirs == null ? List.of() : heirs.stream().map(h -> h == null ? new HeirDetails(null, null, null) : h).toList();
        }

        @Override
        public String toString() {
            return "Application[occupation=" + occupationCode + ", heirs=" + heirs.size() + "]";
        }
    }

    public record HeirDetails(String name, String relationship, String nik) {
        boolean isBlank() {
            return blank(name) && blank(relationship) && blank(nik);
        }

        @Override
        public String toString() {
            return "HeirDetails[" + relationship + "]";
        }
    }

    /** The registered worker, and whether this call registered him or he was registered here already. */
    public record Outcome(Worker worker, boolean created) {
    }

    public record WorkerDetails(Worker worker, List<Heir> heirs, List<WorkerHistoryEntry> history,
                                Optional<Occupation> occupation, Optional<IncomeLevel> incomeLevel) {
    }

    public List<Occupation> occupations(TenantId tenant) {
        currentActor.get().requireAnyOf(MAY_REGISTER);
        return transactions.readInTenant(tenant, () -> reference.occupations(Nik.today()));
    }

    public List<IncomeLevel> incomeLevels(TenantId tenant) {
        currentActor.get().requireAnyOf(MAY_REGISTER);
        return transactions.readInTenant(tenant, () -> reference.incomeLevels(Nik.today()));
    }

    public Outcome register(TenantId tenant, Application application) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_REGISTER);
        try {
            return transactions.inTenant(tenant, () -> {
                Tenant pemda = tenants.requireWritable(tenant);
                Valid valid = validate(pemda, application);
                Optional<Worker> existing = workers.findByNik(tenant, valid.nik.value());
                if (existing.isPresent()) {
                    // An ASN sponsor sees only his own workers: told that the person is registered here, not shown him.
                    if (!visibleTo(actor, existing.get())) {
                        throw new DomainProblem(EnrollmentProblem.REGISTERED_HERE_BY_ANOTHER, Map.of("field", "nik"));
                    }
                    return new Outcome(existing.get(), false);
                }
                if (membership.claim(fingerprint.of(valid.nik)) != NationalMembership.Standing.MINE) {
                    throw new DomainProblem(EnrollmentProblem.REGISTERED_ELSEWHERE, Map.of("field", "nik"));
                }
                UUID id = UUID.randomUUID();
                workers.insert(tenant, new NewWorker(id, valid.nik.value(), valid.name, valid.nik.birthDate(), valid.nik.sex(),
                        valid.address, valid.village, valid.phone, valid.occupation, valid.incomeLevel, actor.subject()), valid.heirs);
                workers.addHistory(tenant, id, actor.subject(), actor.displayName(), "REGISTERED", WorkerStatus.REGISTERED);
                audit.record("worker.registered", "worker", id,
                        Map.of("occupation", valid.occupation, "village", valid.village.value(), "heirs", valid.heirs.size()));
                events.publishEvent(new WorkerRegistered(tenant, id));
                return new Outcome(workers.find(tenant, id).orElseThrow(), true);
            });
        } catch (DuplicateKeyException concurrentSameNik) {
            // Registered here a moment ago by someone else: give back that worker.
            String nik = Nik.normalize(application.nik());
            Worker existing = transactions.readInTenant(tenant, () -> workers.findByNik(tenant, nik)).orElseThrow(() -> concurrentSameNik);
            if (!visibleTo(actor, existing)) {
                throw new DomainProblem(EnrollmentProblem.REGISTERED_HERE_BY_ANOTHER, Map.of("field", "nik"));
            }
            return new Outcome(existing, false);
        }
    }

    public Page<Worker> list(TenantId tenant, WorkerQuery query, PageRequest page) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_REGISTER);
        return transactions.readInTenant(tenant, () -> workers.page(tenant, query == null ? WorkerQuery.all() : query,
                onlyOwn(actor), page));
    }

    /** The worker of this pemda with that NIK, if the actor may see him. The NIK comes in a body, never a URL. */
    public Optional<Worker> findByNik(TenantId tenant, String nik) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_REGISTER);
        String normalized = Nik.normalize(nik);
        if (!normalized.matches("[0-9]{16}")) throw new DomainProblem(EnrollmentProblem.NIK_FORMAT, Map.of("field", "nik"));
        return transactions.readInTenant(tenant, () -> workers.findByNik(tenant, normalized))
                .filter(w -> visibleTo(actor, w));
    }

    public WorkerDetails get(TenantId tenant, UUID workerId) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_REGISTER);
        return transactions.readInTenant(tenant, () -> {
            Worker worker = workers.find(tenant, workerId).filter(w -> visibleTo(actor, w))
                    .orElseThrow(() -> new DomainProblem(EnrollmentProblem.WORKER_NOT_FOUND));
            LocalDate today = Nik.today();
            return new WorkerDetails(worker, workers.heirs(tenant, workerId), workers.history(tenant, workerId),
                    reference.occupations(today).stream().filter(o -> o.code().equals(worker.occupationCode())).findFirst(),
                    reference.incomeLevels(today).stream().filter(l -> l.code().equals(worker.incomeLevelCode())).findFirst());
        });
    }

    /** An ASN sponsor sees the workers he registered; operators and BPJS staff see all of the pemda. */
    private static Optional<String> onlyOwn(Actor actor) {
        boolean seesAll = actor.isUnrestricted() || actor.has(Role.DISNAKER_OPERATOR) || actor.has(Role.BPJS_STAFF);
        return seesAll ? Optional.empty() : Optional.of(actor.subject());
    }

    private static boolean visibleTo(Actor actor, Worker worker) {
        return onlyOwn(actor).map(worker.registeredBy()::equals).orElse(true);
    }

    // --- validation -----------------------------------------------------------------------------------

    private record Valid(Nik nik, String name, String address, RegionCode village, String phone, String occupation,
                         String incomeLevel, List<Heir> heirs) {
    }

    private Valid validate(Tenant pemda, Application a) {
        LocalDate today = Nik.today();
        var checks = InvalidInput.checks();
        Nik nik = nik(a.nik(), "nik", today, checks);

        LocalDate birthDate = null;
        if (blank(a.birthDate())) {
            checks.require(false, "birthDate", EnrollmentProblem.REQUIRED);
        } else {
            try {
                birthDate = LocalDate.parse(a.birthDate().strip());
            } catch (DateTimeParseException e) {
                checks.require(false, "birthDate", EnrollmentProblem.BIRTH_DATE_INVALID);
            }
        }
        if (nik != null && birthDate != null) {
            checks.require(birthDate.equals(nik.birthDate()), "birthDate", EnrollmentProblem.BIRTH_DATE_MISMATCH);
        }
        Sex sex = sex(a.sex());
        checks.require(sex != null, "sex", EnrollmentProblem.SEX_INVALID);
        if (nik != null && sex != null) checks.require(sex == nik.sex(), "sex", EnrollmentProblem.SEX_MISMATCH);

        String name = clean(a.name());
        checks.require(name.length() >= 2 && name.length() <= 150, "name", EnrollmentProblem.NAME_INVALID, 2, 150);
        String address = clean(a.address());
        checks.require(address.length() >= 3 && address.length() <= 300, "address", EnrollmentProblem.ADDRESS_INVALID, 3, 300);
        String phone = blank(a.phone()) ? null : a.phone().replaceAll("[\\s\\-().]", "");
        checks.require(phone == null || phone.matches("\\+?[0-9]{8,15}"), "phone", EnrollmentProblem.PHONE_INVALID);

        RegionCode village = village(pemda, a.villageCode(), checks);

        String occupation = blank(a.occupationCode()) ? "" : a.occupationCode().strip().toUpperCase(Locale.ROOT);
        if (occupation.isEmpty()) {
            checks.require(false, "occupationCode", EnrollmentProblem.REQUIRED);
        } else {
            checks.require(reference.occupations(today).stream().anyMatch(o -> o.code().equals(occupation)),
                    "occupationCode", EnrollmentProblem.OCCUPATION_UNKNOWN, occupation);
        }
        List<IncomeLevel> levels = reference.incomeLevels(today);
        String incomeLevel = blank(a.incomeLevelCode()) ? levels.getFirst().code() : a.incomeLevelCode().strip().toUpperCase(Locale.ROOT);
        checks.require(levels.stream().anyMatch(l -> l.code().equals(incomeLevel)), "incomeLevelCode",
                EnrollmentProblem.INCOME_LEVEL_UNKNOWN, incomeLevel);

        List<Heir> heirs = heirs(a.heirs(), nik, today, checks);
        checks.throwIfAny();
        return new Valid(nik, name, address, village, phone, occupation, incomeLevel, heirs);
    }

    private Nik nik(String text, String field, LocalDate today, InvalidInput.Checks checks) {
        String nik = Nik.normalize(text);
        if (nik.isEmpty()) {
            checks.require(false, field, EnrollmentProblem.REQUIRED);
            return null;
        }
        var problem = Nik.problemWith(nik, today, this::provinceExists);
        problem.ifPresent(p -> checks.require(false, field, p));
        return problem.isPresent() ? null : Nik.parse(nik, today, code -> true);
    }

    private boolean provinceExists(String code) {
        return regions.find(RegionCode.parse(code)).isPresent();
    }

    private RegionCode village(Tenant pemda, String text, InvalidInput.Checks checks) {
        if (blank(text)) {
            checks.require(false, "villageCode", EnrollmentProblem.REQUIRED);
            return null;
        }
        RegionCode code;
        try {
            code = RegionCode.parse(text);
        } catch (DomainProblem malformed) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_CODE_MALFORMED);
            return null;
        }
        if (code.level() != RegionCode.Level.VILLAGE) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_CODE_MALFORMED);
            return null;
        }
        if (regions.find(code).isEmpty()) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_UNKNOWN, code.value());
            return null;
        }
        if (!code.value().startsWith(pemda.regionCode().value() + ".")) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_OUTSIDE_PEMDA, code.value(), pemda.name());
            return null;
        }
        return code;
    }

    private List<Heir> heirs(List<HeirDetails> given, Nik workerNik, LocalDate today, InvalidInput.Checks checks) {
        List<Heir> heirs = new ArrayList<>();
        List<HeirDetails> filled = given.stream().filter(h -> !h.isBlank()).toList();
        if (filled.isEmpty()) {
            checks.require(false, "heirs", EnrollmentProblem.HEIR_REQUIRED);
            return heirs;
        }
        if (filled.size() > MAX_HEIRS) {
            checks.require(false, "heirs", EnrollmentProblem.HEIRS_TOO_MANY, MAX_HEIRS);
            return heirs;
        }
        for (int i = 0; i < given.size(); i++) {
            HeirDetails h = given.get(i);
            if (h.isBlank()) continue;
            String prefix = "heirs[" + i + "].";
            String name = clean(h.name());
            checks.require(name.length() >= 2 && name.length() <= 150, prefix + "name", EnrollmentProblem.HEIR_NAME_INVALID, i + 1, 2, 150);
            HeirRelationship relationship = relationship(h.relationship());
            checks.require(relationship != null, prefix + "relationship", EnrollmentProblem.HEIR_RELATIONSHIP_INVALID, i + 1);
            Nik nik = nik(h.nik(), prefix + "nik", today, checks);
            if (nik != null && workerNik != null) {
                checks.require(!nik.equals(workerNik), prefix + "nik", EnrollmentProblem.HEIR_IS_WORKER, i + 1);
            }
            if (nik != null && relationship != null && !checks.hasProblemWith(prefix + "name")) {
                heirs.add(new Heir(heirs.size() + 1, name, relationship, nik.value()));
            }
        }
        return heirs;
    }

    private static Sex sex(String text) {
        if (blank(text)) return null;
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "MALE", "L", "LAKI-LAKI" -> Sex.MALE;
            case "FEMALE", "P", "PEREMPUAN" -> Sex.FEMALE;
            default -> null;
        };
    }

    private static HeirRelationship relationship(String text) {
        if (blank(text)) return null;
        try {
            return HeirRelationship.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
