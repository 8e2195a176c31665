package id.payung.enrollment.web;

import id.payung.enrollment.HeirRelationship;
import id.payung.enrollment.Occupation;
import id.payung.enrollment.WorkerApplicationForm;
import id.payung.enrollment.WorkerQuery;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The worker list, the registration form and a worker's page. The NIK is searched by POST only. */
@Controller
class WorkerPagesController {

    private static final int PAGE_SIZE = 50;

    private final WorkerRegistration registration;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;

    WorkerPagesController(WorkerRegistration registration, CurrentActor currentActor, FormProblems formProblems,
                          MessageSource messages) {
        this.registration = registration;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @GetMapping("/workers")
    String ownWorkers() {
        TenantId tenant = currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
        return "redirect:/tenants/" + tenant + "/workers";
    }

    @GetMapping("/tenants/{tenantId}/workers")
    String list(@PathVariable String tenantId, @ModelAttribute("query") WorkerQuery query,
                @RequestParam(required = false) Integer page, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        WorkerQuery q = query == null ? WorkerQuery.all() : query;
        model.addAttribute("query", q);
        model.addAttribute("workers", registration.list(tenant, q, PageRequest.of(page, PAGE_SIZE)));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/tenants/" + tenant + "/workers")
                .queryParamIfPresent("name", blankToEmpty(q.name())).queryParamIfPresent("kpj", blankToEmpty(q.kpj()))
                .queryParamIfPresent("villageCode", blankToEmpty(q.villageCode()))
                .queryParamIfPresent("occupationCode", blankToEmpty(q.occupationCode()))
                .queryParamIfPresent("status", blankToEmpty(q.status())).encode().build().toUriString());
        return listPage(tenant, model);
    }

    @PostMapping("/tenants/{tenantId}/workers/nik-search")
    String searchByNik(@PathVariable String tenantId, @RequestParam(required = false) String nik, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("query", WorkerQuery.all());
        model.addAttribute("baseUrl", "/tenants/" + tenant + "/workers");
        try {
            var found = registration.findByNik(tenant, nik);
            model.addAttribute("workers", new id.payung.platform.Page<>(found.stream().toList(), 0, PAGE_SIZE, found.isPresent() ? 1 : 0));
            model.addAttribute("nikSearched", true);
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "nik-search", problem);
            model.addAttribute("workers", registration.list(tenant, WorkerQuery.all(), PageRequest.of(0, PAGE_SIZE)));
        }
        return listPage(tenant, model);
    }

    private String listPage(TenantId tenant, Model model) {
        model.addAttribute("tenantId", tenant);
        var occupations = registration.occupations(tenant);
        model.addAttribute("occupations", occupations);
        model.addAttribute("occupationNames", occupations.stream().collect(Collectors.toMap(Occupation::code, Occupation::nameId)));
        model.addAttribute("statuses", WorkerStatus.values());
        return "workers/list";
    }

    @GetMapping("/tenants/{tenantId}/workers/new")
    String form(@PathVariable String tenantId, Model model) {
        return formPage(TenantId.parse(tenantId), new WorkerApplicationForm(), model);
    }

    @PostMapping("/tenants/{tenantId}/workers")
    String register(@PathVariable String tenantId, @ModelAttribute("form") WorkerApplicationForm form, Model model,
                    RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            var outcome = registration.register(tenant, form.toApplication());
            redirect.addFlashAttribute("flash", message(outcome.reRegistered() ? "workers.registered-again" : outcome.created() ? "workers.registered" : "workers.already"));
            return "redirect:/tenants/" + tenant + "/workers/" + outcome.worker().id();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "register", problem);
            return formPage(tenant, form, model);
        }
    }

    private String formPage(TenantId tenant, WorkerApplicationForm form, Model model) {
        model.addAttribute("tenantId", tenant);
        model.addAttribute("form", form.withBlankHeirRows());
        model.addAttribute("occupations", registration.occupations(tenant));
        model.addAttribute("incomeLevels", registration.incomeLevels(tenant));
        model.addAttribute("relationships", HeirRelationship.values());
        return "workers/form";
    }

    @GetMapping("/tenants/{tenantId}/workers/{workerId}")
    String worker(@PathVariable String tenantId, @PathVariable UUID workerId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("details", registration.get(tenant, workerId));
        return "workers/worker";
    }

    private static java.util.Optional<String> blankToEmpty(String text) {
        return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text.strip());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

}
