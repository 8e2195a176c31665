package id.payung.platform.internal.security;

import id.payung.platform.Actor;
import id.payung.platform.ActorPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An API call's authentication: the verified bearer token and the Payung actor it stands for. */
final class ActorJwtAuthentication extends JwtAuthenticationToken implements ActorPrincipal {

    private final Actor actor;

    ActorJwtAuthentication(Jwt jwt, Actor actor) {
        super(jwt, actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.realmRole())).toList(), actor.subject());
        this.actor = actor;
    }

    @Override
    public Actor actor() {
        return actor;
    }
}
