package id.payung.platform.internal.security;

import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.TenantDirectory;
import id.payung.platform.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the claims of a Keycloak token into a Payung actor: realm roles from {@code roles}, the tenant
 * from the single {@code organization} alias, the BPJS office from {@code bpjs_office}. Anything that
 * does not fit (a tenant role without exactly one known organization) yields no tenant, so the person
 * reaches no tenant's data.
 */
@Component
class TokenActors {

    private final ObjectProvider<TenantDirectory> directory;

    TokenActors(ObjectProvider<TenantDirectory> directory) {
        this.directory = directory;
    }

    Actor fromClaims(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claims.get("roles"))) {
            Role.ofRealmRole(name).ifPresent(roles::add);
        }
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            for (String name : strings(realmAccess.get("roles"))) {
                Role.ofRealmRole(name).ifPresent(roles::add);
            }
        }
        List<String> organizations = organizations(claims.get("organization"));
        Optional<TenantId> tenant = organizations.size() == 1
                ? directory.getObject().tenantOfOrganization(organizations.getFirst())
                : Optional.empty();
        Optional<String> office = roles.contains(Role.BPJS_STAFF)
                ? Optional.ofNullable(claims.get("bpjs_office")).map(Object::toString).filter(s -> !s.isBlank())
                : Optional.empty();
        String subject = String.valueOf(claims.get("sub"));
        String name = Optional.ofNullable(claims.get("name")).or(() -> Optional.ofNullable(claims.get("preferred_username")))
                .map(Object::toString).orElse(subject);
        return new Actor(subject, name, roles, tenant, office, Actor.Kind.PERSON);
    }

    /** Keycloak writes the organization claim as a list of aliases, or as a map keyed by alias. */
    private static List<String> organizations(Object claim) {
        if (claim instanceof Map<?, ?> map) return map.keySet().stream().map(Object::toString).toList();
        return strings(claim);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) return values.stream().map(Object::toString).toList();
        if (claim instanceof String value) return List.of(value);
        return List.of();
    }
}
