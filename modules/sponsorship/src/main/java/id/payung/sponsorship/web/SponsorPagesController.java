package id.payung.sponsorship.web;

import id.payung.enrollment.HeirRelationship;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.sponsorship.AsnSponsorships;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.SponsoredRelationship;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The ASN sponsor's pages: his workers and deductions; adding a worker in two steps (check and read the
 * consent, then tick and save), ending a sponsorship, and the consent he gave.
 */
@Controller
class SponsorPagesController {

    private final AsnSponsorships sponsorships;
    private final WorkerRegistration workers;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;

    SponsorPagesController(AsnSponsorships sponsorships, WorkerRegistration workers, CurrentActor currentActor,
                           FormProblems formProblems, MessageSource messages) {
        this.sponsorships = sponsorships;
        this.workers = workers;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @GetMapping("/sponsorship/mine")
    String own() {
        return "redirect:/tenants/" + ownTenant() + "/my-sponsorships";
    }

    @GetMapping("/tenants/{tenantId}/my-sponsorships")
    String overview(@PathVariable String tenantId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant);
        var overview = sponsorships.overview(tenant);
        model.addAttribute("overview", overview);
        // Per funding, the worker's name for the per-worker amounts of each month.
        var names = new java.util.HashMap<String, String>();
        overview.workers().forEach(w -> names.put(w.funding().id().toString(), w.worker() == null ? "" : w.worker().name()));
        model.addAttribute("workerNames", names);
        model.addAttribute("currentMonth", FundingPrograms.currentMonth());
        model.addAttribute("thisMonth", FundingPrograms.currentMonth().toString());
        return "sponsor/overview";
    }

    @GetMapping("/tenants/{tenantId}/my-sponsorships/new")
    String newForm(@PathVariable String tenantId, Model model) {
        SponsorForm form = new SponsorForm();
        form.setFirstPeriod(FundingPrograms.currentMonth().toString());
        return formPage(TenantId.parse(tenantId), form, model);
    }

    @PostMapping("/tenants/{tenantId}/my-sponsorships/new")
    String submit(@PathVariable String tenantId, @ModelAttribute("form") SponsorForm form,
                  @RequestParam(defaultValue = "preview") String action, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        var locale = LocaleContextHolder.getLocale();
        if ("confirm".equals(action)) {
            try {
                sponsorships.start(tenant, form.toProposal(), form.getConsentSha256(), form.isConsent(), locale);
                redirect.addFlashAttribute("flash", message("sponsor.started"));
                return "redirect:/tenants/" + tenant + "/my-sponsorships";
            } catch (DomainProblem problem) {
                formProblems.addTo(model, "sponsor", problem);
                form.setConsent(false);
                // Show the consent again when the proposal itself is still sound (e.g. a heir field was wrong).
                tryPreview(tenant, form, model);
                return formPage(tenant, form, model);
            }
        }
        try {
            model.addAttribute("preview", sponsorships.preview(tenant, form.toProposal(), locale));
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "sponsor", problem);
        }
        form.setConsent(false);
        return formPage(tenant, form, model);
    }

    @PostMapping("/tenants/{tenantId}/my-sponsorships/{fundingId}/end")
    String end(@PathVariable String tenantId, @PathVariable UUID fundingId, @RequestParam(required = false) String fromPeriod,
               Model model, RedirectAttributes redirect) {
        try {
            sponsorships.end(TenantId.parse(tenantId), fundingId, fromPeriod);
            redirect.addFlashAttribute("flash", message("sponsor.ended"));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/my-sponsorships";
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "end-" + fundingId, problem);
            return overview(tenantId, model);
        }
    }

    @GetMapping("/tenants/{tenantId}/my-sponsorships/{fundingId}/consent")
    String consent(@PathVariable String tenantId, @PathVariable UUID fundingId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("consent", sponsorships.consent(tenant, fundingId));
        return "sponsor/consent";
    }

    private void tryPreview(TenantId tenant, SponsorForm form, Model model) {
        try {
            var preview = sponsorships.preview(tenant, form.toProposal(), LocaleContextHolder.getLocale());
            model.addAttribute("preview", preview);
        } catch (DomainProblem stillWrong) {
            // the reasons are already on the page
        }
    }

    private String formPage(TenantId tenant, SponsorForm form, Model model) {
        model.addAttribute("tenantId", tenant);
        model.addAttribute("form", form.withBlankHeirRows());
        model.addAttribute("relationships", SponsoredRelationship.values());
        model.addAttribute("heirRelationships", HeirRelationship.values());
        model.addAttribute("occupations", workers.occupations(tenant));
        model.addAttribute("incomeLevels", workers.incomeLevels(tenant));
        return "sponsor/new";
    }

    private TenantId ownTenant() {
        return currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
