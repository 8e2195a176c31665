package id.payung.platform.web;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/**
 * What every page's shell needs: who is signed in, which menus his roles may use, and whether to warn
 * that sign-in is switched off. Menus are only a convenience; the services enforce the permissions.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final boolean developerAccess;
    private final CurrentActor currentActor;

    ShellModelAdvice(Environment environment, CurrentActor currentActor) {
        this.developerAccess = environment.acceptsProfiles(Profiles.of("dev-no-auth"));
        this.currentActor = currentActor;
    }

    @ModelAttribute
    void shell(Model model) {
        model.addAttribute("developerAccess", developerAccess);
        Actor actor = currentActor.find().orElse(null);
        model.addAttribute("signedIn", actor != null);
        if (actor == null) return;
        model.addAttribute("actor", actor);
        model.addAttribute("menuTenants", actor.isUnrestricted() || actor.has(Role.BPJS_STAFF));
        model.addAttribute("menuClaims", actor.isUnrestricted() || actor.has(Role.BPJS_STAFF) || actor.has(Role.DISNAKER_OPERATOR)
                || actor.has(Role.ASN_SPONSOR) || actor.has(Role.KEPALA_DAERAH));
        model.addAttribute("myTenantId", actor.tenant().map(Object::toString).orElse(null));
        model.addAttribute("menuDashboard", actor.isUnrestricted() || !actor.roles().isEmpty());
        model.addAttribute("canSignOut", actor.kind() == Actor.Kind.PERSON);
    }
}
