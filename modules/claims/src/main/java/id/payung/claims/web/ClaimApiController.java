package id.payung.claims.web;

import id.payung.claims.Claim;
import id.payung.claims.ClaimDetails;
import id.payung.claims.ClaimDetails.Document;
import id.payung.claims.ClaimFiling;
import id.payung.claims.ClaimFiling.BeneficiaryDetails;
import id.payung.claims.ClaimFiling.ChildDetails;
import id.payung.claims.ClaimFiling.Report;
import id.payung.claims.ClaimHandling;
import id.payung.claims.ClaimKind;
import id.payung.claims.ClaimQuery;
import id.payung.claims.ClaimStatus;
import id.payung.claims.ClaimSummary;
import id.payung.claims.ClaimViews;
import id.payung.claims.ClaimsOverview;
import id.payung.claims.ClaimsProblem;
import id.payung.claims.DocumentType;
import id.payung.claims.internal.RuleBook;
import id.payung.platform.DomainProblem;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims of a pemda. Personal data (heirs, their NIK and bank accounts, the description) only in the
 * claim's own resource, for the reporter, the Disnaker operator and BPJS staff; lists carry none.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/claims")
@Tag(name = "Claims", description = "JKM and JKK claims: report, documents, eligibility, calculation, decision, payment")
class ClaimApiController {

    private final ClaimFiling filing;
    private final ClaimHandling handling;
    private final ClaimViews views;
    private final LineTexts lineTexts;

