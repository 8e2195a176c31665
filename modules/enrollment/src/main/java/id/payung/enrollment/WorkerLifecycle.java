package id.payung.enrollment;

import id.payung.enrollment.EnrollmentEvents.WorkerDeactivated;
import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.persistence.NationalMembership;
import id.payung.enrollment.persistence.WorkerRows;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.TenantAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A registration's lifecycle after registration: BPJS staff of the administering office verify a
 * worker by recording his KPJ (REGISTERED to VERIFIED); a Disnaker operator or BPJS staff make him
 * INACTIVE or ENDED with a reason and a date, and bring an INACTIVE worker back with a reason. Ending gives
 * back his national membership; an ENDED worker comes back only by registering him again
 * ({@link WorkerRegistration#register}), which claims the membership anew.
 *
 * <p>ACTIVE (and INACTIVE by three unpaid months) follow the money: the sponsorship module drives them
 * through {@link WorkerCoverageStatus} (ADR 0007). A worker reactivated here returns to VERIFIED or
 * REGISTERED and becomes ACTIVE again with his next paid month.
 */
@Service
public class WorkerLifecycle {

    static final Role[] MAY_VERIFY = {Role.BPJS_STAFF};
    static final Role[] MAY_DEACTIVATE = {Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    /** From which status a worker may go to INACTIVE / ENDED. ENDED is final. */
    private static final Map<WorkerStatus, Set<WorkerStatus>> DEACTIVATIONS = Map.of(
            WorkerStatus.REGISTERED, Set.of(WorkerStatus.INACTIVE, WorkerStatus.ENDED),
            WorkerStatus.VERIFIED, Set.of(WorkerStatus.INACTIVE, WorkerStatus.ENDED),
            WorkerStatus.ACTIVE, Set.of(WorkerStatus.INACTIVE, WorkerStatus.ENDED),
            WorkerStatus.INACTIVE, Set.of(WorkerStatus.ENDED));
    static final int NOTE_MAX = 300;

    private final WorkerRows workers;
    private final NationalMembership membership;
    private final NikFingerprint fingerprint;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Pattern kpjPattern;

    WorkerLifecycle(WorkerRows workers, NationalMembership membership, NikFingerprint fingerprint,
                    TenantAdministration tenants, TenantTransactions transactions, CurrentActor currentActor,
                    AuditTrail audit, ApplicationEventPublisher events,
                    @Value("${payung.enrollment.kpj-pattern:\\d{11}}") String kpjPattern) {
        this.workers = workers;
        this.membership = membership;
        this.fingerprint = fingerprint;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        // The one place the KPJ format lives. 11 digits in practice, not officially specified: configurable.
        this.kpjPattern = Pattern.compile(kpjPattern);
    }

    /** A KPJ as typed, without spaces, dots or dashes; blank stays blank. */
    public static String normalizeKpj(String text) {
        return text == null ? "" : text.replaceAll("[\\s.\\-]", "");
    }

    /** Whether a (normalized) KPJ has the configured format. */
    public boolean isWellFormedKpj(String kpj) {
        return kpjPattern.matcher(kpj).matches();
    }

    /** BPJS staff record the KPJ of a REGISTERED worker of a pemda their office administers. */
    public Worker verify(TenantId tenant, UUID workerId, String kpjText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_VERIFY);
        String kpj = normalizeKpj(kpjText);
        var checks = InvalidInput.checks();
        if (kpj.isEmpty()) checks.require(false, "kpj", EnrollmentProblem.REQUIRED);
        else checks.require(isWellFormedKpj(kpj), "kpj", EnrollmentProblem.KPJ_FORMAT);
        checks.throwIfAny();
        try {
            return transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                Worker worker = workers.findForUpdate(tenant, workerId)
                        .orElseThrow(() -> new DomainProblem(EnrollmentProblem.WORKER_NOT_FOUND));
                if (worker.status() != WorkerStatus.REGISTERED) {
                    throw new DomainProblem(EnrollmentProblem.STATUS_CHANGE_REFUSED, Map.of("field", "kpj"),
                            worker.status().name(), WorkerStatus.VERIFIED.name());
                }
                if (workers.kpjTaken(tenant, kpj, workerId)) {
                    throw new DomainProblem(EnrollmentProblem.KPJ_TAKEN, Map.of("field", "kpj"));
                }
                workers.verify(tenant, workerId, kpj);
                workers.addHistory(tenant, workerId, actor.subject(), actor.displayName(), "VERIFIED",
                        WorkerStatus.VERIFIED, "KPJ " + kpj);
                audit.record("worker.verified", "worker", workerId, Map.of("kpj", kpj));
                events.publishEvent(new WorkerVerified(tenant, workerId));
                return workers.find(tenant, workerId).orElseThrow();
            });
        } catch (DuplicateKeyException sameKpjAMomentAgo) {
            throw new DomainProblem(EnrollmentProblem.KPJ_TAKEN, Map.of("field", "kpj"));
        }
    }

    /** What a deactivation form or API request holds; text as typed. */
    public record Deactivation(String status, String reason, String note, String date) {
    }

    /**
     * A Disnaker operator or BPJS staff make a worker INACTIVE or ENDED, with a reason (a note for
     * LAINNYA) and the date it took effect (not in the future, not before registration). ENDED gives the
     * person's national membership back so that another pemda may register him.
     */
    public Worker deactivate(TenantId tenant, UUID workerId, Deactivation d) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_DEACTIVATE);
        LocalDate today = Nik.today();
        var checks = InvalidInput.checks();
        WorkerStatus target = switch (upper(d.status())) {
            case "INACTIVE" -> WorkerStatus.INACTIVE;
            case "ENDED" -> WorkerStatus.ENDED;
            default -> null;
        };
        checks.require(target != null, "status", EnrollmentProblem.DEACTIVATION_STATUS_INVALID);
        DeactivationReason reason = null;
        try {
            reason = DeactivationReason.valueOf(upper(d.reason()));
        } catch (IllegalArgumentException unknown) {
            checks.require(false, "reason", EnrollmentProblem.DEACTIVATION_REASON_INVALID);
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().strip().replaceAll("\\s+", " ");
        checks.require(note != null || reason != DeactivationReason.LAINNYA, "note", EnrollmentProblem.REQUIRED);
        checks.require(note == null || note.length() <= NOTE_MAX, "note", EnrollmentProblem.DEACTIVATION_NOTE_INVALID, NOTE_MAX);
        LocalDate date = null;
        if (d.date() == null || d.date().isBlank()) {
            checks.require(false, "date", EnrollmentProblem.REQUIRED);
        } else {
            try {
                date = LocalDate.parse(d.date().strip());
                checks.require(!date.isAfter(today), "date", EnrollmentProblem.DEACTIVATION_DATE_FUTURE);
            } catch (DateTimeParseException e) {
                checks.require(false, "date", EnrollmentProblem.DEACTIVATION_DATE_INVALID);
            }
        }
        checks.throwIfAny();
        WorkerStatus to = target;
        DeactivationReason why = reason;
        LocalDate since = date;
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Worker worker = workers.findForUpdate(tenant, workerId)
                    .orElseThrow(() -> new DomainProblem(EnrollmentProblem.WORKER_NOT_FOUND));
            if (!DEACTIVATIONS.getOrDefault(worker.status(), Set.of()).contains(to)) {
                throw new DomainProblem(EnrollmentProblem.STATUS_CHANGE_REFUSED, Map.of("field", "status"),
                        worker.status().name(), to.name());
            }
            if (since.isBefore(worker.registeredAt().toLocalDate())) {
                InvalidInput.checks().require(false, "date", EnrollmentProblem.DEACTIVATION_DATE_BEFORE_REGISTRATION,
                        worker.registeredAt().toLocalDate()).throwIfAny();
            }
            workers.deactivate(tenant, workerId, to, why.name(), note, since);
            String detail = why.name() + " " + since + (note == null ? "" : ": " + note);
            workers.addHistory(tenant, workerId, actor.subject(), actor.displayName(), to.name(), to,
                    detail.length() > 400 ? detail.substring(0, 400) : detail);
            boolean released = to == WorkerStatus.ENDED
                    && membership.release(fingerprint.of(Nik.parse(worker.nik(), today, code -> true)));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", worker.status().name());
            details.put("to", to.name());
            details.put("reason", why.name());
            details.put("date", since.toString());
            if (to == WorkerStatus.ENDED) details.put("membershipReleased", released);
            audit.record("worker.deactivated", "worker", workerId, details);
            events.publishEvent(new WorkerDeactivated(tenant, workerId));
            return workers.find(tenant, workerId).orElseThrow();
        });
    }

    /**
     * A Disnaker operator or BPJS staff bring an INACTIVE worker back, saying why: he returns to VERIFIED if
     * BPJS recorded his KPJ, else to REGISTERED, and becomes ACTIVE again with the next paid contribution
     * (status follows money, ADR 0007). The history keeps the reason.
     */
    public Worker reactivate(TenantId tenant, UUID workerId, String reasonText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_DEACTIVATE);
        String reason = reasonText == null || reasonText.isBlank() ? null : reasonText.strip().replaceAll("\\s+", " ");
        var checks = InvalidInput.checks();
        if (reason == null) checks.require(false, "reason", EnrollmentProblem.REQUIRED);
        else checks.require(reason.length() <= NOTE_MAX, "reason", EnrollmentProblem.REACTIVATION_REASON_INVALID, NOTE_MAX);
        checks.throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Worker worker = workers.findForUpdate(tenant, workerId)
                    .orElseThrow(() -> new DomainProblem(EnrollmentProblem.WORKER_NOT_FOUND));
            WorkerStatus to = worker.kpj() != null ? WorkerStatus.VERIFIED : WorkerStatus.REGISTERED;
            if (worker.status() != WorkerStatus.INACTIVE) {
                throw new DomainProblem(EnrollmentProblem.STATUS_CHANGE_REFUSED, Map.of("field", "reason"),
                        worker.status().name(), to.name());
            }
            workers.reactivate(tenant, workerId, to);
            workers.addHistory(tenant, workerId, actor.subject(), actor.displayName(), "REACTIVATED", to, reason);
            audit.record("worker.reactivated", "worker", workerId, Map.of("to", to.name()));
            events.publishEvent(new EnrollmentEvents.WorkerReactivated(tenant, workerId));
            return workers.find(tenant, workerId).orElseThrow();
        });
    }

    /** Where a person is registered: FREE, or the name of the pemda holding his membership. */
    public record MembershipLookup(boolean registered, String pemdaName) {
    }

    /**
     * BPJS staff, working in a pemda of their office, ask where a NIK is registered nationally. Answers the
     * owning pemda's name; every lookup is audited in the asking pemda (with the answer, never the NIK).
     */
    public MembershipLookup whereRegistered(TenantId askingFrom, String nikText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_VERIFY);
        String normalized = Nik.normalize(nikText);
        var checks = InvalidInput.checks();
        if (normalized.isEmpty()) checks.require(false, "nik", EnrollmentProblem.REQUIRED);
        else checks.require(normalized.matches("[0-9]{16}"), "nik", EnrollmentProblem.NIK_FORMAT);
        checks.throwIfAny();
        if (!transactions.mayAccess(askingFrom)) {
            // the same refusal the tenant transaction gives
            transactions.readInTenant(askingFrom, () -> null);
        }
        byte[] hmac = fingerprint.of(Nik.parse(normalized, Nik.today(), code -> true));
        var owner = transactions.readRegistry(() -> membership.ownerName(hmac));
        MembershipLookup answer = new MembershipLookup(owner.isPresent(), owner.orElse(null));
        transactions.inTenant(askingFrom, () -> audit.record("worker.membership-lookup", "tenant", askingFrom.value(),
                Map.of("registered", answer.registered(), "pemda", owner.orElse("-"))));
        return answer;
    }

    /** Whether the current actor may verify the worker now (the worker page shows the form). */
    public boolean mayVerify(Worker worker) {
        return worker.status() == WorkerStatus.REGISTERED && mayAny(MAY_VERIFY);
    }

    /** Whether the current actor may bring the worker back from INACTIVE now. */
    public boolean mayReactivate(Worker worker) {
        return worker.status() == WorkerStatus.INACTIVE && mayAny(MAY_DEACTIVATE);
    }

    /** Whether the current actor may make the worker inactive or end him now. */
    public boolean mayDeactivate(Worker worker) {
        return DEACTIVATIONS.containsKey(worker.status()) && mayAny(MAY_DEACTIVATE);
    }

    /** Whether the current actor may use BPJS's tools: batch export/upload, the national lookup. */
    public boolean mayUseBpjsTools() {
        return mayAny(MAY_VERIFY);
    }

    public static DeactivationReason[] reasons() {
        return DeactivationReason.values();
    }

    private boolean mayAny(Role... roles) {
        Actor actor = currentActor.get();
        return actor.isUnrestricted() || java.util.Arrays.stream(roles).anyMatch(actor::has);
    }

    private static String upper(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }
}
