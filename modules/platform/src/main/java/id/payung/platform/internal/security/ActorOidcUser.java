package id.payung.platform.internal.security;

import id.payung.platform.Actor;
import id.payung.platform.ActorPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;

/** A browser session's user: the OIDC user Keycloak signed in, with the Payung actor it stands for. */
final class ActorOidcUser extends DefaultOidcUser implements ActorPrincipal {

    private final Actor actor;

    ActorOidcUser(OidcUser user, Collection<? extends GrantedAuthority> authorities, Actor actor) {
        super(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        this.actor = actor;
    }

    @Override
    public Actor actor() {
        return actor;
    }
}
