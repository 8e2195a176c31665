package id.payung.platform;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/** Runs work as Payung itself (demo data, scheduled jobs, event listeners): audited as the system. */
public final class SystemWork {

    public static <T> T call(String purpose, Supplier<T> work) {
        return callAs(Actor.system(purpose), work);
    }

    /** Runs work as a given actor: for demo data that must pass through a person's own path. */
    public static <T> T callAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(String purpose, Runnable work) {
        call(purpose, () -> {
            work.run();
            return null;
        });
    }

    /** An authentication whose principal is a Payung {@link Actor}. */
    public static final class ActorAuthentication extends AbstractAuthenticationToken {

        private final Actor actor;

        public ActorAuthentication(Actor actor) {
            super(List.of());
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Actor getPrincipal() {
            return actor;
        }
    }

    private SystemWork() {
    }
}
