package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.IdentityProvisioning;
import id.payung.platform.InvalidInput;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.AsnLinkApproved;
import id.payung.sponsorship.SponsorshipEvents.AsnLinkRefused;
import id.payung.sponsorship.SponsorshipEvents.AsnLinkRequested;
import id.payung.sponsorship.persistence.AsnLinkRows;
import id.payung.sponsorship.persistence.RosterRows;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import id.payung.tenancy.TenantStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ASN self-registration. A person who signed up in Keycloak (no Payung role, no pemda yet) picks his
 * pemda and OPD and enters his NIP and birth date. If the NIP is on that OPD's roster he is linked at
 * once: Payung makes him a member of the pemda's Keycloak Organization and grants him
 * {@code asn-sponsor}. Otherwise his request waits for the head of that OPD, who approves or refuses it.
 * The Keycloak changes run inside the database transaction, last: if Keycloak refuses, nothing is stored.
 */
@Service
public class AsnRegistration {

    private final AsnLinkRows links;
    private final RosterRows roster;
    private final OpdRegistry opds;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IdentityProvisioning provisioning;

    AsnRegistration(AsnLinkRows links, RosterRows roster, OpdRegistry opds, TenantAdministration tenants,
                    TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                    ApplicationEventPublisher events, IdentityProvisioning provisioning) {
        this.links = links;
        this.roster = roster;
        this.opds = opds;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.provisioning = provisioning;
    }

    /** What the registration form posts; text, so that nothing typed is lost when it is refused. */
    public record Application(String tenantId, String opdId, String nip, String birthDate) {
    }

    public record Outcome(AsnLink link, Tenant tenant) {
        public boolean approved() {
            return link.status() == AsnLink.Status.APPROVED;
        }
    }

    /** A pending request as its OPD head sees it, with the roster's name for the NIP when there is one. */
    public record PendingRequest(AsnLink link, Opd opd, Optional<RosterEntry> rosterEntry) {
    }

    /** The pemda a newcomer may choose. */
    public List<Tenant> pemdaChoices() {
        requireNewcomer();
        return tenants.activeTenants();
    }

    /** The active OPDs of the pemda the newcomer picked. */
    public List<Opd> opdChoices(TenantId tenant) {
        requireNewcomer();
        return transactions.inTenantAsApplicant(tenant, () -> {
            requireAvailable(tenant);
            return opds.active(tenant);
        });
    }

    public Outcome register(Application application) {
        Actor actor = requireNewcomer();
        var checks = InvalidInput.checks();
        TenantId tenantId = null;
        if (blank(application.tenantId())) checks.require(false, "tenantId", SponsorshipProblem.REQUIRED);
        else {
            try {
                tenantId = TenantId.parse(application.tenantId().strip());
            } catch (DomainProblem malformed) {
                checks.require(false, "tenantId", SponsorshipProblem.PEMDA_NOT_AVAILABLE);
            }
        }
        OpdId opdId = null;
        if (blank(application.opdId())) checks.require(false, "opdId", SponsorshipProblem.REQUIRED);
        else {
            try {
                opdId = OpdId.parse(application.opdId().strip());
            } catch (DomainProblem malformed) {
                checks.require(false, "opdId", SponsorshipProblem.OPD_NOT_OF_PEMDA);
            }
        }
        String nip = Nip.normalize(application.nip());
        if (nip.isEmpty()) checks.require(false, "nip", SponsorshipProblem.REQUIRED);
        else Nip.problemWith(nip, Nip.today()).ifPresent(p -> checks.require(false, "nip", p, nip));
        LocalDate birthDate = null;
        if (blank(application.birthDate())) checks.require(false, "birthDate", SponsorshipProblem.REQUIRED);
        else {
            try {
                birthDate = LocalDate.parse(application.birthDate().strip());
            } catch (DateTimeParseException e) {
                checks.require(false, "birthDate", SponsorshipProblem.BIRTH_DATE_INVALID);
            }
        }
        if (!checks.hasProblemWith("nip") && birthDate != null) {
            checks.require(new Nip(nip).birthDate().equals(birthDate), "birthDate", SponsorshipProblem.BIRTH_DATE_MISMATCH);
        }
        checks.throwIfAny();

        TenantId tenant = tenantId;
        OpdId chosenOpd = opdId;
        try {
            return transactions.inTenantAsApplicant(tenant, () -> {
                Tenant pemda = requireAvailable(tenant);
                Opd opd = opds.active(tenant).stream().filter(o -> o.id().equals(chosenOpd)).findFirst()
                        .orElseThrow(() -> new DomainProblem(SponsorshipProblem.OPD_NOT_OF_PEMDA, Map.of("field", "opdId"), pemda.name()));
                Optional<AsnLink> ofNip = links.liveByNip(tenant, nip);
                if (ofNip.isPresent() && !ofNip.get().subject().equals(actor.subject())) {
                    throw new DomainProblem(SponsorshipProblem.NIP_ALREADY_LINKED, Map.of("field", "nip"), nip);
                }
                Optional<AsnLink> ofAccount = links.liveBySubject(tenant, actor.subject());
                if (ofAccount.isPresent()) {
                    AsnLink own = ofAccount.get();
                    if (own.status() == AsnLink.Status.PENDING) {
                        throw new DomainProblem(SponsorshipProblem.REQUEST_ALREADY_PENDING, pemda.name());
                    }
                    if (!own.nip().equals(nip)) throw new DomainProblem(SponsorshipProblem.ACCOUNT_ALREADY_LINKED, pemda.name());
                    // Approved before, but the token still shows no role (e.g. Keycloak failed after commit): provision again.
                    provision(pemda, own.subject());
                    return new Outcome(own, pemda);
                }
                boolean onRoster = roster.findByNip(tenant, nip).filter(e -> e.opdId().equals(opd.id())).isPresent();
                UUID id = UUID.randomUUID();
                if (onRoster) {
                    links.insert(tenant, id, actor.subject(), nip, opd.id(), AsnLink.Status.APPROVED, "roster");
                    audit.record("asn-link.approved-from-roster", "asn-link", id, Map.of("opd", opd.code()));
                    events.publishEvent(new AsnLinkApproved(tenant, id));
                    provision(pemda, actor.subject());
                } else {
                    links.insert(tenant, id, actor.subject(), nip, opd.id(), AsnLink.Status.PENDING, null);
                    audit.record("asn-link.requested", "asn-link", id, Map.of("opd", opd.code()));
                    events.publishEvent(new AsnLinkRequested(tenant, id));
                }
                return new Outcome(links.find(tenant, id).orElseThrow(), pemda);
            });
        } catch (DuplicateKeyException concurrent) {
            throw new DomainProblem(SponsorshipProblem.NIP_ALREADY_LINKED, Map.of("field", "nip"), nip);
        }
    }

