package id.payung.tenancy.web;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import id.payung.tenancy.TenantAdministration.OnboardTenant;
import id.payung.tenancy.TenantStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.util.function.Supplier;

/** Server-rendered pages for onboarding pemda and keeping their registry entry and OPD list. */
@Controller
@RequestMapping("/tenants")
class TenantPagesController {

    private final TenantAdministration administration;
    private final OpdRegistry opdRegistry;
    private final FormProblems formProblems;
    private final MessageSource messages;
    private final CurrentActor currentActor;

    TenantPagesController(TenantAdministration administration, OpdRegistry opdRegistry, FormProblems formProblems,
                          MessageSource messages, CurrentActor currentActor) {
        this.administration = administration;
        this.opdRegistry = opdRegistry;
        this.formProblems = formProblems;
        this.messages = messages;
        this.currentActor = currentActor;
    }

    /** Which forms to show; the services refuse the same actions for everyone else anyway. */
    private void addPermissions(Model model) {
        Actor actor = currentActor.get();
        boolean administers = actor.isUnrestricted() || actor.has(Role.BPJS_STAFF);
        model.addAttribute("canAdminister", administers);
        model.addAttribute("canSetTarget", administers || actor.has(Role.KEPALA_DAERAH));
        model.addAttribute("canEditOpds", administers || actor.has(Role.DISNAKER_OPERATOR));
    }

    /** What the onboarding form posts; text fields so that nothing typed is lost when it is refused. */
    record OnboardForm(String regionCode, String bpjsOfficeCode, String bpjsOfficeName, String coverageTargetPercent,
                       String potentialWorkers) {
        static OnboardForm empty() {
            return new OnboardForm("", "", "", "", "");
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) TenantStatus status,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("tenants", administration.list(q, status, PageRequest.of(page, 20)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", TenantStatus.values());
        addPermissions(model);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/tenants").queryParamIfPresent("q", java.util.Optional.ofNullable(q))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status)).build().toUriString());
        return "tenants/list";
    }

    @GetMapping("/new")
    String onboardForm(Model model) {
        model.addAttribute("form", OnboardForm.empty());
        return "tenants/new";
    }

    @PostMapping
    String onboard(@ModelAttribute("form") OnboardForm form, Model model, RedirectAttributes redirect) {
        try {
            Tenant tenant = administration.onboard(new OnboardTenant(form.regionCode(), form.bpjsOfficeCode(),
                    form.bpjsOfficeName(), decimal(form.coverageTargetPercent()),
                    wholeNumber(form.potentialWorkers())));
            redirect.addFlashAttribute("flash", message("tenant.onboarded", tenant.name()));
            return "redirect:/tenants/" + tenant.id();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "onboard", problem);
            return "tenants/new";
        }
    }

    @GetMapping("/{tenantId}")
    String detail(@PathVariable String tenantId, @RequestParam(required = false) String opdQ,
                  @RequestParam(defaultValue = "false") boolean showInactive,
                  @RequestParam(required = false) Integer page, Model model) {
        TenantId id = TenantId.parse(tenantId);
        model.addAttribute("tenant", administration.get(id));
        model.addAttribute("opds", opdRegistry.list(id, opdQ, showInactive, PageRequest.of(page, 25)));
        model.addAttribute("opdQ", opdQ == null ? "" : opdQ);
        model.addAttribute("showInactive", showInactive);
        model.addAttribute("history", administration.history(id));
        addPermissions(model);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/tenants/" + id)
                .queryParamIfPresent("opdQ", java.util.Optional.ofNullable(opdQ).filter(s -> !s.isBlank()))
                .queryParam("showInactive", showInactive).build().toUriString());
        return "tenants/detail";
    }

    @PostMapping("/{tenantId}/office")
    String changeOffice(@PathVariable String tenantId, @RequestParam String code, @RequestParam String name,
                        Model model, RedirectAttributes redirect) {
        return act(tenantId, "office", model, redirect, () -> administration.changeBpjsOffice(TenantId.parse(tenantId), code, name));
    }

    @PostMapping("/{tenantId}/target")
    String setTarget(@PathVariable String tenantId, @RequestParam String coverageTargetPercent,
                     @RequestParam String potentialWorkers, Model model, RedirectAttributes redirect) {
        return act(tenantId, "target", model, redirect, () -> administration.setTarget(TenantId.parse(tenantId),
                decimal(coverageTargetPercent), wholeNumber(potentialWorkers)));
    }

    @PostMapping("/{tenantId}/suspension")
    String suspend(@PathVariable String tenantId, @RequestParam String reason, Model model, RedirectAttributes redirect) {
        return act(tenantId, "suspend", model, redirect, () -> administration.suspend(TenantId.parse(tenantId), reason));
    }

    @PostMapping("/{tenantId}/reactivation")
    String reactivate(@PathVariable String tenantId, Model model, RedirectAttributes redirect) {
        return act(tenantId, "reactivate", model, redirect, () -> administration.reactivate(TenantId.parse(tenantId)));
    }

    @PostMapping("/{tenantId}/opds")
    String registerOpd(@PathVariable String tenantId, @RequestParam String code, @RequestParam String name,
                       Model model, RedirectAttributes redirect) {
        return act(tenantId, "opd-add", model, redirect,
                () -> opdRegistry.register(TenantId.parse(tenantId), new OpdDetails(code, name)));
    }

    @PostMapping("/{tenantId}/opds/{opdId}")
    String updateOpd(@PathVariable String tenantId, @PathVariable String opdId, @RequestParam String code,
                     @RequestParam String name, Model model, RedirectAttributes redirect) {
        return act(tenantId, "opd-" + opdId, model, redirect,
                () -> opdRegistry.update(TenantId.parse(tenantId), OpdId.parse(opdId), new OpdDetails(code, name)));
    }

    @PostMapping("/{tenantId}/opds/{opdId}/active")
    String setOpdActive(@PathVariable String tenantId, @PathVariable String opdId, @RequestParam boolean active,
                        Model model, RedirectAttributes redirect) {
        return act(tenantId, "opd-" + opdId, model, redirect,
                () -> opdRegistry.setActive(TenantId.parse(tenantId), OpdId.parse(opdId), active));
    }

    /** Runs a change; on success back to the page with a note, on refusal the page again with the reasons. */
    private String act(String tenantId, String form, Model model, RedirectAttributes redirect, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", message("common.saved"));
            return "redirect:/tenants/" + TenantId.parse(tenantId);
        } catch (DomainProblem problem) {
            formProblems.addTo(model, form, problem);
            return detail(tenantId, null, false, null, model);
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /*
     * Text a user typed into a number field. What does not parse is handed to the service as a value it
     * refuses (-1), so the page lists this problem together with every other one of the same command.
     */
    private static final BigDecimal UNPARSEABLE_DECIMAL = BigDecimal.valueOf(-1);
    private static final long UNPARSEABLE_WHOLE_NUMBER = -1;

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return UNPARSEABLE_DECIMAL;
        }
    }

    private static Long wholeNumber(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Long.parseLong(text.strip().replace(".", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return UNPARSEABLE_WHOLE_NUMBER;
        }
    }
}
