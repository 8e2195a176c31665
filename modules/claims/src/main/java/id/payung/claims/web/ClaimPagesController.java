package id.payung.claims.web;

import id.payung.claims.BeneficiaryRelationship;
import id.payung.claims.ClaimDetails;
import id.payung.claims.ClaimFiling;
import id.payung.claims.ClaimHandling;
import id.payung.claims.ClaimKind;
import id.payung.claims.ClaimQuery;
import id.payung.claims.ClaimStatus;
import id.payung.claims.ClaimViews;
import id.payung.claims.Disability;
import id.payung.claims.DocumentType;
import id.payung.claims.SchoolLevel;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The claims pages: the pemda's list with its figures, the BPJS queue, the report form (find the worker
 * by NIK, by POST), a claim's page with its calculation, documents and the BPJS forms, and a document.
 */
@Controller
class ClaimPagesController {

    private static final int PAGE_SIZE = 50;

    private final ClaimFiling filing;
    private final ClaimHandling handling;
    private final ClaimViews views;
    private final WorkerRegistration registration;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;
    private final LineTexts lineTexts;

    ClaimPagesController(ClaimFiling filing, ClaimHandling handling, ClaimViews views, WorkerRegistration registration,
                         CurrentActor currentActor, FormProblems formProblems, MessageSource messages, LineTexts lineTexts) {
        this.filing = filing;
        this.handling = handling;
        this.views = views;
        this.registration = registration;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
        this.lineTexts = lineTexts;
    }

