package id.payung.reporting.web;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.reporting.CoverageDashboards;
import id.payung.reporting.CoverageDashboards.WorkerFilter;
import id.payung.reporting.Periods;
import id.payung.reporting.ReadModelRebuild;
import id.payung.reporting.Reports.Breakdown;
import id.payung.reporting.Reports.ClaimsFigures;
import id.payung.reporting.Reports.ContributionRow;
import id.payung.reporting.Reports.NationalOverview;
import id.payung.reporting.Reports.OfficeOverview;
import id.payung.reporting.Reports.OpdDashboard;
import id.payung.reporting.Reports.OpdRank;
import id.payung.reporting.Reports.PemdaDashboard;
import id.payung.reporting.Reports.RebuildResult;
import id.payung.reporting.Reports.SponsorDashboard;
import id.payung.reporting.Reports.TrendPoint;
import id.payung.reporting.Reports.WorkerRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The dashboards as JSON, their tables as CSV/XLSX and the one-page PDF summary. Every figure is the
 * same as on the pages; every refusal is an RFC 9457 problem document.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reporting", description = "Coverage against target: dashboards per pemda, OPD, ASN sponsor, BPJS office and nation")
class ReportingApiController {

    private final CoverageDashboards dashboards;
    private final ReadModelRebuild rebuild;
    private final ReportExports exports;
    private final MessageSource messages;

