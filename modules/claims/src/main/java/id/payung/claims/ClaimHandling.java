package id.payung.claims;

import id.payung.claims.Claim.Assessment;
import id.payung.claims.ClaimDetails.BenefitLine;
import id.payung.claims.ClaimDetails.ChecklistItem;
import id.payung.claims.ClaimDetails.Payout;
import id.payung.claims.ClaimDetails.ScholarshipYear;
import id.payung.claims.ClaimsEvents.ClaimDecided;
import id.payung.claims.ClaimsEvents.ClaimPaid;
import id.payung.claims.internal.BenefitCalculation;
import id.payung.claims.internal.RuleBook;
import id.payung.claims.internal.WorkingDays;
import id.payung.claims.persistence.ClaimRows;
import id.payung.claims.persistence.DocumentRows;
import id.payung.claims.persistence.RuleRows;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * BPJS staff's work on claims: the queue of their office's pemda, checking documents (asking for what is
 * missing), the assessment of an accident, the decision, and the payment with its reference. The
 * 7-working-day deadline runs from the day the documents are complete. A claim or scholarship year is
 * paid at most once: the row is locked, a repeated payment with the same reference answers the payment
 * already recorded, another reference is refused, and the database's unique keys stand behind both.
 */
@Service
public class ClaimHandling {

    static final int QUEUE_LIMIT_PER_PEMDA = 500;
    static final int REASON_MIN = 10, REASON_MAX = 1000, NOTE_MAX = 1000;
    static final long MAX_MEDICAL_COSTS = 10_000_000_000L;

    private final ClaimRows claims;
    private final DocumentRows documents;
    private final RuleRows rules;
    private final ClaimSupport support;
    private final ClaimViews views;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ClaimHandling(ClaimRows claims, DocumentRows documents, RuleRows rules, ClaimSupport support, ClaimViews views,
                  TenantAdministration tenants, TenantTransactions transactions, CurrentActor currentActor,
                  AuditTrail audit, ApplicationEventPublisher events, MessageSource messages) {
        this.claims = claims;
        this.documents = documents;
        this.rules = rules;
        this.support = support;
        this.views = views;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
    }

    /** A claim in the queue, with the pemda it belongs to. */
    public record QueueEntry(TenantId tenantId, String pemdaName, ClaimSummary claim) {
    }

    /** The figures BPJS staff type for an accident: Rupiah of care billed, months unable to work, disability. */
    public record AssessmentInput(String medicalCosts, String incapacityMonths, String disability, String disabilityPercent) {
    }

    /** APPROVE or REJECT, with the reason (required to reject). */
    public record DecisionInput(String decision, String reason) {
    }

    /** BPJS's payment reference and the day the money was paid (blank: today). */
    public record PaymentInput(String reference, String paidOn) {
    }

    /** The recorded payout, and whether this call recorded it (false: it was recorded before with this reference). */
    public record PaymentOutcome(Payout payout, boolean recorded) {
    }

