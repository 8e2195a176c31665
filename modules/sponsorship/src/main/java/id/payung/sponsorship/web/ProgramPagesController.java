package id.payung.sponsorship.web;

import id.payung.enrollment.WorkerImports;
import id.payung.enrollment.WorkerQuery;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.sponsorship.FundingKind;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.FundingPrograms.ProgramDetails;
import id.payung.sponsorship.ProgramEnrolment;
import id.payung.sponsorship.ProgramEnrolment.EnrolmentResult;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The Disnaker operator's funding programs: create, look at one, add workers to it, end a funding, close it. */
@Controller
class ProgramPagesController {

    private final FundingPrograms programs;
    private final ProgramEnrolment enrolment;
    private final WorkerRegistration workers;
    private final WorkerImports imports;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;

    ProgramPagesController(FundingPrograms programs, ProgramEnrolment enrolment, WorkerRegistration workers, WorkerImports imports,
                           CurrentActor currentActor, FormProblems formProblems, MessageSource messages) {
        this.programs = programs;
        this.enrolment = enrolment;
        this.workers = workers;
        this.imports = imports;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    /** The create form as posted (mutable for binding; a checkbox posts nothing when unticked). */
    public static class ProgramForm {
        private String kind = "";
        private String name = "";
        private Boolean countsAsApbd;
        private String budgetCeiling = "";
        private String workerQuota = "";
        private String donorName = "";
        private String firstPeriod = "";
        private String lastPeriod = "";
        private String months = "";

        ProgramDetails toDetails() {
            return new ProgramDetails(kind, name, countsAsApbd, budgetCeiling, workerQuota, donorName, firstPeriod, lastPeriod, months);
        }

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Boolean getCountsAsApbd() { return countsAsApbd; }
        public void setCountsAsApbd(Boolean countsAsApbd) { this.countsAsApbd = countsAsApbd; }
        public String getBudgetCeiling() { return budgetCeiling; }
        public void setBudgetCeiling(String budgetCeiling) { this.budgetCeiling = budgetCeiling; }
        public String getWorkerQuota() { return workerQuota; }
        public void setWorkerQuota(String workerQuota) { this.workerQuota = workerQuota; }
        public String getDonorName() { return donorName; }
        public void setDonorName(String donorName) { this.donorName = donorName; }
        public String getFirstPeriod() { return firstPeriod; }
        public void setFirstPeriod(String firstPeriod) { this.firstPeriod = firstPeriod; }
        public String getLastPeriod() { return lastPeriod; }
        public void setLastPeriod(String lastPeriod) { this.lastPeriod = lastPeriod; }
        public String getMonths() { return months; }
        public void setMonths(String months) { this.months = months; }
    }

    @GetMapping("/sponsorship/programs")
    String ownPrograms() {
        return "redirect:/tenants/" + ownTenant() + "/funding-programs";
    }

    @GetMapping("/tenants/{tenantId}/funding-programs")
    String list(@PathVariable String tenantId, Model model) {
        if (!model.containsAttribute("form")) {
            ProgramForm form = new ProgramForm();
            form.setFirstPeriod(FundingPrograms.currentMonth().toString());
            model.addAttribute("form", form);
        }
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("programs", programs.list(tenant));
        model.addAttribute("kinds", FundingKind.values());
        model.addAttribute("mayManage", may(Role.DISNAKER_OPERATOR));
        return "programs/list";
    }

    @PostMapping("/tenants/{tenantId}/funding-programs")
    String create(@PathVariable String tenantId, @ModelAttribute("form") ProgramForm form, Model model, RedirectAttributes redirect) {
        try {
            var program = programs.create(TenantId.parse(tenantId), form.toDetails());
            redirect.addFlashAttribute("flash", message("common.saved"));
            return "redirect:/tenants/" + program.tenantId() + "/funding-programs/" + program.id();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "program", problem);
            return list(tenantId, model);
        }
    }

    @GetMapping("/tenants/{tenantId}/funding-programs/{programId}")
    String program(@PathVariable String tenantId, @PathVariable UUID programId, @RequestParam(required = false) String q,
                   @RequestParam(required = false) Integer page, @RequestParam(defaultValue = "false") boolean running,
                   Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        var figures = programs.figures(tenant, programId);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("figures", figures);
        model.addAttribute("program", figures.program());
        model.addAttribute("currentMonth", FundingPrograms.currentMonth());
        model.addAttribute("thisMonth", FundingPrograms.currentMonth().toString());
        boolean mayManage = may(Role.DISNAKER_OPERATOR);
        boolean mayList = mayManage || may(Role.BPJS_STAFF);
        model.addAttribute("mayManage", mayManage);
        model.addAttribute("mayAdd", mayManage && figures.program().isActive() && figures.program().kind() != FundingKind.ASN_TPP);
        model.addAttribute("running", running);
        if (mayList) {
            model.addAttribute("fundings", enrolment.fundings(tenant, programId, running, PageRequest.of(page, 50)));
            model.addAttribute("baseUrl", "/tenants/" + tenant + "/funding-programs/" + programId + (running ? "?running=true" : ""));
        }
        if (mayManage && figures.program().isActive() && figures.program().kind() != FundingKind.ASN_TPP) {
            model.addAttribute("q", q == null ? "" : q);
            model.addAttribute("candidates", workers.list(tenant, new WorkerQuery(q, null, null, null, null), PageRequest.of(0, 50)).items());
            model.addAttribute("imports", imports.recent(tenant).stream().filter(WorkerImports.ImportJob::finished).toList());
        }
        return "programs/program";
    }