    ReportingApiController(CoverageDashboards dashboards, ReadModelRebuild rebuild, ReportExports exports, MessageSource messages) {
        this.dashboards = dashboards;
        this.rebuild = rebuild;
        this.exports = exports;
        this.messages = messages;
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
        }
    }

    @GetMapping("/tenants/{tenantId}/reporting/dashboard")
    @Operation(summary = "The pemda dashboard for a month (YYYY-MM, default the current month): coverage against potential "
            + "workers and target, 12-month trend, breakdowns, OPD ranking, contributions, claims")
    PemdaDashboard pemda(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return dashboards.pemda(TenantId.parse(tenantId), period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/breakdowns/{dimension}")
    @Operation(summary = "Covered workers (in the month) and workers per status (now) by DISTRICT, VILLAGE (parent = a district), "
            + "OCCUPATION, PROGRAM or OPD")
    Breakdown breakdown(@PathVariable String tenantId, @PathVariable String dimension, @RequestParam(required = false) String period,
                        @RequestParam(required = false) String parent) {
        return dashboards.breakdown(TenantId.parse(tenantId), dimension, period, parent);
    }

    @GetMapping("/tenants/{tenantId}/reporting/trend")
    @Operation(summary = "Twelve months up to the period: covered at each month's end, spells started and ended, registrations, money, claims paid")
    List<TrendPoint> trend(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return dashboards.trend(TenantId.parse(tenantId), period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/opd-ranking")
    @Operation(summary = "OPDs ranked by the covered workers their ASN sponsor, with the month's deduction list")
    List<OpdRank> opdRanking(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return dashboards.opdRanking(TenantId.parse(tenantId), period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/contributions")
    @Operation(summary = "Contributions paid to BPJS per month and funding program, twelve months up to the period")
    List<ContributionRow> contributions(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return dashboards.contributions(TenantId.parse(tenantId), period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/claims")
    @Operation(summary = "Claims backlog now and claims paid in the twelve months up to the period, per kind")
    ClaimsFigures claims(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return dashboards.claims(TenantId.parse(tenantId), period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/workers")
    @Operation(summary = "The workers behind a figure (ids and codes, no personal data): dimension + key, status; paged")
    PageView<WorkerRow> workers(@PathVariable String tenantId, @RequestParam(required = false) String dimension,
                                @RequestParam(required = false) String key, @RequestParam(required = false) String status,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(dashboards.workers(TenantId.parse(tenantId), new WorkerFilter(dimension, key, status), PageRequest.of(page, size)));
    }

    @GetMapping("/tenants/{tenantId}/reporting/opds/{opdId}")
    @Operation(summary = "One OPD: its rank, covered sponsored workers and trend, its deduction lists (its head, or who sees the pemda)")
    OpdDashboard opd(@PathVariable String tenantId, @PathVariable String opdId, @RequestParam(required = false) String period) {
        return dashboards.opd(TenantId.parse(tenantId), opdId, period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/my-opd")
    @Operation(summary = "The OPD dashboard of the OPD the signed-in OPD head heads")
    OpdDashboard myOpd(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        TenantId tenant = TenantId.parse(tenantId);
        return dashboards.opd(tenant, dashboards.ownOpd(tenant).toString(), period);
    }

    @GetMapping("/tenants/{tenantId}/reporting/sponsor")
    @Operation(summary = "The signed-in ASN sponsor's own workers, their paid months and his OPD's deduction lists")
    SponsorDashboard sponsor(@PathVariable String tenantId) {
        return dashboards.sponsor(TenantId.parse(tenantId));
    }

    @GetMapping("/reporting/office")
    @Operation(summary = "The pemda of the BPJS staff member's office side by side, ranked by coverage and gap, with backlogs")
    OfficeOverview office(@RequestParam(required = false) String office) {
        return dashboards.office(office);
    }

    @GetMapping("/reporting/national")
    @Operation(summary = "Every pemda and BPJS office (the national office only)")
    NationalOverview national() {
        return dashboards.national();
    }

    @PostMapping("/tenants/{tenantId}/reporting/rebuild")
    @Operation(summary = "Rebuild the pemda's read models from the modules' published APIs (BPJS staff of its office)")
    RebuildResult rebuild(@PathVariable String tenantId) {
        return rebuild.rebuild(TenantId.parse(tenantId));
    }

    @PostMapping("/reporting/rebuild")
    @Operation(summary = "Rebuild the read models of every pemda (the national office)")
    List<RebuildResult> rebuildAll() {
        return rebuild.rebuildAll();
    }

    @GetMapping("/tenants/{tenantId}/reporting/exports/{table}.{format}")
    @Operation(summary = "A table of the pemda's dashboards as csv or xlsx: trend, districts, villages, occupations, programs, "
            + "opd-ranking, contributions, claims, workers, opd-deductions, opd-trend, sponsor-workers, sponsor-months")
    void export(@PathVariable String tenantId, @PathVariable String table, @PathVariable String format,
                @RequestParam(required = false) String period, @RequestParam(required = false) String parent,
                @RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
                @RequestParam(required = false) String status, @RequestParam(required = false) String opdId,
                HttpServletResponse response) throws IOException {
        exports.pemdaTable(TenantId.parse(tenantId), table, format, new ReportExports.Query(period, parent, dimension, key, status, opdId), response);
    }

    @GetMapping("/reporting/exports/{table}.{format}")
    @Operation(summary = "The office table (office) or the national tables (national-pemda, national-offices) as csv or xlsx")
    void exportAcross(@PathVariable String table, @PathVariable String format, @RequestParam(required = false) String office,
                      HttpServletResponse response) throws IOException {
        exports.crossPemdaTable(table, format, office, response);
    }

    @GetMapping("/tenants/{tenantId}/reporting/summary.pdf")
    @Operation(summary = "One-page PDF summary of the pemda for a month")
    void pdf(@PathVariable String tenantId, @RequestParam(required = false) String period, HttpServletResponse response) throws IOException {
        PemdaDashboard dashboard = dashboards.pemda(TenantId.parse(tenantId), period);
        writePdf(dashboard, messages, response);
    }

    static void writePdf(PemdaDashboard dashboard, MessageSource messages, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new SummaryPdf(messages, LocaleContextHolder.getLocale()).write(dashboard, buffer);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"payung-ringkasan-" + dashboard.pemda().regionCode().replace(".", "")
                + "-" + dashboard.period() + ".pdf\"");
        response.setContentLength(buffer.size());
        buffer.writeTo(response.getOutputStream());
    }

    static String periodOrCurrent(String period) {
        return period == null || period.isBlank() ? Periods.current().toString() : period;
    }
}
