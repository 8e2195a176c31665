package id.payung.sponsorship.web;

import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.web.FormProblems;
import id.payung.sponsorship.CycleProblem;
import id.payung.sponsorship.DeductionLists;
import id.payung.sponsorship.ExportFormat;
import id.payung.sponsorship.Invoices;
import id.payung.sponsorship.Payment;
import id.payung.sponsorship.Payments;
import id.payung.sponsorship.Payments.PaymentFileRefused;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pages of the cycle's outputs: the OPD deduction lists (the OPD head approves his own), their export for
 * the finance agency, the invoices to BPJS with their lines and manual payment, and the upload of BPJS's
 * payment confirmation file with its per-row report.
 */
@Controller
class BillingPagesController {

    private final DeductionLists lists;
    private final Invoices invoices;
    private final Payments payments;
    private final CurrentActor currentActor;
    private final FormProblems formProblems;
    private final MessageSource messages;

    BillingPagesController(DeductionLists lists, Invoices invoices, Payments payments, CurrentActor currentActor,
                           FormProblems formProblems, MessageSource messages) {
        this.lists = lists;
        this.invoices = invoices;
        this.payments = payments;
        this.currentActor = currentActor;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    // --- deduction lists ------------------------------------------------------------------------------------

    @GetMapping("/deduction-lists")
    String ownLists() {
        TenantId tenant = currentActor.get().tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
        return "redirect:/tenants/" + tenant + "/deduction-lists";
    }

    @GetMapping("/tenants/{tenantId}/deduction-lists")
    String lists(@PathVariable String tenantId, @RequestParam(required = false) String period, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        var ofPeriod = lists.ofPeriod(tenant, period);
        String shown = period == null || period.isBlank() ? java.time.YearMonth.now(java.time.ZoneId.of("Asia/Jakarta")).toString() : period.strip();
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("period", shown);
        model.addAttribute("lists", ofPeriod);
        model.addAttribute("recent", lists.recent(tenant));
        model.addAttribute("anyApproved", ofPeriod.stream().anyMatch(l -> l.status() == id.payung.sponsorship.DeductionList.Status.APPROVED));
        return "cycle/lists";
    }

    @GetMapping("/tenants/{tenantId}/deduction-lists/{listId}")
    String list(@PathVariable String tenantId, @PathVariable UUID listId, @RequestParam(required = false) Integer page, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("detail", lists.get(tenant, listId, PageRequest.of(page, 100)));
        model.addAttribute("baseUrl", "/tenants/" + tenant + "/deduction-lists/" + listId);
        return "cycle/list";
    }

    @PostMapping("/tenants/{tenantId}/deduction-lists/{listId}/approval")
    String approve(@PathVariable String tenantId, @PathVariable UUID listId, @RequestParam(required = false) Integer revision,
                   Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            lists.approve(tenant, listId, revision);
            redirect.addFlashAttribute("flash", message("lists.approved"));
            return "redirect:/tenants/" + tenant + "/deduction-lists/" + listId;
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "approve", problem);
            return list(tenantId, listId, null, model);
        }
    }

    @GetMapping("/tenants/{tenantId}/deduction-lists/export")
    void exportLists(@PathVariable String tenantId, @RequestParam(required = false) String period,
                     @RequestParam(required = false) UUID listId, @RequestParam(defaultValue = "CSV") String format,
                     HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        ExportFormat chosen = ExportFormat.parse(format);
        var out = new org.springframework.util.FastByteArrayOutputStream();
        lists.export(tenant, period, listId, chosen, out);
        send(response, chosen, "potongan-tpp-" + period.strip() + "." + chosen.extension(), out);
    }

    // --- invoices -------------------------------------------------------------------------------------------

    @GetMapping("/tenants/{tenantId}/invoices")
    String invoices(@PathVariable String tenantId, @RequestParam(required = false) String period, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("period", period == null ? "" : period.strip());
        model.addAttribute("invoices", invoices.list(tenant, period));
        return "cycle/invoices";
    }

    @GetMapping("/tenants/{tenantId}/invoices/{invoiceId}")
    String invoice(@PathVariable String tenantId, @PathVariable UUID invoiceId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("invoice", invoices.get(tenant, invoiceId));
        var actor = currentActor.get();
        boolean mayRecord = actor.isUnrestricted() || actor.has(Role.BPJS_STAFF) || actor.has(Role.DISNAKER_OPERATOR);
        model.addAttribute("mayRecord", mayRecord);
        model.addAttribute("payments", mayRecord ? payments.list(tenant, invoiceId, null) : List.of());
        return "cycle/invoice";
    }

    @GetMapping("/tenants/{tenantId}/invoices/{invoiceId}/lines")
    void invoiceLines(@PathVariable String tenantId, @PathVariable UUID invoiceId, @RequestParam(defaultValue = "CSV") String format,
                      HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        ExportFormat chosen = ExportFormat.parse(format);
        var invoice = invoices.get(tenant, invoiceId);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tagihan-" + invoice.number() + "." + chosen.extension() + "\"");
        invoices.writeLines(tenant, invoiceId, chosen, response.getOutputStream());
    }

    @PostMapping("/tenants/{tenantId}/invoices/{invoiceId}/payments")
    String manualPayment(@PathVariable String tenantId, @PathVariable UUID invoiceId, @RequestParam(required = false) String amount,
                         @RequestParam(required = false) String reference, Model model, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            payments.recordManual(tenant, invoiceId, amount, reference);
            redirect.addFlashAttribute("flash", message("invoices.manual.recorded"));
            return "redirect:/tenants/" + tenant + "/invoices/" + invoiceId;
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "manual", problem);
            return invoice(tenantId, invoiceId, model);
        }
    }

    // --- payments -------------------------------------------------------------------------------------------

    @GetMapping("/tenants/{tenantId}/payments")
    String payments(@PathVariable String tenantId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("tenantId", tenant.toString());
        model.addAttribute("header", String.join(",", Invoices.LINE_COLUMNS));
        model.addAttribute("maxMegabytes", payments.maxBytes() / (1024 * 1024));
        model.addAttribute("payments", payments.list(tenant, null, null));
        return "cycle/payments";
    }

    @PostMapping("/tenants/{tenantId}/payments")
    String upload(@PathVariable String tenantId, @RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            if (file == null || file.isEmpty()) throw new DomainProblem(CycleProblem.PAYMENT_FILE_EMPTY, Map.of("field", "file"));
            List<Payment> recorded = payments.recordFile(tenant, file.getOriginalFilename(), file.getInputStream());
            redirect.addFlashAttribute("flash", message("payments.recorded", recorded.size(),
                    recorded.stream().mapToInt(Payment::workers).sum(), recorded.stream().mapToLong(Payment::amount).sum()));
            return "redirect:/tenants/" + tenant + "/payments";
        } catch (PaymentFileRefused refused) {
            formProblems.addTo(model, "upload", refused);
            var locale = LocaleContextHolder.getLocale();
            model.addAttribute("rowProblems", refused.rows().stream().map(r -> Map.of(
                    "line", String.valueOf(r.line()), "column", r.column(),
                    "message", messages.getMessage("problem." + r.type().slug() + ".detail", r.arguments().toArray(), locale))).toList());
            model.addAttribute("moreProblems", Math.max(0, refused.total() - refused.rows().size()));
            return payments(tenantId, model);
        } catch (DomainProblem problem) {
            formProblems.addTo(model, "upload", problem);
            return payments(tenantId, model);
        }
    }

    private static void send(HttpServletResponse response, ExportFormat format, String fileName,
                             org.springframework.util.FastByteArrayOutputStream content) throws IOException {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setContentLength(content.size());
        content.writeTo(response.getOutputStream());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
