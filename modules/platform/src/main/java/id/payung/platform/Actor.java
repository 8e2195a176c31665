package id.payung.platform;

import java.util.Optional;
import java.util.Set;

/**
 * Who is acting. People hold roles, are bound to one tenant (everyone but BPJS staff) or to a BPJS
 * office; the system actor stands for Payung itself (event listeners, demo data, migrations).
 */
public record Actor(String subject, String displayName, Set<Role> roles, Optional<TenantId> tenant,
                    Optional<String> bpjsOffice, Kind kind) {

    public enum Kind { PERSON, SYSTEM, DEVELOPER }

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor system(String purpose) {
        return new Actor("system:" + purpose, "Payung (" + purpose + ")", Set.of(), Optional.empty(),
                Optional.empty(), Kind.SYSTEM);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Refuses the action unless the actor holds one of the roles (system and developer always pass). */
    public void requireAnyOf(Role... allowed) {
        if (isUnrestricted()) return;
        for (Role role : allowed) {
            if (roles.contains(role)) return;
        }
        throw new DomainProblem(PlatformProblem.FORBIDDEN);
    }

    /** System and developer actors are trusted with every tenant; people are checked against the data. */
    public boolean isUnrestricted() {
        return kind != Kind.PERSON;
    }
}