    ClaimApiController(ClaimFiling filing, ClaimHandling handling, ClaimViews views, LineTexts lineTexts) {
        this.filing = filing;
        this.handling = handling;
        this.views = views;
        this.lineTexts = lineTexts;
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
        }
    }

    record SummaryView(String id, String number, String workerId, String kind, String status, LocalDate incidentDate,
                       OffsetDateTime reportedAt, boolean lateReport, boolean eligible, LocalDate completeOn, LocalDate dueOn,
                       boolean overdue, long amount, LocalDate paidOn, Integer workingDaysToPay) {
        static SummaryView of(ClaimSummary s) {
            return new SummaryView(s.claimId().toString(), s.number(), s.workerId().toString(), s.kind().name(), s.status().name(),
                    s.incidentDate(), s.reportedAt(), s.lateReport(), s.eligible(), s.completeOn().orElse(null),
                    s.dueOn().orElse(null), s.overdue(), s.amount(), s.paidOn().orElse(null), s.workingDaysToPay().orElse(null));
        }
    }

    record ReportRequest(String workerId, String kind, String incidentDate, String incidentTime, String incidentPlace,
                         String description, Boolean trafficAccident, List<BeneficiaryDetails> beneficiaries,
                         List<ChildDetails> children) {
        Report toReport() {
            return new Report(workerId, kind, incidentDate, incidentTime, incidentPlace, description,
                    Boolean.TRUE.equals(trafficAccident), beneficiaries, children);
        }
    }

    record EligibilityView(String membershipSince, int paidMonths, boolean incidentMonthPaid, boolean waitingPeriod,
                           boolean scholarshipEligible, boolean eligible) {
    }

    record AssessmentView(long medicalCosts, int incapacityMonths, String disability, Integer disabilityPercent) {
    }

    record BeneficiaryView(int position, String name, String relationship, String nik, String bankName, String accountNumber) {
    }

    record ChildView(int position, String name, String nik, LocalDate birthDate, String schoolLevel) {
    }

    record ChecklistView(String type, String requirement, boolean required, int acceptable, boolean requested) {
    }

    record DocumentView(String id, String type, String fileName, String contentType, int sizeBytes, String sha256,
                        OffsetDateTime uploadedAt, String rejectedReason) {
        static DocumentView of(Document d) {
            return new DocumentView(d.id().toString(), d.type().name(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(),
                    d.uploadedAt(), d.rejectedReason().orElse(null));
        }
    }

    record ScholarshipView(String id, int childPosition, String schoolYear, String level, long amount, boolean paidWithClaim,
                           String status) {
        static ScholarshipView of(ClaimDetails.ScholarshipYear y) {
            return new ScholarshipView(y.id().toString(), y.childPosition(), y.schoolYearLabel(), y.level().name(), y.amount(),
                    y.paidWithClaim(), y.status().name());
        }
    }

    record PayoutView(String id, String scholarshipId, String reference, long amount, LocalDate paidOn, OffsetDateTime recordedAt) {
        static PayoutView of(ClaimDetails.Payout p) {
            return new PayoutView(p.id().toString(), p.scholarshipId().map(UUID::toString).orElse(null), p.reference(), p.amount(),
                    p.paidOn(), p.recordedAt());
        }
    }

    record HistoryView(OffsetDateTime occurredAt, String actorName, String action, Map<String, String> details) {
    }

    record ClaimView(String id, String number, String workerId, String kind, String status, LocalDate incidentDate,
                     LocalTime incidentTime, String incidentPlace, String description, boolean trafficAccident,
                     boolean lateReport, long declaredIncome, EligibilityView eligibility, String reporterName,
                     OffsetDateTime reportedAt, List<String> requestedDocuments, String requestNote, LocalDate completeOn,
                     LocalDate dueOn, boolean overdue, AssessmentView assessment, String decisionReason, Long approvedAmount,
                     LocalDate paidOn, Integer workingDaysToPay, List<LineTexts.LineView> calculation, long total,
                     List<BeneficiaryView> beneficiaries, List<ChildView> children, List<ChecklistView> checklist,
                     List<String> missingDocuments, List<DocumentView> documents, List<ScholarshipView> scholarships,
                     List<PayoutView> payouts, List<HistoryView> history) {
    }

    record DocumentCheckRequest(List<String> missing, String note) {
    }

    record DocumentRejectionRequest(String reason) {
    }

    record PaymentView(PayoutView payout, boolean recorded) {
    }

    record ReferenceData(Map<String, List<ChecklistEntry>> checklists, List<RuleBook.ScholarshipRate> scholarshipRates,
                         long maxDocumentBytes, List<String> fileTypes) {
    }

    record ChecklistEntry(String type, String requirement) {
    }

    @GetMapping
    @Operation(summary = "Claims of the pemda, newest first, without personal data; filters status, kind, overdue "
            + "(asn-sponsor: the claims he reported)")
    PageView<SummaryView> list(@PathVariable String tenantId, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String kind, @RequestParam(required = false) boolean overdue,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var query = new ClaimQuery(parse(ClaimStatus.class, status, "status"), parse(ClaimKind.class, kind, "kind"), overdue);
        return PageView.of(views.list(TenantId.parse(tenantId), query, PageRequest.of(page, size)).map(SummaryView::of));
    }

    @GetMapping("/overview")
    @Operation(summary = "The pemda's claims in figures: counts per status and kind, overdue, amounts approved and paid, "
            + "working days to pay")
    ClaimsOverview overview(@PathVariable String tenantId) {
        return views.overview(TenantId.parse(tenantId));
    }

    @GetMapping("/reference-data")
    @Operation(summary = "Document checklists per claim kind, the scholarship table in force, the upload limits")
    ReferenceData referenceData(@PathVariable String tenantId) {
        TenantId tenant = TenantId.parse(tenantId);
        Map<String, List<ChecklistEntry>> checklists = new java.util.LinkedHashMap<>();
        for (ClaimKind kind : ClaimKind.values()) {
            checklists.put(kind.name(), filing.checklist(tenant, kind).entrySet().stream()
                    .map(e -> new ChecklistEntry(e.getKey().name(), e.getValue().name())).toList());
        }
        return new ReferenceData(checklists, filing.scholarshipRates(tenant), filing.maxDocumentBytes(),
                List.of("application/pdf", "image/jpeg", "image/png"));
    }

    @PostMapping
    @Operation(summary = "Report a claim (asn-sponsor for a worker he registered, disnaker-operator, bpjs-staff); "
            + "201 with eligibility and calculation")
    ResponseEntity<ClaimView> report(@PathVariable String tenantId, @RequestBody(required = false) ReportRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        if (request == null) throw new DomainProblem(ClaimsProblem.REQUIRED);
        Claim claim = filing.report(tenant, request.toReport());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/claims/" + claim.id()))
                .body(view(views.details(tenant, claim.id())));
    }

    @GetMapping("/{claimId}")
    @Operation(summary = "A claim with heirs, calculation line by line, checklist, documents (no content), history")
    ClaimView get(@PathVariable String tenantId, @PathVariable UUID claimId) {
        return view(views.details(TenantId.parse(tenantId), claimId));
    }

    @PostMapping(path = "/{claimId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document of the checklist: PDF, JPEG or PNG, content matching the extension, "
            + "at most payung.claims.max-document-bytes (5 MiB by default)")
    ResponseEntity<DocumentView> upload(@PathVariable String tenantId, @PathVariable UUID claimId,
                                        @RequestParam(required = false) String documentType,
                                        @RequestPart(required = false) MultipartFile file) {
        TenantId tenant = TenantId.parse(tenantId);
        Document document = filing.upload(tenant, claimId, documentType, MultipartUpload.of(file));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/claims/" + claimId + "/documents/" + document.id()))
                .body(DocumentView.of(document));
    }

    @GetMapping("/{claimId}/documents/{documentId}")
    @Operation(summary = "A document's content (disnaker-operator, bpjs-staff); every opening is audited")
    ResponseEntity<byte[]> document(@PathVariable String tenantId, @PathVariable UUID claimId, @PathVariable UUID documentId) {
        return MultipartUpload.download(views.openDocument(TenantId.parse(tenantId), claimId, documentId));
    }

    @PostMapping("/{claimId}/documents/{documentId}/rejection")
    @Operation(summary = "Mark an upload as not acceptable, with a reason (bpjs-staff)")
    ClaimView rejectDocument(@PathVariable String tenantId, @PathVariable UUID claimId, @PathVariable UUID documentId,
                             @RequestBody(required = false) DocumentRejectionRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        handling.rejectDocument(tenant, claimId, documentId, request == null ? null : request.reason());
        return view(views.details(tenant, claimId));
    }

    @PostMapping("/{claimId}/document-check")
    @Operation(summary = "BPJS checked the documents: nothing missing -> COMPLETE (deadline set), else the missing types "
            + "are asked for (DOCUMENTS_REQUESTED)")
    ClaimView checkDocuments(@PathVariable String tenantId, @PathVariable UUID claimId,
                             @RequestBody(required = false) DocumentCheckRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        handling.checkDocuments(tenant, claimId, request == null || request.missing() == null ? List.of() : request.missing(),
                request == null ? null : request.note());
        return view(views.details(tenant, claimId));
    }

    @PostMapping("/{claimId}/assessment")
    @Operation(summary = "BPJS's assessment of a work accident (care billed, months unable to work, disability); recalculates")
    ClaimView assess(@PathVariable String tenantId, @PathVariable UUID claimId,
                     @RequestBody(required = false) ClaimHandling.AssessmentInput request) {
        TenantId tenant = TenantId.parse(tenantId);
        handling.assess(tenant, claimId, request);
        return view(views.details(tenant, claimId));
    }

    @PostMapping("/{claimId}/decision")
    @Operation(summary = "Approve (complete, eligible) or reject (with a reason) a claim (bpjs-staff)")
    ClaimView decide(@PathVariable String tenantId, @PathVariable UUID claimId,
                     @RequestBody(required = false) ClaimHandling.DecisionInput request) {
        TenantId tenant = TenantId.parse(tenantId);
        handling.decide(tenant, claimId, request);
        return view(views.details(tenant, claimId));
    }

    @PostMapping("/{claimId}/payment")
    @Operation(summary = "Record the payment with BPJS's reference (bpjs-staff). Idempotent: 201 when recorded, 200 with the "
            + "same payment when repeated with the same reference, 409 with another reference or a reference already used")
    ResponseEntity<PaymentView> pay(@PathVariable String tenantId, @PathVariable UUID claimId,
                                    @RequestBody(required = false) ClaimHandling.PaymentInput request) {
        var outcome = handling.pay(TenantId.parse(tenantId), claimId, request);
        var body = new PaymentView(PayoutView.of(outcome.payout()), outcome.recorded());
        return outcome.recorded() ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    @PostMapping("/{claimId}/scholarships")
    @Operation(summary = "Ask for a later school year of scholarship for a child of a paid claim")
    ResponseEntity<ScholarshipView> requestScholarship(@PathVariable String tenantId, @PathVariable UUID claimId,
                                                       @RequestBody(required = false) ClaimFiling.ScholarshipRequest request) {
        if (request == null) throw new DomainProblem(ClaimsProblem.REQUIRED);
        var year = filing.requestScholarshipYear(TenantId.parse(tenantId), claimId, request);
        return ResponseEntity.status(201).body(ScholarshipView.of(year));
    }

    @PostMapping("/{claimId}/scholarships/{scholarshipId}/payment")
    @Operation(summary = "Record the payment of a requested scholarship year (bpjs-staff); idempotent like the claim's payment")
    ResponseEntity<PaymentView> payScholarship(@PathVariable String tenantId, @PathVariable UUID claimId,
                                               @PathVariable UUID scholarshipId,
                                               @RequestBody(required = false) ClaimHandling.PaymentInput request) {
        var outcome = handling.payScholarshipYear(TenantId.parse(tenantId), claimId, scholarshipId, request);
        var body = new PaymentView(PayoutView.of(outcome.payout()), outcome.recorded());
        return outcome.recorded() ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    private ClaimView view(ClaimDetails d) {
        Claim c = d.claim();
        var e = c.eligibility();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        return new ClaimView(c.id().toString(), c.number(), c.workerId().toString(), c.kind().name(), c.status().name(),
                c.incidentDate(), c.incidentTime().orElse(null), c.incidentPlace(), c.description(), c.trafficAccident(),
                c.lateReport(), c.declaredIncome(),
                new EligibilityView(e.membershipSince().toString(), e.paidMonths(), e.incidentMonthPaid(), e.waitingPeriod(),
                        e.scholarshipEligible(), e.eligible()),
                c.reporterName(), c.reportedAt(), c.requestedDocuments().stream().map(Enum::name).toList(),
                c.requestNote().orElse(null), c.completeOn().orElse(null), c.dueOn().orElse(null), c.overdue(today),
                c.assessment().map(a -> new AssessmentView(a.medicalCosts(), a.incapacityMonths(), a.disability().name(),
                        a.disabilityPercent().orElse(null))).orElse(null),
                c.decisionReason().orElse(null), c.approvedAmount().orElse(null), c.paidOn().orElse(null),
                c.workingDaysToPay().orElse(null), lineTexts.render(d.lines()), d.total(),
                d.beneficiaries().stream().map(b -> new BeneficiaryView(b.position(), b.name(), b.relationship().name(), b.nik(),
                        b.bankName(), b.accountNumber())).toList(),
                d.children().stream().map(ch -> new ChildView(ch.position(), ch.name(), ch.nik(), ch.birthDate(),
                        ch.schoolLevel().map(Enum::name).orElse(null))).toList(),
                d.checklist().stream().map(i -> new ChecklistView(i.type().name(), i.requirement().name(), i.required(),
                        i.acceptable(), i.requested())).toList(),
                d.missingDocuments().stream().map(DocumentType::name).toList(),
                d.documents().stream().map(DocumentView::of).toList(),
                d.scholarships().stream().map(ScholarshipView::of).toList(),
                d.payouts().stream().map(PayoutView::of).toList(),
                d.history().stream().map(h -> new HistoryView(h.occurredAt(), h.actorName(), h.action(), h.details())).toList());
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, String parameter) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(PlatformProblem.INVALID_INPUT, Map.of("parameter", parameter));
        }
    }
}
