package id.payung.sponsorship.web;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.sponsorship.DeductionList;
import id.payung.sponsorship.DeductionLists;
import id.payung.sponsorship.ExportFormat;
import id.payung.sponsorship.Invoice;
import id.payung.sponsorship.Invoices;
import id.payung.sponsorship.Payment;
import id.payung.sponsorship.Payments;
import id.payung.sponsorship.Payments.PaymentFileRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Deduction lists (approval, export for BPKAD), invoices to BPJS, and payments. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}")
@Tag(name = "Deduction lists, invoices, payments", description = "What the monthly cycle produces and how it is settled")
class BillingApiController {

    private final DeductionLists lists;
    private final Invoices invoices;
    private final Payments payments;
    private final MessageSource messages;

    BillingApiController(DeductionLists lists, Invoices invoices, Payments payments, MessageSource messages) {
        this.lists = lists;
        this.invoices = invoices;
        this.payments = payments;
        this.messages = messages;
    }

    /** A deduction list as the API shows it (ids as text). */
    record ListView(String id, String period, String opdId, String opdCode, String opdName, String status, int revision,
                    int sponsors, int workers, long amount, OffsetDateTime computedAt, String approvedByName, OffsetDateTime approvedAt) {
        static ListView of(DeductionList l) {
            return new ListView(l.id().toString(), l.period().toString(), l.opdId().toString(), l.opdCode(), l.opdName(),
                    l.status().name(), l.revision(), l.sponsors(), l.workers(), l.amount(), l.computedAt(), l.approvedByName(), l.approvedAt());
        }
    }

    record ListDetailView(ListView list, Page<DeductionList.Line> lines, boolean mayApprove) {
    }

    @GetMapping("/deduction-lists")
    @Operation(summary = "The deduction lists of a period (current month when omitted): every OPD's for the Disnaker operator, "
            + "his own OPD's for an OPD head")
    List<ListView> lists(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return lists.ofPeriod(TenantId.parse(tenantId), period).stream().map(ListView::of).toList();
    }

    @GetMapping("/deduction-lists/{listId}")
    @Operation(summary = "A deduction list with a page of its lines (NIP, name, workers, amount per ASN sponsor)")
    ListDetailView list(@PathVariable String tenantId, @PathVariable UUID listId, @RequestParam(required = false) Integer page,
                        @RequestParam(required = false) Integer size) {
        var detail = lists.get(TenantId.parse(tenantId), listId, PageRequest.of(page, size));
        return new ListDetailView(ListView.of(detail.list()), detail.lines(), detail.mayApprove());
    }

    record ApprovalRequest(Integer revision) {
    }

    @PostMapping("/deduction-lists/{listId}/approval")
    @Operation(summary = "The head of the list's OPD approves the revision he reviewed; publishes DeductionListApproved. "
            + "403 head of another OPD, 409 approved already / recomputed since (revision) / a run in progress / period closed")
    ListView approve(@PathVariable String tenantId, @PathVariable UUID listId, @RequestBody(required = false) ApprovalRequest request) {
        return ListView.of(lists.approve(TenantId.parse(tenantId), listId, request == null ? null : request.revision()));
    }

