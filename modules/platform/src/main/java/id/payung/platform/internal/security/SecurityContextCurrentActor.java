package id.payung.platform.internal.security;

import id.payung.platform.Actor;
import id.payung.platform.ActorPrincipal;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PlatformProblem;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor is carried by Spring Security's authentication on this thread. */
@Component
class SecurityContextCurrentActor implements CurrentActor {

    @Override
    public Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ActorPrincipal principal) return principal.actor();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) return principal.actor();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) return actor;
        throw new DomainProblem(PlatformProblem.FORBIDDEN);
    }
}
