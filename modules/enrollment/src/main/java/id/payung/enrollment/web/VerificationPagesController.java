package id.payung.enrollment.web;

import id.payung.enrollment.VerificationBatches;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** BPJS staff's page: export pending workers, upload BPJS's result file, look up where a NIK is registered. */
@Controller
class VerificationPagesController {

    private final VerificationBatches batches;
    private final WorkerLifecycle lifecycle;
    private final FormProblems formProblems;

    VerificationPagesController(VerificationBatches batches, WorkerLifecycle lifecycle, FormProblems formProblems) {
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.formProblems = formProblems;
    }

    @GetMapping("/tenants/{tenantId}/workers/verification")
    String page(@PathVariable String tenantId, Model model) {
        return page(TenantId.parse(tenantId), model);
    }

    @GetMapping("/tenants/{tenantId}/workers/verification-batch")
    void export(@PathVariable String tenantId, HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        // Buffered, so that a refusal stays a problem page and never a half CSV (the API streams; see the report).
        var csv = new java.io.StringWriter();
        batches.exportPending(tenant, csv);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"payung-verifikasi-" + tenant + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(csv.toString());
    }

    @PostMapping("/tenants/{tenantId}/workers/verification-results")
    String upload(@PathVariable String tenantId, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            model.addAttribute("report", batches.applyResults(tenant, new String(file.getBytes(), StandardCharsets.UTF_8)));
        } catch (DomainProblem problem) {
            rethrowRefusals(problem);
            formProblems.addTo(model, "upload", problem);
        }
        return page(tenant, model);
    }

    @PostMapping("/tenants/{tenantId}/workers/membership-lookup")
    String lookup(@PathVariable String tenantId, @RequestParam(required = false) String nik, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            model.addAttribute("lookup", lifecycle.whereRegistered(tenant, nik));
        } catch (DomainProblem problem) {
            rethrowRefusals(problem);
            formProblems.addTo(model, "lookup", problem);
        }
        return page(tenant, model);
    }

    private String page(TenantId tenant, Model model) {
        if (!lifecycle.mayUseBpjsTools()) throw new DomainProblem(id.payung.platform.PlatformProblem.FORBIDDEN);
        model.addAttribute("tenantId", tenant);
        return "workers/verification";
    }

    private static void rethrowRefusals(DomainProblem problem) {
        int status = problem.type().httpStatus();
        if (status == 401 || status == 403 || status == 404) throw problem;
    }
}
