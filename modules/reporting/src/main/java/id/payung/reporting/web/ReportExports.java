package id.payung.reporting.web;

import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.reporting.CoverageDashboards;
import id.payung.reporting.CoverageDashboards.WorkerFilter;
import id.payung.reporting.ReportingProblem;
import id.payung.reporting.Reports;
import id.payung.reporting.Reports.Breakdown;
import id.payung.reporting.Reports.PemdaRow;
import id.payung.reporting.web.TableFiles.Column;
import id.payung.reporting.web.TableFiles.Format;
import id.payung.reporting.web.TableFiles.RowSink;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every table of the dashboards as a CSV or XLSX file, for the pages and the API alike. The figures come
 * from the same service calls as the pages, so an export holds exactly what the page shows (and is
 * refused exactly when the page would be).
 */
@Component
class ReportExports {

    private final CoverageDashboards dashboards;
    private final MessageSource messages;

    ReportExports(CoverageDashboards dashboards, MessageSource messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    /** Parameters of an export; which ones matter depends on the table. */
    record Query(String period, String parent, String dimension, String key, String status, String opdId) {
    }

    private record Table(String name, List<Column> columns, Consumer<RowSink> rows) {
    }

    static Format format(String text) {
        try {
            return Format.valueOf(text == null ? "" : text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(ReportingProblem.EXPORT_FORMAT_UNKNOWN, Map.of("parameter", "format"), text == null ? "" : text);
        }
    }

    /** A table of one pemda. The figures are read (and the request checked) before the first byte is written. */
    void pemdaTable(TenantId tenant, String table, String formatText, Query q, HttpServletResponse response) throws IOException {
        Format format = format(formatText);
        Table t = switch (table) {
            case "trend" -> {
                var trend = dashboards.trend(tenant, q.period());
                yield new Table("trend", List.of(Column.text(h("period")), Column.number(h("covered")), Column.number(h("started")),
                        Column.number(h("ended")), Column.number(h("registeredNew")), Column.number(h("contributions")),
                        Column.number(h("claimsPaidAmount"))),
                        sink -> trend.forEach(p -> sink.row(p.period().toString(), p.covered(), p.started(), p.ended(), p.registered(),
                                p.contributions(), p.claimsPaidAmount())));
            }
            case "districts", "villages", "occupations", "programs" -> {
                String dimension = switch (table) {
                    case "districts" -> "DISTRICT";
                    case "villages" -> "VILLAGE";
                    case "occupations" -> "OCCUPATION";
                    default -> "PROGRAM";
                };
                Breakdown b = dashboards.breakdown(tenant, dimension, q.period(), table.equals("villages") ? q.parent() : null);
                yield new Table(table, breakdownColumns(), sink -> b.rows().forEach(r -> sink.row(r.key(), r.label(), r.covered(),
                        r.shareOfCovered(), r.registeredToDate(), r.registered(), r.verified(), r.active(), r.inactive(), r.ended())));
            }
            case "opd-ranking" -> {
                var ranking = dashboards.opdRanking(tenant, q.period());
                yield new Table(table, List.of(Column.number(h("rank")), Column.text(h("opdCode")), Column.text(h("opd")),
                        Column.number(h("covered")), Column.number(h("sponsoredNow")), Column.number(h("sponsors")),
                        Column.number(h("deductionWorkers")), Column.number(h("deducted"))),
                        sink -> ranking.forEach(r -> sink.row(r.rank(), r.code(), r.name(), r.covered(), r.sponsoredNow(), r.sponsors(),
                                r.deductionWorkers(), r.deductedAmount())));
            }
            case "contributions" -> {
                var rows = dashboards.contributions(tenant, q.period());
                yield new Table(table, List.of(Column.text(h("period")), Column.text(h("program")), Column.text(h("programKind")),
                        Column.number(h("workerMonths")), Column.number(h("amount"))),
                        sink -> rows.forEach(r -> sink.row(r.period().toString(), r.programLabel(), r.programKind(), r.workerMonths(), r.amount())));
            }
            case "claims" -> {
                var claims = dashboards.claims(tenant, q.period());
                yield new Table(table, List.of(Column.text(h("claimKind")), Column.number(h("filed")), Column.number(h("awaitingDecision")),
                        Column.number(h("awaitingPayment")), Column.number(h("rejected")), Column.number(h("paid12m")),
                        Column.number(h("paidAmount12m"))),
                        sink -> claims.byKind().forEach(k -> sink.row(k.kind(), k.filed(), k.awaitingDecision(), k.awaitingPayment(),
                                k.rejected(), k.paid(), k.paidAmount())));
            }
            case "workers" -> {
                WorkerFilter filter = new WorkerFilter(q.dimension(), q.key(), q.status());
                // checks the request (and reads the first page) before the response is committed
                dashboards.workers(tenant, filter, id.payung.platform.PageRequest.of(0, 1));
                yield new Table(table, List.of(Column.text(h("workerId")), Column.text(h("status")), Column.text(h("villageCode")),
                        Column.text(h("village")), Column.text(h("district")), Column.text(h("occupation")), Column.text(h("registeredOn")),
                        Column.text(h("coveredFrom")), Column.text(h("programs")), Column.text(h("opds"))),
                        sink -> dashboards.eachWorker(tenant, filter, w -> sink.row(w.workerId().toString(), w.status(), w.villageCode(),
                                w.villageName(), w.districtName(), w.occupationName(), String.valueOf(w.registeredOn()),
                                w.coveredFrom() == null ? "" : w.coveredFrom().toString(), String.join("; ", w.programs()),
                                String.join("; ", w.opds()))));
            }
            case "opd-deductions", "opd-trend" -> {
                var opd = dashboards.opd(tenant, q.opdId(), q.period());
                yield table.equals("opd-deductions")
                        ? new Table(table, List.of(Column.text(h("period")), Column.number(h("sponsors")), Column.number(h("deductionWorkers")),
                        Column.number(h("deducted"))), sink -> opd.deductions().forEach(d -> sink.row(d.period().toString(), d.sponsors(), d.workers(), d.amount())))
                        : new Table(table, List.of(Column.text(h("period")), Column.number(h("covered")), Column.number(h("started")),
                        Column.number(h("ended"))), sink -> opd.trend().forEach(p -> sink.row(p.period().toString(), p.covered(), p.started(), p.ended())));
            }
            case "sponsor-workers", "sponsor-months" -> {
                var sponsor = dashboards.sponsor(tenant);
                yield table.equals("sponsor-workers")
                        ? new Table(table, List.of(Column.text(h("workerId")), Column.text(h("status")), Column.text(h("village")),
                        Column.text(h("occupation")), Column.text(h("fundedFrom")), Column.text(h("fundedUntil")), Column.number(h("paidMonths12"))),
                        sink -> sponsor.workers().forEach(w -> sink.row(w.workerId().toString(), w.status(), w.villageName(), w.occupationName(),
                                w.fundedFrom() == null ? "" : w.fundedFrom().toString(), w.fundedUntil() == null ? "" : w.fundedUntil().toString(),
                                w.paidMonths().size())))
                        : new Table(table, List.of(Column.text(h("period")), Column.number(h("fundedWorkers")), Column.number(h("paidWorkers")),
                        Column.text(h("opdListApproved"))),
                        sink -> sponsor.months().forEach(m -> sink.row(m.period().toString(), m.fundedWorkers(), m.paidWorkers(),
                                m.opdListApproved() ? yes() : no())));
            }
            default -> throw new DomainProblem(ReportingProblem.EXPORT_UNKNOWN, Map.of("parameter", "table"), table);
        };
        send(t, format, tenant.toString().substring(0, 8) + "-" + (q.period() == null || q.period().isBlank() ? YearMonth.now() : q.period().strip()),
                response);
    }

    /** The pemda of the caller's BPJS office, or the national tables. */
    void crossPemdaTable(String table, String formatText, String office, HttpServletResponse response) throws IOException {
        Format format = format(formatText);
        Table t = switch (table) {
            case "office" -> {
                var overview = dashboards.office(office);
                yield new Table(table, pemdaColumns(), sink -> overview.pemda().forEach(r -> pemdaRow(sink, r)));
            }
            case "national-pemda" -> {
                var national = dashboards.national();
                yield new Table(table, pemdaColumns(), sink -> national.pemda().forEach(r -> pemdaRow(sink, r)));
            }
            case "national-offices" -> {
                var national = dashboards.national();
                yield new Table(table, List.of(Column.number(h("rank")), Column.text(h("officeCode")), Column.text(h("office")),
                        Column.number(h("pemdaCount")), Column.number(h("covered")), Column.number(h("potential")),
                        Column.number(h("coveragePercent")), Column.number(h("verificationBacklog")), Column.number(h("claimsBacklog"))),
                        sink -> national.offices().forEach(o -> sink.row(o.rank(), o.officeCode(), o.officeName(), o.pemdaCount(), o.covered(),
                                o.potentialWorkers(), o.coveragePercent(), o.verificationBacklog(), o.claimsBacklog())));
            }
            default -> throw new DomainProblem(ReportingProblem.EXPORT_UNKNOWN, Map.of("parameter", "table"), table);
        };
        send(t, format, YearMonth.now().toString(), response);
    }

    private List<Column> breakdownColumns() {
        return List.of(Column.text(h("code")), Column.text(h("name")), Column.number(h("covered")), Column.number(h("shareOfCovered")),
                Column.number(h("registeredToDate")), Column.number(h("REGISTERED")), Column.number(h("VERIFIED")),
                Column.number(h("ACTIVE")), Column.number(h("INACTIVE")), Column.number(h("ENDED")));
    }

    private List<Column> pemdaColumns() {
        return List.of(Column.number(h("rank")), Column.text(h("regionCode")), Column.text(h("pemda")), Column.text(h("officeCode")),
                Column.number(h("potential")), Column.number(h("target")), Column.number(h("covered")), Column.number(h("coveragePercent")),
                Column.number(h("gapWorkers")), Column.number(h("gapPoints")), Column.number(h("verificationBacklog")),
                Column.number(h("claimsAwaitingDecision")), Column.number(h("claimsAwaitingPayment")), Column.number(h("contributions12m")),
                Column.number(h("claimsPaidAmount12m")));
    }

    private static void pemdaRow(RowSink sink, PemdaRow r) {
        sink.row(r.rank(), r.regionCode(), r.name(), r.officeCode(), r.potentialWorkers(), r.targetPercent(), r.covered(),
                r.coveragePercent(), r.gapWorkers(), r.gapPoints(), r.verificationBacklog(), r.claimsAwaitingDecision(),
                r.claimsAwaitingPayment(), r.contributions12m(), r.claimsPaidAmount12m());
    }

    /**
     * Writes the file. Small tables are written to memory first so that a failure still becomes a clean
     * problem response; the worker list streams (it was checked before).
     */
    private void send(Table table, Format format, String suffix, HttpServletResponse response) throws IOException {
        String filename = "payung-" + table.name() + "-" + suffix + "." + format.extension;
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        if (table.name().equals("workers")) {
            TableFiles.write(format, table.name(), table.columns(), table.rows(), response.getOutputStream());
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        TableFiles.write(format, table.name(), table.columns(), table.rows(), buffer);
        response.setContentLength(buffer.size());
        buffer.writeTo(response.getOutputStream());
    }

    private String h(String key) {
        return messages.getMessage("reporting.column." + key, null, key, LocaleContextHolder.getLocale());
    }

    private String yes() {
        return messages.getMessage("reporting.yes", null, "ya", LocaleContextHolder.getLocale());
    }

    private String no() {
        return messages.getMessage("reporting.no", null, "tidak", LocaleContextHolder.getLocale());
    }

    static List<String> pemdaTables() {
        return List.of("trend", "districts", "villages", "occupations", "programs", "opd-ranking", "contributions", "claims", "workers",
                "opd-deductions", "opd-trend", "sponsor-workers", "sponsor-months");
    }

    static boolean isStatus(String s) {
        return Reports.STATUSES.contains(s);
    }
}
