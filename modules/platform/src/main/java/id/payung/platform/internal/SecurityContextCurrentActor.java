package id.payung.platform.internal;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PlatformProblem;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor is the principal of Spring Security's authentication on this thread. */
@Component
class SecurityContextCurrentActor implements CurrentActor {

    @Override
    public Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        throw new DomainProblem(PlatformProblem.FORBIDDEN);
    }
}