    @GetMapping("/deduction-lists/export")
    @Operation(summary = "The approved lists of a period (or one, listId) in the pemda's layout for BPKAD; format=CSV|XLSX. "
            + "404 when none is approved")
    void export(@PathVariable String tenantId, @RequestParam(required = false) String period, @RequestParam(required = false) UUID listId,
                @RequestParam(defaultValue = "CSV") String format, HttpServletResponse response) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        var out = new org.springframework.util.FastByteArrayOutputStream();
        lists.export(TenantId.parse(tenantId), period, listId, chosen, out);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"potongan-tpp-" + period.strip() + "." + chosen.extension() + "\"");
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    record IssueRequest(String programId, String period) {
    }

    @PostMapping("/invoices")
    @Operation(summary = "Disnaker operator: issue the invoice of a program for a period (201). 409 issued already, a run in "
            + "progress, no completed run, ASN lists not all approved, period closed; 422 nothing due or over the budget ceiling")
    ResponseEntity<Invoice> issue(@PathVariable String tenantId, @RequestBody(required = false) IssueRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        IssueRequest r = request == null ? new IssueRequest(null, null) : request;
        Invoice invoice = invoices.issue(tenant, r.programId(), r.period());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/invoices/" + invoice.id())).body(invoice);
    }

    @GetMapping("/invoices")
    @Operation(summary = "Invoices of a period (all when omitted), newest first, with what is paid")
    List<Invoice> invoices(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return invoices.list(TenantId.parse(tenantId), period);
    }

    @GetMapping("/invoices/{invoiceId}")
    @Operation(summary = "An invoice: number, program, period, workers, amount, paid so far")
    Invoice invoice(@PathVariable String tenantId, @PathVariable UUID invoiceId) {
        return invoices.get(TenantId.parse(tenantId), invoiceId);
    }

    @GetMapping("/invoices/{invoiceId}/lines")
    @Operation(summary = "The invoice's lines, one per worker: nomor_tagihan, periode, id_pekerja, jumlah (the layout of the "
            + "payment confirmation file); format=CSV|XLSX")
    void lines(@PathVariable String tenantId, @PathVariable UUID invoiceId, @RequestParam(defaultValue = "CSV") String format,
               HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        ExportFormat chosen = ExportFormat.parse(format);
        Invoice invoice = invoices.get(tenant, invoiceId);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tagihan-" + invoice.number() + "." + chosen.extension() + "\"");
        invoices.writeLines(tenant, invoiceId, chosen, response.getOutputStream());
    }

    record ManualPaymentRequest(String amount, String reference) {
    }

    @PostMapping("/invoices/{invoiceId}/payments")
    @Operation(summary = "BPJS staff or Disnaker operator: record a payment of the rest of an invoice by hand (201); the "
            + "amount must equal what is unpaid. Publishes ContributionPaid")
    ResponseEntity<Payment> manual(@PathVariable String tenantId, @PathVariable UUID invoiceId,
                                   @RequestBody(required = false) ManualPaymentRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        ManualPaymentRequest r = request == null ? new ManualPaymentRequest(null, null) : request;
        Payment payment = payments.recordManual(tenant, invoiceId, r.amount(), r.reference());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/payments/" + payment.id())).body(payment);
    }

    @PostMapping(value = "/payments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "BPJS staff or Disnaker operator: upload BPJS's payment confirmation file (CSV, header "
            + "nomor_tagihan,periode,id_pekerja,jumlah). 201 with one payment per invoice named; 422 with every problem by "
            + "line (rows) and nothing recorded; 409 when the same file was recorded before")
    ResponseEntity<List<Payment>> upload(@PathVariable String tenantId, @RequestParam(value = "file", required = false) MultipartFile file) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            if (file == null || file.isEmpty()) {
                throw new id.payung.platform.DomainProblem(id.payung.sponsorship.CycleProblem.PAYMENT_FILE_EMPTY, Map.of("field", "file"));
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(payments.recordFile(tenant, file.getOriginalFilename(), file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/payments")
    @Operation(summary = "Payments, newest first (of one invoice with ?invoiceId=, of one period with ?period=)")
    List<Payment> payments(@PathVariable String tenantId, @RequestParam(required = false) UUID invoiceId,
                           @RequestParam(required = false) String period) {
        return payments.list(TenantId.parse(tenantId), invoiceId, period);
    }

    @GetMapping("/payments/{paymentId}")
    Payment payment(@PathVariable String tenantId, @PathVariable UUID paymentId) {
        return payments.get(TenantId.parse(tenantId), paymentId);
    }

    /** A refused payment file: the problem document lists every problem by line (the first 1,000) and their count. */
    @ExceptionHandler(PaymentFileRefused.class)
    ResponseEntity<ProblemDetail> refused(PaymentFileRefused refused) {
        var locale = LocaleContextHolder.getLocale();
        String slug = refused.type().slug();
        ProblemDetail detail = ProblemDetail.forStatus(refused.type().httpStatus());
        detail.setType(URI.create("https://payung.id/problems/" + slug));
        detail.setTitle(messages.getMessage("problem." + slug + ".title", null, slug, locale));
        detail.setDetail(messages.getMessage("problem." + slug + ".detail", refused.arguments(), "", locale));
        detail.setProperty("total", refused.total());
        detail.setProperty("rows", refused.rows().stream().map(r -> Map.of(
                "line", r.line(), "column", r.column(), "type", "https://payung.id/problems/" + r.type().slug(),
                "message", messages.getMessage("problem." + r.type().slug() + ".detail", r.arguments().toArray(), locale))).toList());
        return ResponseEntity.status(refused.type().httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }
}
