package id.payung.sponsorship.web;

import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.sponsorship.CycleSettings;
import id.payung.sponsorship.DeductionColumn;
import id.payung.sponsorship.DoubleFunding;
import id.payung.sponsorship.Invoices;
import id.payung.sponsorship.MonthlyCycle;
import id.payung.sponsorship.ReactivationRule;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Disnaker operator's pages of the monthly cycle (BPJS staff read them): a period's overview with its
 * runs, dues per program, invoices and lists; a run's progress (refreshes itself); double funding; settings.
 */
@Controller
class CyclePagesController {

    private final MonthlyCycle cycle;
    private final Invoices invoices;
    private final DoubleFunding doubleFunding;
    private final CycleSettings settings;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;

    CyclePagesController(MonthlyCycle cycle, Invoices invoices, DoubleFunding doubleFunding, CycleSettings settings,
                         CurrentActor currentActor, FormProblems formProblems, MessageSource messages) {
        this.cycle = cycle;
        this.invoices = invoices;
        this.doubleFunding = doubleFunding;
        this.settings = settings;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @GetMapping("/contribution-cycle")
    String own() {
        TenantId tenant = currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
        return "redirect:/tenants/" + tenant + "/contribution-cycle";
    }

    @GetMapping("/tenants/{tenantId}/contribution-cycle")
    String overview(@PathVariable String tenantId, @RequestParam(required = false) String period, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        var overview = cycle.overview(tenant, period);
        model.addAttribute("overview", overview);
        model.addAttribute("runs", cycle.runs(tenant, null));
        var actor = currentActor.get();
        model.addAttribute("operator", actor.isUnrestricted() || actor.has(Role.DISNAKER_OPERATOR));
        return "cycle/overview";
    }

    @PostMapping("/tenants/{tenantId}/contribution-cycle/runs")
    String start(@PathVariable String tenantId, @RequestParam(required = false) String period, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            var run = cycle.start(tenant, period);
            redirect.addFlashAttribute("flash", message("cycle.started", run.period()));
            return "redirect:/tenants/" + tenant + "/contribution-cycle/runs/" + run.id();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "start", problem);
            return overview(tenantId, safePeriod(period), model);
        }
    }

    @GetMapping("/tenants/{tenantId}/contribution-cycle/runs/{runId}")
    String run(@PathVariable String tenantId, @PathVariable UUID runId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("run", cycle.run(tenant, runId));
        return "cycle/run";
    }

    @PostMapping("/tenants/{tenantId}/contribution-cycle/closure")
    String close(@PathVariable String tenantId, @RequestParam(required = false) String period, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            var overview = cycle.close(tenant, period);
            redirect.addFlashAttribute("flash", message("cycle.closedNow", overview.period()));
            return "redirect:/tenants/" + tenant + "/contribution-cycle?period=" + overview.period();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "close", problem);
            return overview(tenantId, safePeriod(period), model);
        }
    }

    @PostMapping("/tenants/{tenantId}/invoices")
    String issue(@PathVariable String tenantId, @RequestParam(required = false) String programId,
                 @RequestParam(required = false) String period, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            var invoice = invoices.issue(tenant, programId, period);
            redirect.addFlashAttribute("flash", message("cycle.invoice.issued", invoice.number()));
            return "redirect:/tenants/" + tenant + "/contribution-cycle?period=" + invoice.period();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "invoice-" + programId, problem);
            return overview(tenantId, safePeriod(period), model);
        }
    }

    @GetMapping("/tenants/{tenantId}/double-funding")
    String doubleFunding(@PathVariable String tenantId, @RequestParam(required = false) String period,
                         @RequestParam(required = false) Integer page, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        var report = doubleFunding.report(tenant, period, PageRequest.of(page, 50));
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("report", report);
        model.addAttribute("baseUrl", "/tenants/" + tenant + "/double-funding?period=" + report.period());
        return "cycle/double-funding";
    }

    @GetMapping("/tenants/{tenantId}/contribution-settings")
    String settings(@PathVariable String tenantId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        var current = settings.get(tenant);
        Map<String, String> positions = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (DeductionColumn column : DeductionColumn.values()) {
            positions.put(column.name(), "");
            headers.put(column.name(), column.defaultHeader());
        }
        for (int i = 0; i < current.layout().size(); i++) {
            var column = current.layout().get(i);
            positions.put(column.column().name(), String.valueOf(i + 1));
            headers.put(column.column().name(), column.header());
        }
        return settingsPage(tenant, current, new CycleSettings.Form(current.reactivationRule().name(),
                String.valueOf(current.csvSeparator()), positions, headers), model);
    }

    @PostMapping("/tenants/{tenantId}/contribution-settings")
    String saveSettings(@PathVariable String tenantId, @RequestParam Map<String, String> params, Model model,
                        RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        Map<String, String> positions = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (DeductionColumn column : DeductionColumn.values()) {
            positions.put(column.name(), params.getOrDefault("position." + column.name(), ""));
            headers.put(column.name(), params.getOrDefault("header." + column.name(), ""));
        }
        var form = new CycleSettings.Form(params.get("reactivationRule"), params.get("csvSeparator"), positions, headers);
        try {
            settings.save(tenant, form);
            redirect.addFlashAttribute("flash", message("common.saved"));
            return "redirect:/tenants/" + tenant + "/contribution-settings";
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "settings", problem);
            return settingsPage(tenant, settings.get(tenant), form, model);
        }
    }

    private String settingsPage(TenantId tenant, CycleSettings.Settings current, CycleSettings.Form form, Model model) {
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("columns", DeductionColumn.values());
        model.addAttribute("rules", ReactivationRule.values());
        var actor = currentActor.get();
        model.addAttribute("operator", actor.isUnrestricted() || actor.has(Role.DISNAKER_OPERATOR));
        return "cycle/settings";
    }

    /** The period to show again after a refusal: the one typed when it is a period, else the current month. */
    private static String safePeriod(String period) {
        return period != null && period.strip().matches("\\d{4}-(0[1-9]|1[0-2])") ? period.strip() : null;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
