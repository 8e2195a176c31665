package id.payung.reporting.web;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.reporting.CoverageDashboards;
import id.payung.reporting.CoverageDashboards.WorkerFilter;
import id.payung.reporting.ReadModelRebuild;
import id.payung.reporting.Reports.Breakdown;
import id.payung.reporting.Reports.BreakdownRow;
import id.payung.reporting.Reports.OpdRank;
import id.payung.reporting.Reports.PemdaDashboard;
import id.payung.reporting.Reports.TrendPoint;
import id.payung.reporting.web.Charts.Bar;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dashboards as pages: charts drawn as SVG on the server, every bar and figure a link to what is
 * behind it, every table exportable (CSV, XLSX) and the pemda's month as a one-page PDF.
 */
@Controller
class ReportingPagesController {

    private static final int WORKERS_PAGE = 50;
    private static final int CHART_ROWS = 12;
    /** Rendered figures kept: every pemda of the country once, with room for other months and languages. */
    private static final int RENDERED_KEPT = 1_000;

    private final CoverageDashboards dashboards;
    private final ReadModelRebuild rebuild;
    private final ReportExports exports;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    /** Rendered figures of the dashboards last shown, least recently used dropped first. */
    private final ConcurrentLruCache<Rendered, String> renderedFigures;

    ReportingPagesController(CoverageDashboards dashboards, ReadModelRebuild rebuild, ReportExports exports,
                             CurrentActor currentActor, MessageSource messages, ITemplateEngine templates) {
        this.templates = templates;
        this.renderedFigures = new ConcurrentLruCache<>(RENDERED_KEPT, this::render);
        this.dashboards = dashboards;
        this.rebuild = rebuild;
        this.exports = exports;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @ModelAttribute("f")
    ReportFormat format() {
        return new ReportFormat(LocaleContextHolder.getLocale());
    }

    @ModelAttribute("statuses")
    List<String> statuses() {
        return id.payung.reporting.Reports.STATUSES;
    }

    /** Where "Dasbor" in the menu leads, by role. */
    @GetMapping("/dashboard")
    String mine() {
        Actor actor = currentActor.get();
        if (actor.has(Role.BPJS_STAFF)) return "redirect:/dashboard/office";
        TenantId tenant = actor.tenant().orElseThrow(() -> new DomainProblem(PlatformProblem.NOT_FOUND));
        if (actor.has(Role.KEPALA_DAERAH) || actor.has(Role.DISNAKER_OPERATOR)) return "redirect:/tenants/" + tenant + "/dashboard";
        if (actor.has(Role.OPD_HEAD)) return "redirect:/tenants/" + tenant + "/dashboard/my-opd";
        if (actor.has(Role.ASN_SPONSOR)) return "redirect:/tenants/" + tenant + "/dashboard/sponsor";
        throw new DomainProblem(PlatformProblem.FORBIDDEN);
    }

    @GetMapping("/tenants/{tenantId}/dashboard")
    String pemda(@PathVariable String tenantId, @RequestParam(required = false) String period, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        PemdaDashboard d = dashboards.pemda(tenant, period);
        String base = "/tenants/" + tenant + "/dashboard";
        model.addAttribute("d", d);
        model.addAttribute("base", base);
        model.addAttribute("body", renderedFigures.get(new Rendered(d, LocaleContextHolder.getLocale())));
        model.addAttribute("mayRebuild", currentActor.get().has(Role.BPJS_STAFF) || currentActor.get().isUnrestricted());
        return "reporting/pemda";
    }

    /**
     * What the figures part of a pemda page is rendered from: one assembled dashboard, compared by identity
     * ({@code DashboardCache} answers the same instance until the pemda changes, so no deep comparison on
     * every request), in one language.
     */
    private record Rendered(PemdaDashboard dashboard, Locale locale) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Rendered r && r.dashboard == dashboard && r.locale.equals(locale);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(dashboard) + locale.hashCode();
        }
    }

    /**
     * The figures of the page (headline, charts, tables: {@code reporting/pemda-body}), rendered once per
     * dashboard and language and kept while the dashboard is: drawing the charts and filling some hundred
     * table cells is most of a page's cost.
     */
    private String render(Rendered what) {
        PemdaDashboard d = what.dashboard();
        Locale locale = what.locale();
        String base = "/tenants/" + d.pemda().tenantId() + "/dashboard";
        String p = "period=" + d.period();
        ReportFormat format = new ReportFormat(locale);
        Map<String, Object> variables = new HashMap<>();
        variables.put("d", d);
        variables.put("base", base);
        variables.put("f", format);
        variables.put("statuses", id.payung.reporting.Reports.STATUSES);
        variables.put("gauge", Charts.gauge(m("reporting.headline.share", locale), d.headline().coveragePercent(), d.headline().targetPercent()));
        variables.put("trendChart", trendChart(d.trend(), base, locale));
        variables.put("districtHeading", heading(d.pemda().kind(), d.districts().dimension()));
        variables.put("districtChart", breakdownChart(d.districts(), base, p, locale));
        variables.put("occupationChart", breakdownChart(d.occupations(), base, p, locale));
        variables.put("programChart", breakdownChart(d.programs(), base, p, locale));
        variables.put("opdChart", Charts.bars(m("reporting.opdRanking.title", locale), d.opdRanking().stream().limit(CHART_ROWS)
                .map(r -> new Bar(r.rank() + ". " + r.name(), r.covered(), base + "/opds/" + r.opdId() + "?" + p,
                        r.name() + ": " + format.n(r.covered()))).toList(), locale));
        return templates.process("reporting/pemda-body", Set.of("body"), new Context(locale, variables));
    }

    @GetMapping("/tenants/{tenantId}/dashboard/breakdown/{dimension}")
    String breakdown(@PathVariable String tenantId, @PathVariable String dimension, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String parent, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        Breakdown b = dashboards.breakdown(tenant, dimension, period, parent);
        String base = "/tenants/" + tenant + "/dashboard";
        var pemda = dashboards.pemdaFacts(tenant);
        model.addAttribute("b", b);
        model.addAttribute("pemda", pemda);
        model.addAttribute("heading", heading(pemda.kind(), b.dimension()));
        model.addAttribute("base", base);
        model.addAttribute("chart", breakdownChart(b, base, "period=" + b.period(), LocaleContextHolder.getLocale()));
        model.addAttribute("exportTable", switch (b.dimension()) {
            case DISTRICT -> "districts";
            case VILLAGE -> "villages";
            case OCCUPATION -> "occupations";
            case PROGRAM -> "programs";
            case OPD -> "opd-ranking";
        });
        return "reporting/breakdown";
    }

    @GetMapping("/tenants/{tenantId}/dashboard/workers")
    String workers(@PathVariable String tenantId, @RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
                   @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        var workers = dashboards.workers(tenant, new WorkerFilter(dimension, key, status), PageRequest.of(page, WORKERS_PAGE));
        String base = "/tenants/" + tenant + "/dashboard";
        model.addAttribute("workers", workers);
        model.addAttribute("pemda", dashboards.pemdaFacts(tenant));
        model.addAttribute("base", base);
        model.addAttribute("dimension", dimension);
        model.addAttribute("key", key);
        model.addAttribute("status", status);
        model.addAttribute("query", UriComponentsBuilder.newInstance().queryParamIfPresent("dimension", present(dimension))
                .queryParamIfPresent("key", present(key)).queryParamIfPresent("status", present(status)).encode().build().toUriString());
        model.addAttribute("mayOpenWorker", currentActor.get().isUnrestricted() || currentActor.get().has(Role.DISNAKER_OPERATOR)
                || currentActor.get().has(Role.BPJS_STAFF));
        return "reporting/workers";
    }

    @GetMapping("/tenants/{tenantId}/dashboard/my-opd")
    String myOpd(@PathVariable String tenantId) {
        TenantId tenant = TenantId.parse(tenantId);
        return "redirect:/tenants/" + tenant + "/dashboard/opds/" + dashboards.ownOpd(tenant);
    }

    @GetMapping("/tenants/{tenantId}/dashboard/opds/{opdId}")
    String opd(@PathVariable String tenantId, @PathVariable String opdId, @RequestParam(required = false) String period, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        var d = dashboards.opd(tenant, opdId, period);
        String base = "/tenants/" + tenant + "/dashboard";
        model.addAttribute("d", d);
        model.addAttribute("base", base);
        model.addAttribute("trendChart", Charts.columns(m("reporting.trend.title"), d.trend().stream()
                .map(t -> new Bar(format().shortMonth(t.period()), t.covered(), base + "/opds/" + d.opd().opdId() + "?period=" + t.period(),
                        format().month(t.period()) + ": " + format().n(t.covered()))).toList(), LocaleContextHolder.getLocale()));
        return "reporting/opd";
    }

    @GetMapping("/tenants/{tenantId}/dashboard/sponsor")
    String sponsor(@PathVariable String tenantId, Model model) {
        TenantId tenant = TenantId.parse(tenantId);
        model.addAttribute("d", dashboards.sponsor(tenant));
        model.addAttribute("base", "/tenants/" + tenant + "/dashboard");
        return "reporting/sponsor";
    }

    @GetMapping("/dashboard/office")
    String office(@RequestParam(required = false) String office, Model model) {
        var o = dashboards.office(office);
        model.addAttribute("o", o);
        model.addAttribute("chart", Charts.bars(m("reporting.office.chart"), o.pemda().stream()
                .map(r -> new Bar(r.rank() + ". " + r.name(), r.covered(), "/tenants/" + r.tenantId() + "/dashboard",
                        r.name() + ": " + format().pct(r.coveragePercent()))).toList(), LocaleContextHolder.getLocale()));
        model.addAttribute("mayNational", dashboards.maySeeNational());
        return "reporting/office";
    }

    @GetMapping("/dashboard/national")
    String national(Model model) {
        var n = dashboards.national();
        model.addAttribute("n", n);
        model.addAttribute("chart", Charts.bars(m("reporting.national.chart"), n.offices().stream().limit(30)
                .map(o -> new Bar(o.rank() + ". " + o.officeName(), o.covered(), "/dashboard/office?office=" + o.officeCode(),
                        o.officeName() + ": " + format().pct(o.coveragePercent()))).toList(), LocaleContextHolder.getLocale()));
        model.addAttribute("top", n.pemda().stream().limit(20).toList());
        model.addAttribute("bottom", n.pemda().size() <= 20 ? List.of() : n.pemda().subList(Math.max(20, n.pemda().size() - 20), n.pemda().size()));
        return "reporting/national";
    }

    @PostMapping("/tenants/{tenantId}/dashboard/rebuild")
    String rebuild(@PathVariable String tenantId, RedirectAttributes redirect) {
        TenantId tenant = TenantId.parse(tenantId);
        var result = rebuild.rebuild(tenant);
        redirect.addFlashAttribute("flash", messages.getMessage("reporting.rebuilt", new Object[]{format().n(result.workersSeen()),
                format().n(result.workersCorrected()), format().n(result.workersRemoved()), format().n(result.millis())}, LocaleContextHolder.getLocale()));
        return "redirect:/tenants/" + tenant + "/dashboard";
    }

    @GetMapping("/tenants/{tenantId}/dashboard/export/{table}.{format}")
    void export(@PathVariable String tenantId, @PathVariable String table, @PathVariable String format,
                @RequestParam(required = false) String period, @RequestParam(required = false) String parent,
                @RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
                @RequestParam(required = false) String status, @RequestParam(required = false) String opdId,
                HttpServletResponse response) throws IOException {
        exports.pemdaTable(TenantId.parse(tenantId), table, format, new ReportExports.Query(period, parent, dimension, key, status, opdId), response);
    }

    @GetMapping("/dashboard/export/{table}.{format}")
    void exportAcross(@PathVariable String table, @PathVariable String format, @RequestParam(required = false) String office,
                      HttpServletResponse response) throws IOException {
        exports.crossPemdaTable(table, format, office, response);
    }

    @GetMapping("/tenants/{tenantId}/dashboard/summary.pdf")
    void pdf(@PathVariable String tenantId, @RequestParam(required = false) String period, HttpServletResponse response) throws IOException {
        ReportingApiController.writePdf(dashboards.pemda(TenantId.parse(tenantId), period), messages, response);
    }

    private String trendChart(List<TrendPoint> trend, String base, Locale locale) {
        ReportFormat f = format();
        return Charts.columns(m("reporting.trend.title"), trend.stream().map(t -> new Bar(f.shortMonth(t.period()), t.covered(),
                base + "?period=" + t.period(), f.month(t.period()) + ": " + f.n(t.covered()))).toList(), locale);
    }

    /** The heading of a breakdown; a province's "districts" are its regencies and cities. */
    static String heading(String pemdaKind, id.payung.reporting.Reports.Dimension dimension) {
        if (dimension != id.payung.reporting.Reports.Dimension.DISTRICT) return "reporting.breakdown." + dimension.name();
        return "reporting.breakdown.DISTRICT." + ("PROVINSI".equals(pemdaKind) ? "province" : "regency");
    }

    private String breakdownChart(Breakdown b, String base, String periodQuery, Locale locale) {
        ReportFormat f = format();
        return Charts.bars(m("reporting.breakdown." + b.dimension().name()), b.rows().stream().limit(CHART_ROWS)
                .map(r -> new Bar(r.label(), r.covered(), drill(b, r, base, periodQuery), r.label() + ": " + f.n(r.covered()))).toList(), locale);
    }

    /** Where a group of a breakdown leads: a district to its villages, an OPD to its page, anything else to its workers. */
    static String drill(Breakdown b, BreakdownRow r, String base, String periodQuery) {
        return switch (b.dimension()) {
            case DISTRICT -> base + "/breakdown/VILLAGE?parent=" + r.key() + "&" + periodQuery;
            case OPD -> base + "/opds/" + r.key() + "?" + periodQuery;
            default -> base + "/workers?dimension=" + b.dimension() + "&key=" + r.key() + "&status=ACTIVE";
        };
    }

    static String rankLink(OpdRank r, String base, String periodQuery) {
        return base + "/opds/" + r.opdId() + "?" + periodQuery;
    }

    private static java.util.Optional<String> present(String text) {
        return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text.strip());
    }

    private String m(String key) {
        return m(key, LocaleContextHolder.getLocale());
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
