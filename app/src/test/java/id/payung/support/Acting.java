package id.payung.support;

import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Runs test code as a signed-in person, the way the security filters would leave the thread. */
public final class Acting {

    public static Actor person(String subject, Optional<TenantId> tenant, Role... roles) {
        return new Actor(subject, "Orang " + subject, Set.of(roles), tenant, Optional.empty(), Actor.Kind.PERSON);
    }

    /** A freshly self-registered person: signed in, no Payung role, no tenant. */
    public static Actor newcomer(String subject) {
        return person(subject, Optional.empty());
    }

    public static <T> T as(Actor actor, Supplier<T> work) {
        return SystemWork.callAs(actor, work);
    }

    public static void run(Actor actor, Runnable work) {
        as(actor, () -> {
            work.run();
            return null;
        });
    }

    private Acting() {
    }
}
