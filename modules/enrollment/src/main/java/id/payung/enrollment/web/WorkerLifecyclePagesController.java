package id.payung.enrollment.web;

import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerLifecycle.Deactivation;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** The verification, deactivation and reactivation forms of the worker page. */
@Controller
class WorkerLifecyclePagesController {

    private final WorkerLifecycle lifecycle;
    private final WorkerRegistration registration;
    private final FormProblems formProblems;
    private final MessageSource messages;

    WorkerLifecyclePagesController(WorkerLifecycle lifecycle, WorkerRegistration registration, FormProblems formProblems,
                                   MessageSource messages) {
        this.lifecycle = lifecycle;
        this.registration = registration;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @PostMapping("/tenants/{tenantId}/workers/{workerId}/verification")
    String verify(@PathVariable String tenantId, @PathVariable UUID workerId, @RequestParam(required = false) String kpj,
                  Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            lifecycle.verify(tenant, workerId, kpj);
            redirect.addFlashAttribute("flash", message("worker.verified"));
            return "redirect:/tenants/" + tenant + "/workers/" + workerId;
        } catch (DomainProblem problem) {
            return workerPage(tenant, workerId, "verify", problem, model);
        }
    }

    @PostMapping("/tenants/{tenantId}/workers/{workerId}/deactivation")
    String deactivate(@PathVariable String tenantId, @PathVariable UUID workerId,
                      @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String note, @RequestParam(required = false) String date,
                      Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            lifecycle.deactivate(tenant, workerId, new Deactivation(status, reason, note, date));
            redirect.addFlashAttribute("flash", message("worker.deactivated"));
            return "redirect:/tenants/" + tenant + "/workers/" + workerId;
        } catch (DomainProblem problem) {
            return workerPage(tenant, workerId, "deactivate", problem, model);
        }
    }

    @PostMapping("/tenants/{tenantId}/workers/{workerId}/reactivation")
    String reactivate(@PathVariable String tenantId, @PathVariable UUID workerId, @RequestParam(required = false) String reason,
                      Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            lifecycle.reactivate(tenant, workerId, reason);
            redirect.addFlashAttribute("flash", message("worker.reactivated"));
            return "redirect:/tenants/" + tenant + "/workers/" + workerId;
        } catch (DomainProblem problem) {
            return workerPage(tenant, workerId, "reactivate", problem, model);
        }
    }

    /** The worker page again with the form's problems; refusals of access stay refusals. */
    private String workerPage(TenantId tenant, UUID workerId, String form, DomainProblem problem, Model model) {
        int status = problem.type().httpStatus();
        if (status == 401 || status == 403 || status == 404) throw problem;
        formProblems.addTo(model, form, problem);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("details", registration.get(tenant, workerId));
        return "workers/worker";
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