    @PostMapping("/tenants/{tenantId}/funding-programs/{programId}/workers")
    String addSelected(@PathVariable String tenantId, @PathVariable UUID programId,
                       @RequestParam(required = false) List<UUID> workerIds, @RequestParam(required = false) String firstPeriod,
                       Model model, RedirectAttributes redirect) {
        return added(tenantId, programId, "add-selection", model, redirect,
                () -> enrolment.addWorkers(TenantId.parse(tenantId), programId, workerIds, firstPeriod));
    }

    @PostMapping("/tenants/{tenantId}/funding-programs/{programId}/workers/from-import")
    String addImport(@PathVariable String tenantId, @PathVariable UUID programId, @RequestParam(required = false) UUID importId,
                     @RequestParam(required = false) String firstPeriod, Model model, RedirectAttributes redirect) {
        return added(tenantId, programId, "add-import", model, redirect,
                () -> enrolment.addImport(TenantId.parse(tenantId), programId, importId, firstPeriod));
    }

    @PostMapping("/tenants/{tenantId}/funding-programs/{programId}/workers/from-nik-list")
    String addNikList(@PathVariable String tenantId, @PathVariable UUID programId, @RequestParam("file") MultipartFile file,
                      @RequestParam(required = false) String firstPeriod, Model model, RedirectAttributes redirect) throws IOException {
        String content = new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            return added(tenantId, programId, "add-nik-list", model, redirect,
                    () -> enrolment.addNikList(TenantId.parse(tenantId), programId, content, firstPeriod));
        } catch (ProgramEnrolment.NikListRefused refused) {
            formProblems.addTo(model, "add-nik-list", refused);
            var locale = LocaleContextHolder.getLocale();
            model.addAttribute("nikProblems", refused.lines().stream().limit(1000).map(l -> Map.of(
                    "line", message("programs.nikLine", l.line()),
                    "message", messages.getMessage("problem." + l.type().slug() + ".detail", l.arguments().toArray(), locale))).toList());
            return program(tenantId, programId, null, null, false, model);
        }
    }

    @PostMapping("/tenants/{tenantId}/funding-programs/{programId}/closure")
    String close(@PathVariable String tenantId, @PathVariable UUID programId, @RequestParam(required = false) String lastPeriod,
                 Model model, RedirectAttributes redirect) {
        try {
            programs.close(TenantId.parse(tenantId), programId, lastPeriod);
            redirect.addFlashAttribute("flash", message("common.saved"));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/funding-programs/" + programId;
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "close", problem);
            return program(tenantId, programId, null, null, false, model);
        }
    }

    @PostMapping("/tenants/{tenantId}/fundings/{fundingId}/end")
    String endFunding(@PathVariable String tenantId, @PathVariable UUID fundingId, @RequestParam UUID programId,
                      @RequestParam(required = false) String fromPeriod, @RequestParam(required = false) String reason,
                      Model model, RedirectAttributes redirect) {
        try {
            enrolment.end(TenantId.parse(tenantId), fundingId, fromPeriod, reason);
            redirect.addFlashAttribute("flash", message("sponsor.ended"));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/funding-programs/" + programId;
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "end-" + fundingId, problem);
            return program(tenantId, programId, null, null, false, model);
        }
    }

    private String added(String tenantId, UUID programId, String form, Model model, RedirectAttributes redirect,
                         Supplier<EnrolmentResult> add) {
        try {
            EnrolmentResult r = add.get();
            redirect.addFlashAttribute("flash", message("programs.added", r.requested(), r.added(), r.alreadyFunded(), r.ended()));
            return "redirect:/tenants/" + TenantId.parse(tenantId) + "/funding-programs/" + programId;
        } catch (ProgramEnrolment.NikListRefused refused) {
            throw refused;
        } catch (DomainProblem problem) {
            formProblems.addTo(model, form, problem);
            return program(tenantId, programId, null, null, false, model);
        }
    }

    private boolean may(Role role) {
        Actor actor = currentActor.get();
        return actor.isUnrestricted() || actor.has(role);
    }

    private TenantId ownTenant() {
        return currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