    /**
     * Creates the CSRF token (and with it the session) before the page renders: a claim's page is long and
     * its forms come after the first flushed kilobytes, when a session can no longer be created.
     */
    @ModelAttribute
    void csrfTokenBeforeRendering(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName())
                instanceof org.springframework.security.web.csrf.CsrfToken token) {
            token.getToken();
        }
    }

    @GetMapping("/claims")
    String claims() {
        Actor actor = currentActor.get();
        if (actor.isUnrestricted() || actor.has(Role.BPJS_STAFF)) return "redirect:/claims/queue";
        TenantId tenant = actor.tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
        return "redirect:/tenants/" + tenant + "/claims";
    }

    @GetMapping("/claims/queue")
    String queue(Model model) {
        model.addAttribute("entries", handling.queue());
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")));
        return "claims/queue";
    }

    @GetMapping("/tenants/{tenantId}/claims")
    String list(@PathVariable String tenantId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) boolean overdue,
                @RequestParam(required = false) Integer page, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        Actor actor = currentActor.get();
        Optional<ClaimStatus> statusFilter = parse(ClaimStatus.class, status);
        Optional<ClaimKind> kindFilter = parse(ClaimKind.class, kind);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("claims", views.list(tenant, new ClaimQuery(statusFilter, kindFilter, overdue), PageRequest.of(page, PAGE_SIZE)));
        if (mayAny(actor, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF, Role.KEPALA_DAERAH)) {
            model.addAttribute("overview", views.overview(tenant));
        }
        model.addAttribute("mayReport", mayAny(actor, Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF));
        model.addAttribute("mayOpen", mayAny(actor, Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF));
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("kinds", ClaimKind.values());
        model.addAttribute("status", statusFilter.map(Enum::name).orElse(""));
        model.addAttribute("kind", kindFilter.map(Enum::name).orElse(""));
        model.addAttribute("overdue", overdue);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/tenants/" + tenant + "/claims")
                .queryParamIfPresent("status", statusFilter.map(Enum::name)).queryParamIfPresent("kind", kindFilter.map(Enum::name))
                .queryParamIfPresent("overdue", overdue ? Optional.of("true") : Optional.empty()).build().toUriString());
        return "claims/list";
    }

    @GetMapping("/tenants/{tenantId}/claims/new")
    String reportForm(@PathVariable String tenantId, @RequestParam(required = false) UUID workerId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        if (workerId == null) return startPage(tenant, model);
        var worker = registration.get(tenant, workerId);
        ClaimForm form = new ClaimForm();
        form.setWorkerId(workerId.toString());
        worker.heirs().forEach(h -> form.getBeneficiaries().add(new ClaimForm.BeneficiaryRow(h.name(), h.relationship().name(), h.nik())));
        return formPage(tenant, form, model);
    }

    @PostMapping("/tenants/{tenantId}/claims/new/worker")
    String findWorker(@PathVariable String tenantId, @RequestParam(required = false) String nik, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            var worker = registration.findByNik(tenant, nik);
            if (worker.isPresent()) return "redirect:/tenants/" + tenant + "/claims/new?workerId=" + worker.get().id();
            model.addAttribute("formError", message("claims.new.workerNotFound"));
            model.addAttribute("failedForm", "worker");
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "worker", problem);
        }
        return startPage(tenant, model);
    }

    private String startPage(TenantId tenant, Model model) {
        currentActor.get().requireAnyOf(Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        model.addAttribute("tenantId", tenant);
        return "claims/start";
    }

    @PostMapping("/tenants/{tenantId}/claims")
    String report(@PathVariable String tenantId, @ModelAttribute("form") ClaimForm form, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            var claim = filing.report(tenant, form.toReport());
            redirect.addFlashAttribute("flash", message("claims.reported", claim.number()));
            return "redirect:/tenants/" + tenant + "/claims/" + claim.id();
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "report", problem);
            return formPage(tenant, form, model);
        }
    }

    private String formPage(TenantId tenant, ClaimForm form, Model model) {
        model.addAttribute("tenantId", tenant);
        model.addAttribute("form", form.withBlankRows());
        UUID workerId = parseId(form.getWorkerId());
        if (workerId == null) return startPage(tenant, model);
        model.addAttribute("worker", registration.get(tenant, workerId).worker());
        model.addAttribute("kinds", ClaimKind.values());
        model.addAttribute("relationships", Arrays.stream(BeneficiaryRelationship.values())
                .filter(r -> r != BeneficiaryRelationship.SELF).toList());
        model.addAttribute("schoolLevels", SchoolLevel.values());
        model.addAttribute("checklists", Arrays.stream(ClaimKind.values())
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> filing.checklist(tenant, k), (a, b) -> a,
                        () -> new java.util.EnumMap<>(ClaimKind.class))));
        model.addAttribute("scholarshipRates", filing.scholarshipRates(tenant));
        return "claims/new";
    }

    @GetMapping("/tenants/{tenantId}/claims/{claimId}")
    String claim(@PathVariable String tenantId, @PathVariable UUID claimId, Model model) {
        return claimPage(TenantId.parse(tenantId), claimId, model);
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/documents")
    String upload(@PathVariable String tenantId, @PathVariable UUID claimId, @RequestParam(required = false) String documentType,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        return act(TenantId.parse(tenantId), claimId, "upload", model, redirect, "claims.uploaded",
                () -> filing.upload(TenantId.parse(tenantId), claimId, documentType, MultipartUpload.of(file)));
    }

    @GetMapping("/tenants/{tenantId}/claims/{claimId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String tenantId, @PathVariable UUID claimId, @PathVariable UUID documentId) {
        return MultipartUpload.download(views.openDocument(TenantId.parse(tenantId), claimId, documentId));
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/documents/{documentId}/rejection")
    String rejectDocument(@PathVariable String tenantId, @PathVariable UUID claimId, @PathVariable UUID documentId,
                          @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "document-rejection", model, redirect, "claims.documentRejected", () -> {
            handling.rejectDocument(tenant, claimId, documentId, reason);
            return null;
        });
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/document-check")
    String checkDocuments(@PathVariable String tenantId, @PathVariable UUID claimId,
                          @RequestParam(required = false) List<String> missing, @RequestParam(required = false) String note,
                          Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "document-check", model, redirect, "claims.checked",
                () -> handling.checkDocuments(tenant, claimId, missing == null ? List.of() : missing, note));
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/assessment")
    String assess(@PathVariable String tenantId, @PathVariable UUID claimId, @RequestParam(required = false) String medicalCosts,
                  @RequestParam(required = false) String incapacityMonths, @RequestParam(required = false) String disability,
                  @RequestParam(required = false) String disabilityPercent, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "assessment", model, redirect, "claims.assessed", () -> handling.assess(tenant, claimId,
                new ClaimHandling.AssessmentInput(medicalCosts, incapacityMonths, disability, disabilityPercent)));
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/decision")
    String decide(@PathVariable String tenantId, @PathVariable UUID claimId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "decision", model, redirect, "claims.decided",
                () -> handling.decide(tenant, claimId, new ClaimHandling.DecisionInput(decision, reason)));
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/payment")
    String pay(@PathVariable String tenantId, @PathVariable UUID claimId, @RequestParam(required = false) String reference,
               @RequestParam(required = false) String paidOn, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "payment", model, redirect, "claims.paid",
                () -> handling.pay(tenant, claimId, new ClaimHandling.PaymentInput(reference, paidOn)));
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/scholarships")
    String requestScholarship(@PathVariable String tenantId, @PathVariable UUID claimId,
                              @RequestParam(required = false) String childPosition, @RequestParam(required = false) String schoolYear,
                              @RequestParam(required = false) String schoolLevel,
                              @RequestParam(required = false) boolean notMarriedNorWorking, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "scholarship", model, redirect, "claims.scholarshipRequested",
                () -> filing.requestScholarshipYear(tenant, claimId,
                        new ClaimFiling.ScholarshipRequest(childPosition, schoolYear, schoolLevel, notMarriedNorWorking)));
    }

    @PostMapping("/tenants/{tenantId}/claims/{claimId}/scholarships/{scholarshipId}/payment")
    String payScholarship(@PathVariable String tenantId, @PathVariable UUID claimId, @PathVariable UUID scholarshipId,
                          @RequestParam(required = false) String reference, @RequestParam(required = false) String paidOn,
                          Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        return act(tenant, claimId, "scholarship-payment-" + scholarshipId, model, redirect, "claims.paid",
                () -> handling.payScholarshipYear(tenant, claimId, scholarshipId, new ClaimHandling.PaymentInput(reference, paidOn)));
    }

    /** Runs a form's action: back to the claim with a message, or the claim's page again with the reasons. */
    private String act(TenantId tenant, UUID claimId, String form, Model model, RedirectAttributes redirect, String doneKey,
                       Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("flash", message(doneKey));
            return "redirect:/tenants/" + tenant + "/claims/" + claimId;
        } catch (DomainProblem problem) {
            if (problem.type() == PlatformProblem.FORBIDDEN || problem.type() == PlatformProblem.TENANT_ACCESS_DENIED
                    || problem.type().httpStatus() == 404) {
                throw problem;
            }
            formProblems.addTo(model, form, problem);
            return claimPage(tenant, claimId, model);
        }
    }

    private String claimPage(TenantId tenant, UUID claimId, Model model) {
        ClaimDetails details = views.details(tenant, claimId);
        model.addAttribute("tenantId", tenant);
        model.addAttribute("details", details);
        model.addAttribute("c", details.claim());
        model.addAttribute("lines", lineTexts.render(details.lines()));
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")));
        model.addAttribute("maxDocumentMb", filing.maxDocumentBytes() / (1024 * 1024));
        model.addAttribute("disabilities", Disability.values());
        model.addAttribute("schoolLevels", SchoolLevel.values());
        model.addAttribute("uploadTypes", details.checklist().stream().map(ClaimDetails.ChecklistItem::type).toList());
        model.addAttribute("documentTypes", DocumentType.values());
        try {
            model.addAttribute("worker", registration.get(tenant, details.claim().workerId()).worker());
        } catch (DomainProblem workerNotVisible) {
            model.addAttribute("worker", null);
        }
        return "claims/claim";
    }

    private static boolean mayAny(Actor actor, Role... roles) {
        if (actor.isUnrestricted()) return true;
        return Arrays.stream(roles).anyMatch(actor::has);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(Enum.valueOf(type, text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID parseId(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
