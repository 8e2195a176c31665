package id.payung.sponsorship.web;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.OpdParticipation;
import id.payung.sponsorship.OpdParticipation.OpdStanding;
import id.payung.tenancy.SponsorshipPolicies;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The head of region's OPD ranking with the sponsorship policy (tenancy's), and each OPD head's own OPD. */
@Controller
class ParticipationPagesController {

    private final OpdParticipation participation;
    private final SponsorshipPolicies policies;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;

    ParticipationPagesController(OpdParticipation participation, SponsorshipPolicies policies, CurrentActor currentActor,
                                 FormProblems formProblems, MessageSource messages) {
        this.participation = participation;
        this.policies = policies;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @GetMapping("/sponsorship/participation")
    String own() {
        return "redirect:/tenants/" + ownTenant() + "/opd-participation";
    }

    @GetMapping("/sponsorship/my-opd")
    String ownOpd() {
        return "redirect:/tenants/" + ownTenant() + "/opd-participation/mine";
    }

    @GetMapping("/tenants/{tenantId}/opd-participation")
    String ranking(@PathVariable String tenantId, @RequestParam(required = false) String month, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        YearMonth at = month(month);
        List<OpdStanding> ranking = participation.ranking(tenant, at);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("month", at);
        model.addAttribute("ranking", ranking);
        model.addAttribute("totals", Map.of(
                "asn", ranking.stream().mapToInt(OpdStanding::asn).sum(),
                "takingPart", ranking.stream().mapToInt(OpdStanding::asnTakingPart).sum(),
                "sponsored", ranking.stream().mapToInt(OpdStanding::sponsoredWorkers).sum()));
        model.addAttribute("policy", policies.inForce(tenant, at).orElse(null));
        model.addAttribute("policies", policies.history(tenant));
        Actor actor = currentActor.get();
        model.addAttribute("maySetPolicy", actor.isUnrestricted() || actor.has(Role.KEPALA_DAERAH));
        if (!model.containsAttribute("policyForm")) {
            model.addAttribute("policyForm", Map.of("validFrom", FundingPrograms.currentMonth().plusMonths(1).toString(), "minimumWorkers", "1"));
        }
        return "participation/ranking";
    }

    @PostMapping("/tenants/{tenantId}/sponsorship-policy")
    String setPolicy(@PathVariable String tenantId, @RequestParam(required = false) String validFrom,
                     @RequestParam(required = false) String minimumWorkers, Model model, RedirectAttributes redirect) {
        try {
            policies.set(TenantId.parse(tenantId), validFrom, minimumWorkers);
            redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/opd-participation";
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "policy", problem);
            model.addAttribute("policyForm", Map.of("validFrom", validFrom == null ? "" : validFrom,
                    "minimumWorkers", minimumWorkers == null ? "" : minimumWorkers));
            return ranking(tenantId, null, model);
        }
    }

    @GetMapping("/tenants/{tenantId}/opd-participation/mine")
    String mine(@PathVariable String tenantId, @RequestParam(required = false) String month, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        YearMonth at = month(month);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("month", at);
        model.addAttribute("own", participation.ownOpd(tenant, at));
        model.addAttribute("policy", policies.inForce(tenant, at).orElse(null));
        return "participation/own";
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) return FundingPrograms.currentMonth();
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return FundingPrograms.currentMonth();
        }
    }

    private TenantId ownTenant() {
        return currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
    }
}
