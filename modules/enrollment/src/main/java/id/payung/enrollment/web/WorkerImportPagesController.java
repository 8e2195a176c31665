package id.payung.enrollment.web;

import id.payung.enrollment.WorkerImports;
import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The import page (upload, choice of mode, recent imports) and an import's progress page, which refreshes itself. */
@Controller
class WorkerImportPagesController {

    private final WorkerImports imports;
    private final FormProblems formProblems;

    WorkerImportPagesController(WorkerImports imports, FormProblems formProblems) {
        this.imports = imports;
        this.formProblems = formProblems;
    }

    @GetMapping("/tenants/{tenantId}/worker-imports")
    String page(@PathVariable String tenantId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        return importPage(tenant, model);
    }

    private String importPage(TenantId tenant, Model model) {
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("header", String.join(",", WorkerImports.HEADER));
        model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
        model.addAttribute("maxRows", imports.maxRows());
        model.addAttribute("maxXlsxRows", imports.maxXlsxRows());
        model.addAttribute("imports", imports.recent(tenant));
        return "workers/imports";
    }

    @PostMapping("/tenants/{tenantId}/worker-imports")
    String upload(@PathVariable String tenantId, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "mode", required = false) String mode, Model model) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainProblem(id.payung.enrollment.EnrollmentProblem.IMPORT_EMPTY, java.util.Map.of("field", "file"));
            }
            UUID id = imports.start(tenant, file.getOriginalFilename(), file.getInputStream(), WorkerImportApiController.mode(mode));
            return "redirect:/tenants/" + tenant + "/worker-imports/" + id;
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "import", problem);
            return importPage(tenant, model);
        }
    }

    @GetMapping("/tenants/{tenantId}/worker-imports/{importId}")
    String progress(@PathVariable String tenantId, @PathVariable UUID importId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("job", imports.get(tenant, importId));
        return "workers/import";
    }

    @GetMapping("/tenants/{tenantId}/worker-imports/{importId}/rejections.csv")
    void rejections(@PathVariable String tenantId, @PathVariable UUID importId, HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        imports.get(tenant, importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"impor-" + importId + "-ditolak.csv\"");
        imports.writeRejections(tenant, importId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
