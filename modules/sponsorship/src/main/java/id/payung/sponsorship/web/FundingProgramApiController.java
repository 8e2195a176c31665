package id.payung.sponsorship.web;

import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.sponsorship.FundingProgram;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.FundingPrograms.ProgramDetails;
import id.payung.sponsorship.FundingPrograms.ProgramFigures;
import id.payung.sponsorship.ProgramEnrolment;
import id.payung.sponsorship.ProgramEnrolment.EnrolmentResult;
import id.payung.sponsorship.web.ApiViews.FundingView;
import id.payung.sponsorship.web.ApiViews.PageView;
import id.payung.sponsorship.web.ApiViews.ProgramView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pemda's funding programs and the workers they fund (Disnaker operator; read also by BPJS staff and the head of region). */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}")
@Tag(name = "Funding programs", description = "ASN/TPP, APBD cohort, CSR and self-paid programs of a pemda, and their fundings")
class FundingProgramApiController {

    private final FundingPrograms programs;
    private final ProgramEnrolment enrolment;
    private final MessageSource messages;

    FundingProgramApiController(FundingPrograms programs, ProgramEnrolment enrolment, MessageSource messages) {
        this.programs = programs;
        this.enrolment = enrolment;
        this.messages = messages;
    }

    record FiguresView(ProgramView program, int fundedWorkers, int fundedThisMonth, Long committedCost, YearMonth monthWithoutRate,
                       Long budgetLeft, Integer quotaLeft) {
        static FiguresView of(ProgramFigures f) {
            return new FiguresView(ProgramView.of(f.program()), f.fundedWorkers(), f.fundedThisMonth(), f.committedCost(),
                    f.monthWithoutRate(), f.budgetLeft(), f.quotaLeft());
        }
    }

    record ClosureRequest(String lastPeriod) {
    }

    record WorkersRequest(List<UUID> workerIds, String firstPeriod) {
    }

    record ImportRequest(UUID importId, String firstPeriod) {
    }

    record NikListRequest(List<String> niks, String firstPeriod) {
    }

    record EndRequest(String fromPeriod, String reason) {
    }

    record FundedWorkerView(FundingView funding, String workerName, String maskedNik, String workerStatus) {
    }

    @GetMapping("/funding-programs")
    @Operation(summary = "The pemda's funding programs, running ones first")
    List<ProgramView> list(@PathVariable String tenantId) {
        return programs.list(TenantId.parse(tenantId)).stream().map(ProgramView::of).toList();
    }

    @PostMapping("/funding-programs")
    @Operation(summary = "Create a program (Disnaker operator): kind ASN_TPP (one per pemda), APBD_COHORT (budgetCeiling, "
            + "workerQuota, lastPeriod), CSR (donorName, months) or SELF; countsAsApbd withholds the PP 50/2025 discount")
    ResponseEntity<ProgramView> create(@PathVariable String tenantId, @RequestBody ProgramDetails request) {
        FundingProgram program = programs.create(TenantId.parse(tenantId), request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/funding-programs/" + program.id()))
                .body(ProgramView.of(program));
    }

    @GetMapping("/funding-programs/{programId}")
    @Operation(summary = "A program with its figures: workers, funded this month, cost committed, budget and quota left")
    FiguresView get(@PathVariable String tenantId, @PathVariable UUID programId) {
        return FiguresView.of(programs.figures(TenantId.parse(tenantId), programId));
    }

    @PostMapping("/funding-programs/{programId}/closure")
    @Operation(summary = "Close a program after a month; its fundings running later end then")
    ProgramView close(@PathVariable String tenantId, @PathVariable UUID programId, @RequestBody ClosureRequest request) {
        return ProgramView.of(programs.close(TenantId.parse(tenantId), programId, request.lastPeriod()));
    }

    @GetMapping("/funding-programs/{programId}/fundings")
    @Operation(summary = "The program's fundings, the latest first; running=true: only those funding this month or later")
    PageView<FundedWorkerView> fundings(@PathVariable String tenantId, @PathVariable UUID programId,
                                        @RequestParam(defaultValue = "false") boolean running,
                                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(enrolment.fundings(TenantId.parse(tenantId), programId, running, PageRequest.of(page, size))
                .map(fw -> new FundedWorkerView(FundingView.of(fw.funding()),
                        fw.worker() == null ? null : fw.worker().name(), fw.worker() == null ? null : fw.worker().maskedNik(),
                        fw.worker() == null ? null : fw.worker().status().name())));
    }

    @PostMapping("/funding-programs/{programId}/fundings")
    @Operation(summary = "Add chosen registered workers to an APBD, CSR or self-paid program from a month (quota and ceiling checked)")
    EnrolmentResult addWorkers(@PathVariable String tenantId, @PathVariable UUID programId, @RequestBody WorkersRequest request) {
        return enrolment.addWorkers(TenantId.parse(tenantId), programId, request.workerIds(), request.firstPeriod());
    }

    @PostMapping("/funding-programs/{programId}/fundings/from-import")
    @Operation(summary = "Add all workers a finished worker import stored")
    EnrolmentResult addImport(@PathVariable String tenantId, @PathVariable UUID programId, @RequestBody ImportRequest request) {
        return enrolment.addImport(TenantId.parse(tenantId), programId, request.importId(), request.firstPeriod());
    }

    @PostMapping("/funding-programs/{programId}/fundings/from-nik-list")
    @Operation(summary = "Add the workers of a list of NIKs (in the body); any unknown, repeated, malformed or ended one refuses the "
            + "whole list with every bad position (problem property 'lines', 1-based)")
    EnrolmentResult addNikList(@PathVariable String tenantId, @PathVariable UUID programId, @RequestBody NikListRequest request) {
        String content = request.niks() == null ? "" : String.join("\n", request.niks().stream().map(n -> n == null ? "" : n).toList());
        return enrolment.addNikList(TenantId.parse(tenantId), programId, content, request.firstPeriod());
    }

    @PostMapping("/fundings/{fundingId}/end")
    @Operation(summary = "End a funding from a month (this month or later) with a reason (Disnaker operator)")
    FundingView end(@PathVariable String tenantId, @PathVariable UUID fundingId, @RequestBody EndRequest request) {
        return FundingView.of(enrolment.end(TenantId.parse(tenantId), fundingId, request.fromPeriod(), request.reason()));
    }

    @ExceptionHandler(ProgramEnrolment.NikListRefused.class)
    ProblemDetail nikListRefused(ProgramEnrolment.NikListRefused refused) {
        var locale = LocaleContextHolder.getLocale();
        var detail = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        detail.setType(URI.create("https://payung.id/problems/" + refused.type().slug()));
        detail.setTitle(messages.getMessage("problem." + refused.type().slug() + ".title", null, locale));
        detail.setDetail(messages.getMessage("problem." + refused.type().slug() + ".detail", refused.arguments(), locale));
        detail.setProperty("lines", refused.lines().stream().limit(10_000).map(l -> Map.of("line", l.line(),
                "type", "https://payung.id/problems/" + l.type().slug(),
                "message", messages.getMessage("problem." + l.type().slug() + ".detail", l.arguments().toArray(), locale))).toList());
        return detail;
    }
}
