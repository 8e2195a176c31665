package id.payung;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.PageRequest;
import id.payung.platform.Role;
import id.payung.tenancy.TenantAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;
import java.util.List;

/**
 * The front door: a public landing page, and once signed in a home made for the person's roles. It
 * lives in the application, above the modules, because it gathers a little from each of them.
 */
@Controller
class HomeController {

    private final TenantAdministration tenants;
    private final CurrentActor currentActor;

    HomeController(TenantAdministration tenants, CurrentActor currentActor) {
        this.tenants = tenants;
        this.currentActor = currentActor;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = currentActor.find().orElse(null);
        if (actor == null) return "landing";
        if (actor.kind() == Actor.Kind.PERSON && actor.roles().isEmpty() && actor.tenant().isEmpty()) {
            // Signed in through Keycloak but not yet anyone in Payung: an ASN completing his registration.
            return "redirect:/asn/registration";
        }
        List<String> roles = Arrays.stream(Role.values()).filter(actor::has).map(Role::realmRole).toList();
        model.addAttribute("roles", roles);
        actor.tenant().flatMap(tenants::find).ifPresent(tenant -> model.addAttribute("tenant", tenant));
        if (actor.has(Role.BPJS_STAFF) || actor.isUnrestricted()) {
            model.addAttribute("officeTenants", tenants.list(null, null, PageRequest.of(0, 10)));
        }
        model.addAttribute("unboundRoles", !actor.isUnrestricted() && actor.tenant().isEmpty() && !actor.has(Role.BPJS_STAFF));
        return "home";
    }
}
