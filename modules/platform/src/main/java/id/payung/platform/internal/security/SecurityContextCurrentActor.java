package id.payung.platform.internal.security;

import id.payung.platform.Actor;
import id.payung.platform.ActorPrincipal;
import id.payung.platform.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The actor is carried by Spring Security's authentication on this thread. */
@Component
class SecurityContextCurrentActor implements CurrentActor {

    @Override
    public Optional<Actor> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) return Optional.empty();
        if (authentication instanceof ActorPrincipal principal) return Optional.of(principal.actor());
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) return Optional.of(principal.actor());
        if (authentication.getPrincipal() instanceof Actor actor) return Optional.of(actor);
        return Optional.empty();
    }
}
