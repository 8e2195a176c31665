package id.payung.sponsorship.web;

import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.IdentityProvisioning;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.sponsorship.AsnRegistration;
import id.payung.sponsorship.AsnRegistration.Application;
import id.payung.sponsorship.AsnRoster;
import id.payung.sponsorship.AsnRoster.EntryDetails;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Pages for ASN self-registration, the Disnaker operator's roster and the OPD head's decisions. */
@Controller
class AsnPagesController {

    /** Where a person goes to sign in again, so that his session carries the role and pemda just granted. */
    static final String SIGN_IN_AGAIN = "/oauth2/authorization/keycloak";

    private final AsnRegistration registration;
    private final AsnRoster roster;
    private final CurrentActor currentActor;
    private final IdentityProvisioning provisioning;
    private final FormProblems formProblems;
    private final MessageSource messages;

    AsnPagesController(AsnRegistration registration, AsnRoster roster, CurrentActor currentActor,
                       IdentityProvisioning provisioning, FormProblems formProblems, MessageSource messages) {
        this.registration = registration;
        this.roster = roster;
        this.currentActor = currentActor;
        this.provisioning = provisioning;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    // --- self-registration ---------------------------------------------------------------------------

    @GetMapping("/asn/registration")
    String registrationForm(@RequestParam(required = false) String tenantId, Model model) {
        return registrationPage(new Application(tenantId == null ? "" : tenantId, "", "", ""), model);
    }

    @PostMapping("/asn/registration")
    String register(@ModelAttribute("form") Application form, Model model, RedirectAttributes redirect) {
        try {
            var outcome = registration.register(form);
            if (outcome.approved()) {
                if (provisioning.isEnabled()) return "redirect:" + SIGN_IN_AGAIN;
                redirect.addFlashAttribute("flash", message("asn.registration.approved", outcome.tenant().name()));
            } else {
                redirect.addFlashAttribute("flash", message("asn.registration.pending", outcome.tenant().name()));
            }
            return "redirect:/asn/registration";
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "registration", problem);
            return registrationPage(form, model);
        }
    }

    private String registrationPage(Application form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("pemdas", List.of());
        model.addAttribute("opds", List.of());
        try {
            model.addAttribute("pemdas", registration.pemdaChoices());
            if (form.tenantId() != null && !form.tenantId().isBlank()) {
                model.addAttribute("opds", registration.opdChoices(TenantId.parse(form.tenantId().strip())));
            }
        } catch (DomainProblem problem) {
            if (!model.containsAttribute("formError")) formProblems.addTo(model, "registration", problem);
        }
        return "asn/registration";
    }

    // --- roster (Disnaker operator) ------------------------------------------------------------------

    @GetMapping("/asn/roster")
    String ownRoster() {
        return "redirect:/tenants/" + ownTenant() + "/asn-roster";
    }

    @GetMapping("/tenants/{tenantId}/asn-roster")
    String roster(@PathVariable String tenantId, @RequestParam(required = false) String q,
                  @RequestParam(required = false) Integer page, Model model) {
        TenantId id = TenantId.parse(tenantId);
        model.addAttribute("tenantId", id);
        model.addAttribute("entries", roster.list(id, q, PageRequest.of(page, 50)));
        var opds = roster.opds(id);
        model.addAttribute("opds", opds);
        model.addAttribute("opdNames", opds.stream().collect(java.util.stream.Collectors.toMap(o -> o.id().toString(), o -> o.name())));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("baseUrl", "/tenants/" + id + "/asn-roster");
        return "asn/roster";
    }

    @PostMapping("/tenants/{tenantId}/asn-roster")
    String addToRoster(@PathVariable String tenantId, @RequestParam String nip, @RequestParam String name,
                       @RequestParam(required = false) String opdId, Model model, RedirectAttributes redirect) {
        model.addAttribute("added", Map.of("nip", nip, "name", name, "opdId", opdId == null ? "" : opdId));
        return onRoster(tenantId, "roster-add", model, redirect, () -> roster.add(TenantId.parse(tenantId), new EntryDetails(nip, name, opdId)));
    }

    @PostMapping("/tenants/{tenantId}/asn-roster/{entryId}/removal")
    String removeFromRoster(@PathVariable String tenantId, @PathVariable UUID entryId, Model model, RedirectAttributes redirect) {
        return onRoster(tenantId, "roster-remove", model, redirect, () -> {
            roster.remove(TenantId.parse(tenantId), entryId);
            return null;
        });
    }

    @PostMapping("/tenants/{tenantId}/asn-roster/import")
    String importRoster(@PathVariable String tenantId, @RequestParam("file") MultipartFile file, Model model,
                        RedirectAttributes redirect) throws IOException {
        try {
            var result = RosterFiles.importFile(roster, TenantId.parse(tenantId), file);
            redirect.addFlashAttribute("flash", message("asn.roster.imported", result.rows(), result.stored()));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/asn-roster";
        } catch (AsnRoster.ImportRefused refused) {
            formProblems.addTo(model, "roster-import", refused);
            var locale = LocaleContextHolder.getLocale();
            model.addAttribute("importProblems", refused.rows().stream().map(r -> Map.of(
                    "line", message("asn.roster.line", r.line()),
                    "column", r.column(),
                    "message", messages.getMessage("problem." + r.type().slug() + ".detail", r.arguments().toArray(), locale))).toList());
            return roster(tenantId, null, null, model);
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "roster-import", problem);
            return roster(tenantId, null, null, model);
        }
    }

    private String onRoster(String tenantId, String form, Model model, RedirectAttributes redirect, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", message("common.saved"));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/asn-roster";
        } catch (DomainProblem problem) {
            formProblems.addTo(model, form, problem);
            return roster(tenantId, null, null, model);
        }
    }

    // --- requests (OPD head) -------------------------------------------------------------------------

    @GetMapping("/asn/requests")
    String ownRequests() {
        return "redirect:/tenants/" + ownTenant() + "/asn-requests";
    }

    @GetMapping("/tenants/{tenantId}/asn-requests")
    String requests(@PathVariable String tenantId, Model model) {
        TenantId id = TenantId.parse(tenantId);
        model.addAttribute("tenantId", id);
        model.addAttribute("requests", registration.pending(id));
        return "asn/requests";
    }

    @PostMapping("/tenants/{tenantId}/asn-requests/{linkId}/approval")
    String approve(@PathVariable String tenantId, @PathVariable UUID linkId, Model model, RedirectAttributes redirect) {
        return onRequests(tenantId, "request-" + linkId, model, redirect, () -> registration.approve(TenantId.parse(tenantId), linkId));
    }

    @PostMapping("/tenants/{tenantId}/asn-requests/{linkId}/refusal")
    String refuse(@PathVariable String tenantId, @PathVariable UUID linkId, @RequestParam(required = false) String reason,
                  Model model, RedirectAttributes redirect) {
        return onRequests(tenantId, "request-" + linkId, model, redirect, () -> registration.refuse(TenantId.parse(tenantId), linkId, reason));
    }

    private String onRequests(String tenantId, String form, Model model, RedirectAttributes redirect, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", message("common.saved"));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/asn-requests";
        } catch (DomainProblem problem) {
            formProblems.addTo(model, form, problem);
            return requests(tenantId, model);
        }
    }

    private TenantId ownTenant() {
        return currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