    /** The requests waiting for the current OPD head: those of his own OPD (all of them for developers). */
    public List<PendingRequest> pending(TenantId tenant) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD);
        return transactions.readInTenant(tenant, () -> {
            OpdId own = actor.isUnrestricted() ? null : opdHeadedBy(tenant, actor);
            Map<OpdId, Opd> opdsById = new java.util.HashMap<>();
            opds.active(tenant).forEach(o -> opdsById.put(o.id(), o));
            return links.pending(tenant, own).stream()
                    .map(l -> new PendingRequest(l, opdsById.get(l.opdId()), roster.findByNip(tenant, l.nip())))
                    .toList();
        });
    }

    public AsnLink approve(TenantId tenant, UUID linkId) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD);
        return transactions.inTenant(tenant, () -> {
            Tenant pemda = tenants.requireWritable(tenant);
            AsnLink link = pendingOfOwnOpd(tenant, linkId, actor);
            if (!links.decide(tenant, linkId, AsnLink.Status.APPROVED, actor.subject(), null)) {
                throw new DomainProblem(SponsorshipProblem.REQUEST_ALREADY_DECIDED);
            }
            audit.record("asn-link.approved", "asn-link", linkId);
            events.publishEvent(new AsnLinkApproved(tenant, linkId));
            provision(pemda, link.subject());
            return links.find(tenant, linkId).orElseThrow();
        });
    }

    public AsnLink refuse(TenantId tenant, UUID linkId, String reason) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD);
        String why = reason == null ? "" : reason.strip();
        InvalidInput.checks().require(why.length() >= 5 && why.length() <= 500, "reason", SponsorshipProblem.INVALID_REFUSAL_REASON, 5, 500)
                .throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            pendingOfOwnOpd(tenant, linkId, actor);
            if (!links.decide(tenant, linkId, AsnLink.Status.REFUSED, actor.subject(), why)) {
                throw new DomainProblem(SponsorshipProblem.REQUEST_ALREADY_DECIDED);
            }
            audit.record("asn-link.refused", "asn-link", linkId);
            events.publishEvent(new AsnLinkRefused(tenant, linkId));
            return links.find(tenant, linkId).orElseThrow();
        });
    }

    private AsnLink pendingOfOwnOpd(TenantId tenant, UUID linkId, Actor actor) {
        AsnLink link = links.find(tenant, linkId).orElseThrow(() -> new DomainProblem(SponsorshipProblem.REQUEST_NOT_FOUND));
        if (link.status() != AsnLink.Status.PENDING) throw new DomainProblem(SponsorshipProblem.REQUEST_ALREADY_DECIDED);
        if (!actor.isUnrestricted() && !link.opdId().equals(opdHeadedBy(tenant, actor))) {
            throw new DomainProblem(SponsorshipProblem.NOT_HEAD_OF_THIS_OPD);
        }
        return link;
    }

    /** An OPD head heads the OPD of his own approved ASN link. */
    private OpdId opdHeadedBy(TenantId tenant, Actor actor) {
        return links.liveBySubject(tenant, actor.subject()).filter(l -> l.status() == AsnLink.Status.APPROVED)
                .map(AsnLink::opdId)
                .orElseThrow(() -> new DomainProblem(SponsorshipProblem.NOT_HEAD_OF_THIS_OPD));
    }

    private void provision(Tenant pemda, String subject) {
        provisioning.addMember(TenantAdministration.organizationAlias(pemda.regionCode()), subject);
        provisioning.grantRealmRole(subject, Role.ASN_SPONSOR);
    }

    private Tenant requireAvailable(TenantId tenant) {
        return tenants.find(tenant).filter(t -> t.status() == TenantStatus.ACTIVE)
                .orElseThrow(() -> new DomainProblem(SponsorshipProblem.PEMDA_NOT_AVAILABLE, Map.of("field", "tenantId")));
    }

    /** Registration is for people who belong to no pemda and hold no Payung role yet. */
    private Actor requireNewcomer() {
        Actor actor = currentActor.get();
        if (actor.kind() == Actor.Kind.SYSTEM || actor.tenant().isPresent() || !actor.roles().isEmpty()) {
            throw new DomainProblem(SponsorshipProblem.ALREADY_MEMBER);
        }
        return actor;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