    /**
     * The open claims of every pemda of the staff member's office (the system sees all): overdue first,
     * then by deadline, then the oldest reports. No personal data.
     */
    public List<QueueEntry> queue() {
        currentActor.get().requireAnyOf(ClaimSupport.MAY_HANDLE);
        LocalDate today = ClaimSupport.today();
        List<QueueEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            var pemda = tenants.list(null, null, PageRequest.of(page, PageRequest.MAX_SIZE));
            for (Tenant tenant : pemda.items()) {
                transactions.readInTenant(tenant.id(), () -> claims.open(tenant.id(), today, QUEUE_LIMIT_PER_PEMDA))
                        .forEach(c -> entries.add(new QueueEntry(tenant.id(), tenant.name(), c)));
            }
            if (!pemda.hasNext()) break;
        }
        entries.sort(Comparator.comparing((QueueEntry e) -> !e.claim().overdue())
                .thenComparing(e -> e.claim().dueOn().orElse(LocalDate.MAX))
                .thenComparing(e -> e.claim().reportedAt()));
        return entries;
    }

    /**
     * BPJS checked the documents. With nothing listed as missing, every required document must have an
     * acceptable upload: the claim is COMPLETE and the payment deadline is set. Otherwise the listed
     * documents are asked for (DOCUMENTS_REQUESTED) with an optional note to the reporter.
     */
    public Claim checkDocuments(TenantId tenant, UUID claimId, Collection<String> missing, String note) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_HANDLE);
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Claim claim = support.lockedClaim(actor, tenant, claimId);
            if (claim.status() != ClaimStatus.REPORTED && claim.status() != ClaimStatus.DOCUMENTS_REQUESTED) {
                throw new DomainProblem(ClaimsProblem.STATUS_DOES_NOT_ALLOW, claim.status().name());
            }
            var checklist = rules.checklist(claim.kind(), claim.reportedAt().toLocalDate());
            var checks = InvalidInput.checks();
            Set<DocumentType> requested = new LinkedHashSet<>();
            for (String text : missing == null ? List.<String>of() : missing) {
                if (ClaimSupport.blank(text)) continue;
                DocumentType type = ClaimFiling.parse(DocumentType.class, text);
                checks.require(type != null, "missing", ClaimsProblem.DOCUMENT_TYPE_INVALID);
                if (type != null) {
                    checks.require(checklist.containsKey(type), "missing", ClaimsProblem.DOCUMENT_TYPE_NOT_IN_CHECKLIST, type.name());
                    requested.add(type);
                }
            }
            String cleanNote = note == null || note.isBlank() ? null : note.strip();
            checks.require(cleanNote == null || cleanNote.length() <= NOTE_MAX, "note", ClaimsProblem.REQUEST_NOTE_INVALID, NOTE_MAX);
            checks.throwIfAny();
            LocalDate today = ClaimSupport.today();
            if (requested.isEmpty()) {
                List<DocumentType> stillMissing = views.checklist(tenant, claim).stream()
                        .filter(i -> i.required() && i.acceptable() == 0).map(ChecklistItem::type).toList();
                if (!stillMissing.isEmpty()) {
                    throw new DomainProblem(ClaimsProblem.REQUIRED_DOCUMENTS_MISSING,
                            Map.of("missing", stillMissing.stream().map(Enum::name).toList()), labels(stillMissing));
                }
                int days = rules.ruleBook(today).intValue("PAYMENT_WORKING_DAYS");
                LocalDate due = WorkingDays.add(today, days, rules.holidays(today, today.plusDays(days * 3L + 60)));
                claims.complete(tenant, claimId, today, due);
                audit.record("claim.documents-complete", "claim", claimId, Map.of("dueOn", due.toString()));
            } else {
                claims.requestDocuments(tenant, claimId, requested, cleanNote);
                audit.record("claim.documents-requested", "claim", claimId,
                        Map.of("types", requested.stream().map(Enum::name).toList()));
            }
            return claims.find(tenant, claimId).orElseThrow();
        });
    }

    /** Marks an upload as not acceptable (unreadable, wrong person...): it no longer counts for completeness. */
    public void rejectDocument(TenantId tenant, UUID claimId, UUID documentId, String reason) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_HANDLE);
        String clean = ClaimSupport.clean(reason);
        InvalidInput.checks().require(clean.length() >= 3 && clean.length() <= 300, "reason",
                ClaimsProblem.DOCUMENT_REJECTION_REASON_INVALID, 3, 300).throwIfAny();
        transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Claim claim = support.lockedClaim(actor, tenant, claimId);
            if (claim.status() != ClaimStatus.REPORTED && claim.status() != ClaimStatus.DOCUMENTS_REQUESTED) {
                throw new DomainProblem(ClaimsProblem.STATUS_DOES_NOT_ALLOW, claim.status().name());
            }
            if (documents.reject(tenant, claimId, documentId, clean) == 0) throw new DomainProblem(ClaimsProblem.DOCUMENT_NOT_FOUND);
            audit.record("claim.document-rejected", "claim", claimId, Map.of("document", documentId.toString()));
        });
    }

    /** Records BPJS's assessment of a work accident the worker survived and recalculates the claim. */
    public Claim assess(TenantId tenant, UUID claimId, AssessmentInput input) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_HANDLE);
        Assessment assessment = validate(input);
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Claim claim = support.lockedClaim(actor, tenant, claimId);
            if (claim.kind() != ClaimKind.JKK_ACCIDENT) throw new DomainProblem(ClaimsProblem.ASSESSMENT_ONLY_FOR_ACCIDENT);
            if (!claim.status().isUndecided()) throw new DomainProblem(ClaimsProblem.STATUS_DOES_NOT_ALLOW, claim.status().name());
            RuleBook benefitRules = rules.ruleBook(claim.incidentDate());
            List<BenefitLine> lines = BenefitCalculation.lines(claim.kind(), claim.eligibility(), claim.declaredIncome(),
                    Optional.of(assessment), List.of(), BenefitCalculation.schoolYearOf(ClaimSupport.today()), benefitRules);
            claims.assess(tenant, claimId, assessment, actor.subject());
            claims.replaceLines(tenant, claimId, lines);
            audit.record("claim.assessed", "claim", claimId, Map.of("total", lines.stream().mapToLong(BenefitLine::amount).sum()));
            return claims.find(tenant, claimId).orElseThrow();
        });
    }

    /**
     * Approves a complete, eligible claim for its calculated total, or rejects an undecided one with a
     * reason. Announces {@link ClaimDecided}.
     */
    public Claim decide(TenantId tenant, UUID claimId, DecisionInput input) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_HANDLE);
        String decision = input == null || input.decision() == null ? "" : input.decision().strip().toUpperCase(java.util.Locale.ROOT);
        String reason = input == null || input.reason() == null ? "" : input.reason().strip();
        var checks = InvalidInput.checks();
        checks.require(decision.equals("APPROVE") || decision.equals("REJECT"), "decision", ClaimsProblem.DECISION_INVALID);
        boolean approve = decision.equals("APPROVE");
        if (decision.equals("REJECT")) {
            checks.require(reason.length() >= REASON_MIN && reason.length() <= REASON_MAX, "reason",
                    ClaimsProblem.REJECTION_REASON_INVALID, REASON_MIN, REASON_MAX);
        } else {
            checks.require(reason.length() <= REASON_MAX, "reason", ClaimsProblem.REJECTION_REASON_INVALID, REASON_MIN, REASON_MAX);
        }
        checks.throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Claim claim = support.lockedClaim(actor, tenant, claimId);
            long amount = 0;
            if (approve) {
                if (claim.status() != ClaimStatus.COMPLETE) throw new DomainProblem(ClaimsProblem.STATUS_DOES_NOT_ALLOW, claim.status().name());
                if (!claim.eligibility().eligible()) throw new DomainProblem(ClaimsProblem.NOT_ELIGIBLE, claim.incidentDate().toString());
                if (claim.kind() == ClaimKind.JKK_ACCIDENT && claim.assessment().isEmpty()) {
                    throw new DomainProblem(ClaimsProblem.ASSESSMENT_REQUIRED);
                }
                amount = claims.lines(tenant, claimId).stream().mapToLong(BenefitLine::amount).sum();
                if (amount <= 0) throw new DomainProblem(ClaimsProblem.NOTHING_TO_PAY);
                claims.decide(tenant, claimId, ClaimStatus.APPROVED, actor.subject(), reason.isEmpty() ? null : reason, amount);
                audit.record("claim.approved", "claim", claimId, Map.of("amount", amount));
            } else {
                if (!claim.status().isUndecided()) throw new DomainProblem(ClaimsProblem.STATUS_DOES_NOT_ALLOW, claim.status().name());
                claims.decide(tenant, claimId, ClaimStatus.REJECTED, actor.subject(), reason, null);
                audit.record("claim.rejected", "claim", claimId);
            }
            events.publishEvent(new ClaimDecided(tenant, claimId, claim.kind(), approve, amount));
            return claims.find(tenant, claimId).orElseThrow();
        });
    }

    /**
     * Records the payment of an approved claim. Idempotent: the same reference again answers the payment
     * already recorded (no second payout, no second event); any other reference for a paid claim is
     * refused, and so is a reference already used for another payment of the pemda.
     */
    public PaymentOutcome pay(TenantId tenant, UUID claimId, PaymentInput input) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_HANDLE);
        var valid = validate(input);
        try {
            return transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                Claim claim = support.lockedClaim(actor, tenant, claimId);
                Optional<Payout> existing = claims.payouts(tenant, claimId).stream().filter(p -> p.scholarshipId().isEmpty()).findFirst();
                if (existing.isPresent()) return repeated(existing.get(), valid.reference());
                if (claim.status() != ClaimStatus.APPROVED) throw new DomainProblem(ClaimsProblem.NOT_APPROVED, claim.status().name());
                LocalDate completeOn = claim.completeOn().orElseThrow();
                if (valid.paidOn().isBefore(completeOn)) {
                    throw new DomainProblem(ClaimsProblem.PAID_ON_BEFORE_COMPLETE, Map.of("field", "paidOn"), completeOn.toString());
                }
                long amount = claim.approvedAmount().orElseThrow();
                Payout payout = new Payout(UUID.randomUUID(), Optional.empty(), valid.reference(), amount, valid.paidOn(),
                        actor.subject(), java.time.OffsetDateTime.now());
                claims.insertPayout(tenant, claimId, payout);
                int workingDays = WorkingDays.between(completeOn, valid.paidOn(), rules.holidays(completeOn, valid.paidOn()));
                claims.markPaid(tenant, claimId, valid.paidOn(), workingDays);
                audit.record("claim.paid", "claim", claimId, Map.of("amount", amount, "paidOn", valid.paidOn().toString(),
                        "workingDaysToPay", workingDays, "payout", payout.id().toString()));
                events.publishEvent(new ClaimPaid(tenant, claimId, claim.kind(), amount, valid.paidOn(), workingDays));
                return new PaymentOutcome(payout, true);
            });
        } catch (DuplicateKeyException sameReferenceOrSameClaim) {
            return afterConflict(tenant, claimId, Optional.empty(), valid.reference());
        }
    }

    /** Records the payment of a requested later scholarship year; idempotent like {@link #pay}. */
    public PaymentOutcome payScholarshipYear(TenantId tenant, UUID claimId, UUID scholarshipId, PaymentInput input) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_HANDLE);
        var valid = validate(input);
        try {
            return transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                support.visibleClaim(actor, tenant, claimId);
                ScholarshipYear year = claims.lockScholarshipYear(tenant, claimId, scholarshipId)
                        .orElseThrow(() -> new DomainProblem(ClaimsProblem.SCHOLARSHIP_NOT_FOUND));
                Optional<Payout> existing = claims.payouts(tenant, claimId).stream()
                        .filter(p -> p.scholarshipId().equals(Optional.of(scholarshipId))).findFirst();
                if (existing.isPresent()) return repeated(existing.get(), valid.reference());
                if (year.status() != ScholarshipYear.Status.REQUESTED) throw new DomainProblem(ClaimsProblem.SCHOLARSHIP_NOT_REQUESTED);
                Payout payout = new Payout(UUID.randomUUID(), Optional.of(scholarshipId), valid.reference(), year.amount(),
                        valid.paidOn(), actor.subject(), java.time.OffsetDateTime.now());
                claims.insertPayout(tenant, claimId, payout);
                claims.markScholarshipYearPaid(tenant, scholarshipId);
                audit.record("claim.scholarship-paid", "claim", claimId, Map.of("scholarship", scholarshipId.toString(),
                        "amount", year.amount(), "paidOn", valid.paidOn().toString()));
                return new PaymentOutcome(payout, true);
            });
        } catch (DuplicateKeyException sameReferenceOrSameYear) {
            return afterConflict(tenant, claimId, Optional.of(scholarshipId), valid.reference());
        }
    }

    private record ValidPayment(String reference, LocalDate paidOn) {
    }

    private static ValidPayment validate(PaymentInput input) {
        String reference = input == null || input.reference() == null ? "" : input.reference().strip();
        LocalDate today = ClaimSupport.today();
        LocalDate paidOn = input == null || ClaimSupport.blank(input.paidOn()) ? today : ClaimFiling.date(input.paidOn());
        var checks = InvalidInput.checks();
        checks.require(reference.matches("[A-Za-z0-9][A-Za-z0-9./_-]{2,39}"), "reference", ClaimsProblem.PAYMENT_REFERENCE_INVALID);
        checks.require(paidOn != null, "paidOn", ClaimsProblem.PAID_ON_INVALID);
        if (paidOn != null) checks.require(!paidOn.isAfter(today), "paidOn", ClaimsProblem.PAID_ON_IN_FUTURE);
        checks.throwIfAny();
        return new ValidPayment(reference, paidOn);
    }

    private static PaymentOutcome repeated(Payout existing, String reference) {
        if (existing.reference().equals(reference)) return new PaymentOutcome(existing, false);
        throw new DomainProblem(ClaimsProblem.ALREADY_PAID, existing.paidOn().toString());
    }

    /** A unique key refused the payout: paid concurrently (answer as a repeat) or the reference belongs to another payment. */
    private PaymentOutcome afterConflict(TenantId tenant, UUID claimId, Optional<UUID> scholarshipId, String reference) {
        Optional<Payout> existing = transactions.readInTenant(tenant, () -> claims.payouts(tenant, claimId)).stream()
                .filter(p -> p.scholarshipId().equals(scholarshipId)).findFirst();
        if (existing.isPresent()) return repeated(existing.get(), reference);
        throw new DomainProblem(ClaimsProblem.REFERENCE_USED, Map.of("field", "reference"));
    }

    private static Assessment validate(AssessmentInput input) {
        var checks = InvalidInput.checks();
        String costsText = input == null || input.medicalCosts() == null ? "" : input.medicalCosts().replaceAll("[\\s.]", "");
        Long costs = costsText.isEmpty() ? Long.valueOf(0) : costsText.matches("[0-9]{1,11}") ? Long.valueOf(costsText) : null;
        checks.require(costs != null && costs <= MAX_MEDICAL_COSTS, "medicalCosts", ClaimsProblem.MEDICAL_COSTS_INVALID);
        Integer months = input == null || ClaimSupport.blank(input.incapacityMonths()) ? Integer.valueOf(0)
                : ClaimFiling.integer(input.incapacityMonths());
        checks.require(months != null && months <= 120, "incapacityMonths", ClaimsProblem.INCAPACITY_MONTHS_INVALID, 120);
        Disability disability = input == null ? null : ClaimFiling.parse(Disability.class, input.disability());
        checks.require(disability != null, "disability", ClaimsProblem.DISABILITY_INVALID);
        Integer percent = input == null ? null : ClaimFiling.integer(input.disabilityPercent());
        if (disability == Disability.PARTIAL) {
            checks.require(percent != null && percent >= 1 && percent <= 100, "disabilityPercent", ClaimsProblem.DISABILITY_PERCENT_INVALID);
        }
        checks.throwIfAny();
        return new Assessment(costs, months, disability, disability == Disability.PARTIAL ? Optional.of(percent) : Optional.empty());
    }

    private String labels(List<DocumentType> types) {
        var locale = LocaleContextHolder.getLocale();
        return types.stream().map(t -> messages.getMessage("document.type." + t.name(), null, t.name(), locale))
                .collect(Collectors.joining(", "));
    }
}
