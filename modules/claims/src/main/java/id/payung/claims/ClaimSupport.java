package id.payung.claims;

import id.payung.claims.persistence.ClaimRows;
import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.tenancy.Region;
import id.payung.tenancy.Regions;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who may do what with claims, and the few lookups every claims service needs. */
@Component
class ClaimSupport {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** Report a claim, add its documents, follow it, ask for a later scholarship year. */
    static final Role[] MAY_REPORT = {Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    /** See the pemda's claims without personal data (lists, figures). */
    static final Role[] MAY_LIST = {Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF, Role.KEPALA_DAERAH};
    /** The pemda's figures: counts, amounts, time to pay. */
    static final Role[] MAY_SEE_FIGURES = {Role.DISNAKER_OPERATOR, Role.BPJS_STAFF, Role.KEPALA_DAERAH};
    /** Open the documents (personal and health data): who checks them and who files for workers without a sponsor. */
    static final Role[] MAY_OPEN_DOCUMENTS = {Role.BPJS_STAFF, Role.DISNAKER_OPERATOR};
    /** Check documents, assess, decide, pay. */
    static final Role[] MAY_HANDLE = {Role.BPJS_STAFF};

    private final ClaimRows claims;
    private final Regions regions;
    private volatile Set<String> provinces;

    ClaimSupport(ClaimRows claims, Regions regions) {
        this.claims = claims;
        this.regions = regions;
    }

    static LocalDate today() {
        return LocalDate.now(JAKARTA);
    }

    static boolean mayAny(Actor actor, Role... roles) {
        if (actor.isUnrestricted()) return true;
        for (Role role : roles) if (actor.has(role)) return true;
        return false;
    }

    /** An ASN sponsor follows the claims he reported; the other roles see all claims of the pemda. */
    static Optional<String> onlyOwn(Actor actor) {
        boolean seesAll = mayAny(actor, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF, Role.KEPALA_DAERAH);
        return seesAll ? Optional.empty() : Optional.of(actor.subject());
    }

    /** The claim, if the actor may see it; otherwise not found, so nothing is learnt about it. Inside a tenant transaction. */
    Claim visibleClaim(Actor actor, TenantId tenant, UUID claimId) {
        return claims.find(tenant, claimId).filter(c -> onlyOwn(actor).map(c.reportedBy()::equals).orElse(true))
                .orElseThrow(() -> new DomainProblem(ClaimsProblem.CLAIM_NOT_FOUND));
    }

    /** The claim locked for a change, if the actor may see it. Inside a tenant transaction. */
    Claim lockedClaim(Actor actor, TenantId tenant, UUID claimId) {
        return claims.lock(tenant, claimId).filter(c -> onlyOwn(actor).map(c.reportedBy()::equals).orElse(true))
                .orElseThrow(() -> new DomainProblem(ClaimsProblem.CLAIM_NOT_FOUND));
    }

    boolean provinceExists(String twoDigits) {
        Set<String> known = provinces;
        if (known == null) {
            known = regions.provinces().stream().map(Region::code).map(c -> c.value()).collect(Collectors.toUnmodifiableSet());
            provinces = known;
        }
        return known.contains(twoDigits);
    }

    static UUID parseId(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
