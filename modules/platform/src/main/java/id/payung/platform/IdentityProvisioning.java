package id.payung.platform;

import java.util.Map;
import java.util.Optional;

/**
 * What Payung changes in its identity provider (the Keycloak realm) at run time: one Organization per
 * tenant, people's membership in it and their Payung realm roles. Every call is idempotent, so a retried
 * event or a second click does no harm. When the identity provider cannot be reached or refuses, the
 * call fails with {@link PlatformProblem#IDENTITY_UNAVAILABLE} and the caller's transaction rolls back.
 *
 * <p>Provisioning can be switched off ({@code payung.keycloak.provisioning=disabled}, only in the
 * {@code dev-no-auth} profile, where nobody signs in): then {@link #isEnabled()} is false and every call
 * is logged as skipped; nothing pretends to have happened.
 */
public interface IdentityProvisioning {

    /** False when provisioning is switched off by configuration. */
    boolean isEnabled();

    /**
     * Creates the organization, or finds the existing one with this alias.
     *
     * @param alias      the organization alias: a pemda's region code digits ({@code 3272})
     * @param name       its display name, the pemda's name
     * @param attributes single-valued attributes ({@code region_code}, {@code kind}, {@code bpjs_office})
     * @return the organization's id in the identity provider; empty when provisioning is switched off
     */
    Optional<String> createOrganization(String alias, String name, Map<String, String> attributes);

    /** Makes the user (Keycloak user id = token {@code sub}) a member of the organization; a member stays one. */
    void addMember(String organizationAlias, String userId);

    /** Grants the user the Payung realm role; a role already held stays held. */
    void grantRealmRole(String userId, Role role);
}
