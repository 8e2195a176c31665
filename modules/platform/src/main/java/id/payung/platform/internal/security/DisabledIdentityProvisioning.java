package id.payung.platform.internal.security;

import id.payung.platform.IdentityProvisioning;
import id.payung.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** Provisioning switched off by configuration: every call is logged as skipped, nothing is pretended. */
final class DisabledIdentityProvisioning implements IdentityProvisioning {

    private static final Logger log = LoggerFactory.getLogger(DisabledIdentityProvisioning.class);

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public Optional<String> createOrganization(String alias, String name, Map<String, String> attributes) {
        log.warn("Identity provisioning disabled (payung.keycloak.provisioning=disabled): skipped creating organization {}", alias);
        return Optional.empty();
    }

    @Override
    public void addMember(String organizationAlias, String userId) {
        log.warn("Identity provisioning disabled: skipped adding user {} to organization {}", userId, organizationAlias);
    }

    @Override
    public void grantRealmRole(String userId, Role role) {
        log.warn("Identity provisioning disabled: skipped granting {} to user {}", role.realmRole(), userId);
    }
}
