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
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.platform.TimeOrderedIds;
import id.payung.tenancy.Regions;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers workers one by one (ASN sponsor, Disnaker operator, BPJS staff) and shows them. A person
 * holds one BPU membership nationally: a NIK registered in another pemda is refused without saying
 * where; a NIK registered here already gives back the existing worker, unless he had ENDED: then he is
 * registered again (same worker, new data and heirs, membership claimed anew).
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
    private final WorkerValidator validator;

    WorkerRegistration(WorkerRows workers, ReferenceRows reference, NationalMembership membership,
                       NikFingerprint fingerprint, Regions regions, TenantAdministration tenants,
                       TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                       ApplicationEventPublisher events, WorkerValidator validator) {
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
        this.validator = validator;
    }

    /** What a registration form or API request holds; text as typed. */
    public record Application(String nik, String name, String birthDate, String sex, String address,
                              String villageCode, String phone, String occupationCode, String incomeLevelCode,
                              List<HeirDetails> heirs) {
        public Application {
            heirs = heirs == null ? List.of() : withoutNulls(heirs);
        }

        private static List<HeirDetails> withoutNulls(List<HeirDetails> heirs) {
            HeirDetails[] copy = new HeirDetails[heirs.size()];
            for (int i = 0; i < copy.length; i++) {
                HeirDetails h = heirs.get(i);
                copy[i] = h == null ? new HeirDetails(null, null, null) : h;
            }
            return List.of(copy);
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

    /**
     * The registered worker, and whether this call registered him ({@code created}; {@code reRegistered} when
     * he had ENDED in this pemda before) or he was registered here already.
     */
    public record Outcome(Worker worker, boolean created, boolean reRegistered) {
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
                WorkerValidator.Valid valid = validate(pemda, application);
                Optional<Worker> existing = workers.findByNik(tenant, valid.nik().value());
                if (existing.isPresent() && existing.get().status() == WorkerStatus.ENDED) {
                    Optional<Outcome> again = registerAgain(tenant, existing.get(), valid, actor);
                    if (again.isPresent()) return again.get();
                    existing = workers.findByNik(tenant, valid.nik().value());
                }
                if (existing.isPresent()) {
                    // An ASN sponsor sees only his own workers: told that the person is registered here, not shown him.
                    if (!visibleTo(actor, existing.get())) {
                        throw new DomainProblem(EnrollmentProblem.REGISTERED_HERE_BY_ANOTHER, Map.of("field", "nik"));
                    }
                    return new Outcome(existing.get(), false, false);
                }
                if (membership.claim(fingerprint.of(valid.nik())) != NationalMembership.Standing.MINE) {
                    throw new DomainProblem(EnrollmentProblem.REGISTERED_ELSEWHERE, Map.of("field", "nik"));
                }
                UUID id = TimeOrderedIds.next();
                workers.insert(tenant, new NewWorker(id, valid.nik().value(), valid.name(), valid.nik().birthDate(), valid.nik().sex(),
                        valid.address(), valid.village(), valid.phone(), valid.occupation(), valid.incomeLevel(), actor.subject()), valid.heirs());
                workers.addHistory(tenant, id, actor.subject(), actor.displayName(), "REGISTERED", WorkerStatus.REGISTERED);
                audit.record("worker.registered", "worker", id,
                        Map.of("occupation", valid.occupation(), "village", valid.village().value(), "heirs", valid.heirs().size()));
                events.publishEvent(new WorkerRegistered(tenant, id));
                return new Outcome(workers.find(tenant, id).orElseThrow(), true, false);
            });
        } catch (DuplicateKeyException concurrentSameNik) {
            // Registered here a moment ago by someone else: give back that worker.
            String nik = Nik.normalize(application.nik());
            Worker existing = transactions.readInTenant(tenant, () -> workers.findByNik(tenant, nik)).orElseThrow(() -> concurrentSameNik);
            if (!visibleTo(actor, existing)) {
                throw new DomainProblem(EnrollmentProblem.REGISTERED_HERE_BY_ANOTHER, Map.of("field", "nik"));
            }
            return new Outcome(existing, false, false);
        }
    }

    /**
     * A worker who had ENDED in this pemda (moved away, stopped working…) is registered again: his
     * national membership, given back when he ended, is claimed anew (refused if another pemda holds him
     * now), his data and heirs are the new registration's, and he waits for BPJS to verify him again. Empty
     * when someone registered him again a moment ago.
     */
    private Optional<Outcome> registerAgain(TenantId tenant, Worker ended, WorkerValidator.Valid valid, Actor actor) {
        if (membership.claim(fingerprint.of(valid.nik())) != NationalMembership.Standing.MINE) {
            throw new DomainProblem(EnrollmentProblem.REGISTERED_ELSEWHERE, Map.of("field", "nik"));
        }
        UUID id = ended.id();
        boolean done = workers.reRegister(tenant, id, new NewWorker(id, valid.nik().value(), valid.name(), valid.nik().birthDate(),
                valid.nik().sex(), valid.address(), valid.village(), valid.phone(), valid.occupation(), valid.incomeLevel(),
                actor.subject()), valid.heirs());
        if (!done) return Optional.empty();
        workers.addHistory(tenant, id, actor.subject(), actor.displayName(), "RE_REGISTERED", WorkerStatus.REGISTERED);
        audit.record("worker.re-registered", "worker", id,
                Map.of("occupation", valid.occupation(), "village", valid.village().value(), "heirs", valid.heirs().size()));
        events.publishEvent(new WorkerRegistered(tenant, id));
        return Optional.of(new Outcome(workers.find(tenant, id).orElseThrow(), true, true));
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

    private WorkerValidator.Valid validate(Tenant pemda, Application a) {
        return validator.validate(pemda, a, validator.live(Nik.today()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
