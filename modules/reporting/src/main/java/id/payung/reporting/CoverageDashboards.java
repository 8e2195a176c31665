package id.payung.reporting;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.reporting.Reports.Breakdown;
import id.payung.reporting.Reports.BreakdownRow;
import id.payung.reporting.Reports.ClaimKindRow;
import id.payung.reporting.Reports.ClaimsFigures;
import id.payung.reporting.Reports.ContributionRow;
import id.payung.reporting.Reports.DeductionRow;
import id.payung.reporting.Reports.Dimension;
import id.payung.reporting.Reports.Headline;
import id.payung.reporting.Reports.NationalOverview;
import id.payung.reporting.Reports.OfficeOverview;
import id.payung.reporting.Reports.OfficeRow;
import id.payung.reporting.Reports.OpdDashboard;
import id.payung.reporting.Reports.OpdRank;
import id.payung.reporting.Reports.Pemda;
import id.payung.reporting.Reports.PemdaDashboard;
import id.payung.reporting.Reports.PemdaRow;
import id.payung.reporting.Reports.SponsorDashboard;
import id.payung.reporting.Reports.SponsorMonth;
import id.payung.reporting.Reports.SponsoredWorker;
import id.payung.reporting.Reports.TrendPoint;
import id.payung.reporting.Reports.WorkerRow;
import id.payung.reporting.persistence.DashboardRows;
import id.payung.reporting.persistence.DashboardRows.CoveredRow;
import id.payung.reporting.persistence.DashboardRows.FlowRow;
import id.payung.reporting.persistence.DashboardRows.SummaryRow;
import id.payung.reporting.persistence.DashboardRows.WorkerListRow;
import id.payung.sponsorship.AsnAccounts;
import id.payung.sponsorship.AsnLink;
import id.payung.sponsorship.CoverageLedger;
import id.payung.sponsorship.WorkerCover;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The coverage dashboards, answered from reporting's own pre-aggregated read models:
 * <ul>
 *   <li>a pemda (head of region, Disnaker operator, BPJS staff of its office): coverage against potential
 *   workers and target, trend, breakdowns, OPD ranking, contributions, claims; every group drillable;</li>
 *   <li>an OPD (its head; and whoever sees the pemda);</li>
 *   <li>an ASN sponsor's own workers and deductions;</li>
 *   <li>the pemda of a BPJS office side by side, and the whole country for the national office.</li>
 * </ul>
 * A period outside the data, a group of another pemda or a pemda the user does not belong to is refused
 * with a specific problem, before any figure is read.
 */
@Service
public class CoverageDashboards {

    static final Role[] MAY_SEE_PEMDA = {Role.KEPALA_DAERAH, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    private static final Pattern OCCUPATION_CODE = Pattern.compile("[A-Z_]{2,30}");
    private static final int TREND_MONTHS = 12;
    private static final List<String> DASHBOARD_DIMENSIONS = List.of("DISTRICT", "OCCUPATION", "PROGRAM", "OPD");

    private final DashboardRows rows;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final TenantAdministration tenants;
    private final AsnAccounts asnAccounts;
    private final CoverageLedger ledger;
    private final MessageSource messages;
    private final DashboardCache cache;
    private final Set<String> nationalOffices;

    CoverageDashboards(DashboardRows rows, TenantTransactions transactions, CurrentActor currentActor, TenantAdministration tenants,
                       AsnAccounts asnAccounts, CoverageLedger ledger, MessageSource messages, DashboardCache cache,
                       @Value("${payung.reporting.national-offices:KANTOR-PUSAT}") Set<String> nationalOffices) {
        this.rows = rows;
        this.cache = cache;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.tenants = tenants;
        this.asnAccounts = asnAccounts;
        this.ledger = ledger;
        this.messages = messages;
        this.nationalOffices = nationalOffices;
    }

    // ---- who may see what ------------------------------------------------------------------------------

    /** Whether the current actor may open the pemda dashboard at all (menus only; the methods check again). */
    public boolean maySeePemdaDashboards() {
        Actor actor = currentActor.find().orElse(null);
        if (actor == null) return false;
        if (actor.isUnrestricted()) return true;
        for (Role role : MAY_SEE_PEMDA) if (actor.has(role)) return true;
        return false;
    }

    public boolean maySeeNational() {
        Actor actor = currentActor.find().orElse(null);
        return actor != null && (actor.isUnrestricted()
                || (actor.has(Role.BPJS_STAFF) && actor.bpjsOffice().filter(nationalOffices::contains).isPresent()));
    }

    // ---- pemda ----------------------------------------------------------------------------------------------

    public PemdaDashboard pemda(TenantId tenant, String periodText) {
        currentActor.get().requireAnyOf(MAY_SEE_PEMDA);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            SummaryRow summary = summary(tenant);
            YearMonth period = withinData(summary, requested);
            var key = new DashboardCache.Key(tenant, "pemda", period, Periods.current(), LocaleContextHolder.getLocale().getLanguage());
            return cache.get(key, summary.revision(), PemdaDashboard.class, () -> assemblePemda(tenant, summary, period));
        });
    }

    private PemdaDashboard assemblePemda(TenantId tenant, SummaryRow summary, YearMonth period) {
        // one read per kind of row: names, counters of every dimension shown, flows, money, claims
        Labels labels = new Labels(tenant, rows.names(tenant, List.of("DISTRICT", "OCCUPATION")));
        var covered = rows.coveredAt(tenant, DASHBOARD_DIMENSIONS, period.atDay(1));
        var statuses = rows.statusCounts(tenant, DASHBOARD_DIMENSIONS, Reports.STATUSES);
        var payments = rows.payments(tenant, period.minusMonths(TREND_MONTHS - 1).atDay(1), period.atDay(1));
        List<TrendPoint> trend = trend(tenant, period, payments);
        long coveredNow = trend.getLast().covered();
        Headline headline = Headline.of(period, coveredNow, summary.potentialWorkers(), summary.targetPercent(), new long[]{
                summary.registered(), summary.verified(), summary.active(), summary.inactive(), summary.ended()});
        List<ContributionRow> contributions = contributions(payments, labels);
        long inPeriod = contributions.stream().filter(c -> c.period().equals(period)).mapToLong(ContributionRow::amount).sum();
        long in12 = contributions.stream().mapToLong(ContributionRow::amount).sum();
        return new PemdaDashboard(pemda(summary), period, firstPeriod(summary), Periods.current(), headline, trend,
                breakdownOf(Dimension.DISTRICT, null, period, covered.get("DISTRICT"), statuses.get("DISTRICT"), labels),
                breakdownOf(Dimension.OCCUPATION, null, period, covered.get("OCCUPATION"), statuses.get("OCCUPATION"), labels),
                breakdownOf(Dimension.PROGRAM, null, period, covered.get("PROGRAM"), statuses.get("PROGRAM"), labels),
                opdRanking(tenant, period, covered.get("OPD"), statuses.get("OPD"), labels), contributions, inPeriod, in12,
                claims(tenant, period));
    }

    /** One breakdown of a pemda in a month; villages may be narrowed to one district ({@code parent}). */
    public Breakdown breakdown(TenantId tenant, String dimensionText, String periodText, String parent) {
        currentActor.get().requireAnyOf(MAY_SEE_PEMDA);
        Dimension dimension = dimension(dimensionText);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            SummaryRow summary = summary(tenant);
            YearMonth period = withinData(summary, requested);
            String parentKey = null;
            if (parent != null && !parent.isBlank()) {
                if (dimension != Dimension.VILLAGE) throw new DomainProblem(ReportingProblem.DIMENSION_UNKNOWN, dimensionText);
                parentKey = areaOfPemda(summary, parent.strip(), Dimension.DISTRICT);
            }
            return breakdownOf(tenant, dimension, parentKey, period);
        });
    }

    public List<TrendPoint> trend(TenantId tenant, String periodText) {
        currentActor.get().requireAnyOf(MAY_SEE_PEMDA);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            YearMonth period = withinData(summary(tenant), requested);
            return trend(tenant, period, rows.payments(tenant, period.minusMonths(TREND_MONTHS - 1).atDay(1), period.atDay(1)));
        });
    }

    public List<OpdRank> opdRanking(TenantId tenant, String periodText) {
        currentActor.get().requireAnyOf(MAY_SEE_PEMDA);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> opdRanking(tenant, withinData(summary(tenant), requested)));
    }

    public List<ContributionRow> contributions(TenantId tenant, String periodText) {
        currentActor.get().requireAnyOf(MAY_SEE_PEMDA);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            YearMonth period = withinData(summary(tenant), requested);
            return contributions(rows.payments(tenant, period.minusMonths(TREND_MONTHS - 1).atDay(1), period.atDay(1)),
                    new Labels(tenant, rows.names(tenant, List.of())));
        });
    }

    public ClaimsFigures claims(TenantId tenant, String periodText) {
        currentActor.get().requireAnyOf(MAY_SEE_PEMDA);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> claims(tenant, withinData(summary(tenant), requested)));
    }

    /** The facts of a pemda in the reports (name, target, potential workers), for page titles. */
    public Pemda pemdaFacts(TenantId tenant) {
        return transactions.readInTenant(tenant, () -> pemda(summary(tenant)));
    }

    /** What a drill-down to single workers asks for: a group of a dimension (or all workers) and a status. */
    public record WorkerFilter(String dimension, String key, String status) {
        public static WorkerFilter all() {
            return new WorkerFilter(null, null, null);
        }
    }

    /**
     * The workers behind a figure (ids and codes only), {@code page} by page. An OPD head may drill into
     * his own OPD; who sees the pemda may drill into anything of it.
     */
    public Page<WorkerRow> workers(TenantId tenant, WorkerFilter filter, PageRequest page) {
        Actor actor = currentActor.get();
        return transactions.readInTenant(tenant, () -> {
            SummaryRow summary = summary(tenant);
            WorkerFilter checked = checkedFilter(tenant, summary, filter, actor);
            long total = total(tenant, checked);
            var found = rows.workers(tenant, checked.dimension(), checked.key(), checked.status(), page.size(), page.offset());
            Labels labels = labelsFor(tenant, found.stream().map(WorkerListRow::villageCode).collect(Collectors.toSet()));
            List<WorkerRow> items = found.stream().map(labels::worker).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    /** Every worker behind a figure, one by one (exports; the same checks as {@link #workers}). */
    public void eachWorker(TenantId tenant, WorkerFilter filter, Consumer<WorkerRow> sink) {
        Actor actor = currentActor.get();
        transactions.readInTenant(tenant, () -> {
            SummaryRow summary = summary(tenant);
            WorkerFilter checked = checkedFilter(tenant, summary, filter, actor);
            Labels labels = labels(tenant);
            rows.eachWorker(tenant, checked.dimension(), checked.key(), checked.status(), r -> sink.accept(labels.worker(r)));
            return null;
        });
    }

    // ---- OPD ------------------------------------------------------------------------------------------------

    /** The OPD the current OPD head heads (the OPD of his own approved ASN link). */
    public UUID ownOpd(TenantId tenant) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD);
        return asnAccounts.approvedLinkOf(tenant, actor.subject()).map(l -> l.opdId().value())
                .orElseThrow(() -> new DomainProblem(ReportingProblem.NOT_HEAD_OF_THIS_OPD));
    }

    public OpdDashboard opd(TenantId tenant, String opdIdText, String periodText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD, Role.KEPALA_DAERAH, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        UUID opdId = opdIdOf(opdIdText);
        YearMonth requested = Periods.parseOrCurrent(periodText);
        requireMayReachOpd(tenant, opdId, actor);
        return transactions.readInTenant(tenant, () -> {
            SummaryRow summary = summary(tenant);
            YearMonth period = withinData(summary, requested);
            List<OpdRank> ranking = opdRanking(tenant, period);
            OpdRank rank = ranking.stream().filter(r -> r.opdId().equals(opdId)).findFirst()
                    .orElseThrow(() -> new DomainProblem(ReportingProblem.OPD_NOT_IN_PEMDA, Map.of("parameter", "opdId")));
            List<TrendPoint> trend = keyTrend(tenant, "OPD", opdId.toString(), period);
            long[] now = rows.statusCounts(tenant, "OPD", opdId.toString(), Reports.STATUSES).getOrDefault(opdId.toString(), new long[5]);
            BreakdownRow statusNow = new BreakdownRow(opdId.toString(), rank.name(), rank.covered(), 0,
                    now[0], now[1], now[2], now[3], now[4], null);
            List<DeductionRow> deductions = rows.deductions(tenant, period.minusMonths(TREND_MONTHS - 1).atDay(1), period.atDay(1), opdId)
                    .stream().map(d -> new DeductionRow(YearMonth.from(d.period()), d.sponsors(), d.workers(), d.amount())).toList();
            return new OpdDashboard(pemda(summary), period, rank, ranking.size(), trend, statusNow, deductions);
        });
    }

    // ---- ASN sponsor -------------------------------------------------------------------------------------

    /** An ASN sponsor's own workers (the fundings of his account link) and the last twelve months. */
    public SponsorDashboard sponsor(TenantId tenant) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.ASN_SPONSOR);
        AsnLink link = asnAccounts.approvedLinkOf(tenant, actor.subject())
                .orElseThrow(() -> new DomainProblem(ReportingProblem.NOT_A_LINKED_SPONSOR));
        return transactions.readInTenant(tenant, () -> {
            SummaryRow summary = summary(tenant);
            YearMonth now = Periods.current();
            YearMonth from = now.minusMonths(TREND_MONTHS - 1);
            var fundings = rows.fundingsOfSponsor(tenant, link.id());
            Labels labels = labelsFor(tenant, fundings.stream().map(DashboardRows.SponsoredRow::villageCode)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
            Map<UUID, WorkerCover> covers = new HashMap<>();
            fundings.forEach(f -> covers.computeIfAbsent(f.workerId(), w -> ledger.coverOf(tenant, w)));
            List<SponsoredWorker> workers = fundings.stream().map(f -> new SponsoredWorker(f.workerId(), f.status(),
                    labels.name("VILLAGE", f.villageCode()), labels.name("OCCUPATION", f.occupationCode()),
                    f.firstPeriod() == null ? null : YearMonth.from(f.firstPeriod()),
                    f.lastPeriod() == null ? null : YearMonth.from(f.lastPeriod()), f.ended(),
                    covers.get(f.workerId()).paidMonths().subSet(from, true, now, true).stream().toList())).toList();
            Set<YearMonth> approved = rows.deductions(tenant, from.atDay(1), now.atDay(1), link.opdId().value()).stream()
                    .map(d -> YearMonth.from(d.period())).collect(Collectors.toSet());
            List<SponsorMonth> months = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(now); m = m.plusMonths(1)) {
                YearMonth month = m;
                int funded = 0, paid = 0;
                for (var f : fundings) {
                    boolean fundsMonth = (f.firstPeriod() == null || !YearMonth.from(f.firstPeriod()).isAfter(month))
                            && (f.lastPeriod() == null || !YearMonth.from(f.lastPeriod()).isBefore(month));
                    if (!fundsMonth) continue;
                    funded++;
                    if (covers.get(f.workerId()).isPaid(month)) paid++;
                }
                months.add(new SponsorMonth(month, funded, paid, approved.contains(month)));
            }
            String opdName = rows.opds(tenant).stream().filter(o -> o.opdId().equals(link.opdId().value()))
                    .map(DashboardRows.OpdRow::name).findFirst().orElse("-");
            return new SponsorDashboard(pemda(summary), link.id(), link.opdId().value(), opdName, workers, months.reversed());
        });
    }

    // ---- BPJS office and national --------------------------------------------------------------------------

    /**
     * The pemda of the BPJS staff member's office side by side, ranked by coverage share (then gap). Which
     * pemda belong to the office is asked of the tenancy registry each time, never taken from the copy.
     */
    public OfficeOverview office(String officeCode) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.BPJS_STAFF);
        String office = actor.isUnrestricted() ? officeCode : actor.bpjsOffice().orElseThrow(() -> new DomainProblem(ReportingProblem.NO_BPJS_OFFICE));
        List<TenantId> ids = new ArrayList<>();
        String officeName = office;
        int page = 0;
        while (true) {
            Page<Tenant> found = tenants.list(office, null, PageRequest.of(page++, PageRequest.MAX_SIZE));
            for (Tenant t : found.items()) {
                if (office == null || office.equals(t.bpjsOfficeCode())) {
                    ids.add(t.id());
                    officeName = t.bpjsOfficeName();
                }
            }
            if (!found.hasNext()) break;
        }
        List<SummaryRow> summaries = ids.isEmpty() ? List.of()
                : transactions.readRegistry(() -> rows.summaries(ids.stream().map(TenantId::value).toList()));
        List<PemdaRow> ranked = ranked(summaries);
        long covered = ranked.stream().mapToLong(PemdaRow::covered).sum();
        long potential = ranked.stream().mapToLong(r -> r.potentialWorkers() == null ? 0 : r.potentialWorkers()).sum();
        return new OfficeOverview(office, officeName, Periods.current(), ranked, covered, potential, Reports.percent(covered, potential),
                ranked.stream().mapToLong(PemdaRow::verificationBacklog).sum(), ranked.stream().mapToLong(PemdaRow::claimsBacklog).sum());
    }

    /** Every pemda and every BPJS office, for the national office (configured) and the system only. */
    public NationalOverview national() {
        currentActor.get();
        if (!maySeeNational()) throw new DomainProblem(ReportingProblem.NATIONAL_VIEW_FORBIDDEN);
        return transactions.readRegistry(() -> cache.get(new DashboardCache.Key(null, "national", null, Periods.current(), null),
                rows.revisionOfAll(), NationalOverview.class, () -> assembleNational(rows.allSummaries())));
    }

    private NationalOverview assembleNational(List<SummaryRow> summaries) {
        List<PemdaRow> ranked = ranked(summaries);
        Map<String, List<PemdaRow>> byOffice = ranked.stream().collect(Collectors.groupingBy(PemdaRow::officeCode, TreeMap::new, Collectors.toList()));
        List<OfficeRow> offices = new ArrayList<>();
        byOffice.forEach((code, list) -> {
            long covered = list.stream().mapToLong(PemdaRow::covered).sum();
            long potential = list.stream().mapToLong(r -> r.potentialWorkers() == null ? 0 : r.potentialWorkers()).sum();
            offices.add(new OfficeRow(0, code, list.getFirst().officeName(), list.size(), covered, potential, Reports.percent(covered, potential),
                    list.stream().mapToLong(PemdaRow::verificationBacklog).sum(), list.stream().mapToLong(PemdaRow::claimsBacklog).sum()));
        });
        offices.sort(Comparator.comparing(OfficeRow::coveragePercent, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(OfficeRow::officeCode));
        List<OfficeRow> rankedOffices = new ArrayList<>();
        for (int i = 0; i < offices.size(); i++) {
            OfficeRow o = offices.get(i);
            rankedOffices.add(new OfficeRow(i + 1, o.officeCode(), o.officeName(), o.pemdaCount(), o.covered(), o.potentialWorkers(),
                    o.coveragePercent(), o.verificationBacklog(), o.claimsBacklog()));
        }
        long covered = ranked.stream().mapToLong(PemdaRow::covered).sum();
        long potential = ranked.stream().mapToLong(r -> r.potentialWorkers() == null ? 0 : r.potentialWorkers()).sum();
        return new NationalOverview(Periods.current(), ranked.size(), covered, potential, Reports.percent(covered, potential),
                ranked.stream().mapToLong(PemdaRow::verificationBacklog).sum(), ranked.stream().mapToLong(PemdaRow::claimsBacklog).sum(),
                List.copyOf(rankedOffices), List.copyOf(ranked));
    }

    // ---- the parts -----------------------------------------------------------------------------------------

    private SummaryRow summary(TenantId tenant) {
        return rows.summary(tenant).orElseThrow(() -> new DomainProblem(ReportingProblem.PEMDA_NOT_IN_REPORTS));
    }

    private static YearMonth firstPeriod(SummaryRow summary) {
        YearMonth now = Periods.current();
        if (summary.firstPeriod() == null) return now;
        YearMonth first = YearMonth.from(summary.firstPeriod());
        return first.isAfter(now) ? now : first;
    }

    /** The period, if the pemda has data for it: from its first month with data up to the current month. */
    private static YearMonth withinData(SummaryRow summary, YearMonth period) {
        YearMonth first = firstPeriod(summary);
        YearMonth last = Periods.current();
        if (period.isBefore(first) || period.isAfter(last)) {
            throw new DomainProblem(ReportingProblem.PERIOD_OUTSIDE_DATA, Map.of("parameter", "period",
                    "firstPeriod", first.toString(), "lastPeriod", last.toString()), period.toString(), first.toString(), last.toString());
        }
        return period;
    }

    private static Pemda pemda(SummaryRow s) {
        return new Pemda(s.tenantId(), s.regionCode(), s.kind(), s.name(), s.officeCode(), s.officeName(), s.status(),
                s.targetPercent(), s.potentialWorkers());
    }

    private List<TrendPoint> trend(TenantId tenant, YearMonth period, List<DashboardRows.PaymentRow> payments) {
        YearMonth from = period.minusMonths(TREND_MONTHS - 1);
        List<TrendPoint> points = keyTrend(tenant, "ALL", "", period);
        Map<YearMonth, Long> money = new HashMap<>();
        payments.forEach(p -> money.merge(YearMonth.from(p.period()), p.amount(), Long::sum));
        Map<YearMonth, Long> claimsPaid = new HashMap<>();
        rows.claimsPaidByMonth(tenant, from.atDay(1), period.plusMonths(1).atDay(1))
                .forEach(c -> claimsPaid.put(YearMonth.from(c.month()), c.paidAmount()));
        return points.stream().map(p -> new TrendPoint(p.period(), p.covered(), p.started(), p.ended(), p.registered(),
                money.getOrDefault(p.period(), 0L), claimsPaid.getOrDefault(p.period(), 0L))).toList();
    }

    /** Twelve months up to the period of one counter key: covered at each month's end, flows of the month. */
    private List<TrendPoint> keyTrend(TenantId tenant, String dimension, String key, YearMonth period) {
        YearMonth from = period.minusMonths(TREND_MONTHS - 1);
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(period); m = m.plusMonths(1)) months.put(m, new long[3]);
        long coveredBefore = 0;
        for (FlowRow f : rows.flows(tenant, dimension, key, null)) {
            YearMonth m = YearMonth.from(f.period());
            if (m.isBefore(from)) coveredBefore += f.started() - f.ended();
            else if (!m.isAfter(period)) {
                long[] v = months.get(m);
                v[0] += f.started();
                v[1] += f.ended();
                v[2] += f.registered();
            }
        }
        List<TrendPoint> points = new ArrayList<>();
        long covered = coveredBefore;
        for (var e : months.entrySet()) {
            covered += e.getValue()[0] - e.getValue()[1];
            points.add(new TrendPoint(e.getKey(), covered, e.getValue()[0], e.getValue()[1], e.getValue()[2], 0, 0));
        }
        return points;
    }

    private Breakdown breakdownOf(TenantId tenant, Dimension dimension, String parentKey, YearMonth period) {
        String prefix = parentKey == null ? null : parentKey + ".";
        Labels labels = new Labels(tenant, rows.names(tenant, List.of(dimension == Dimension.VILLAGE ? "VILLAGE" : dimension.name(), "DISTRICT")));
        Map<String, CoveredRow> covered = new HashMap<>();
        rows.coveredAt(tenant, dimension.name(), prefix, period.atDay(1)).forEach(c -> covered.put(c.key(), c));
        return breakdownOf(dimension, parentKey, period, covered, rows.statusCounts(tenant, dimension.name(), prefix, Reports.STATUSES), labels);
    }

    private Breakdown breakdownOf(Dimension dimension, String parentKey, YearMonth period, Map<String, CoveredRow> covered,
                                  Map<String, long[]> statuses, Labels labels) {
        if (covered == null) covered = Map.of();
        if (statuses == null) statuses = Map.of();
        Set<String> keys = new java.util.TreeSet<>(covered.keySet());
        keys.addAll(statuses.keySet());
        long totalCovered = covered.values().stream().mapToLong(CoveredRow::covered).sum();
        List<BreakdownRow> result = new ArrayList<>();
        for (String key : keys) {
            CoveredRow c = covered.get(key);
            long[] s = statuses.getOrDefault(key, new long[5]);
            long coveredHere = c == null ? 0 : c.covered();
            long registeredToDate = c == null ? 0 : c.registeredToDate();
            if (coveredHere == 0 && registeredToDate == 0 && java.util.Arrays.stream(s).allMatch(v -> v == 0)) continue;
            result.add(new BreakdownRow(key, labels.of(dimension, key), coveredHere, registeredToDate, s[0], s[1], s[2], s[3], s[4],
                    dimension == Dimension.PROGRAM || dimension == Dimension.OPD ? null : Reports.percent(coveredHere, totalCovered)));
        }
        result.sort(Comparator.comparingLong(BreakdownRow::covered).reversed().thenComparing(BreakdownRow::label));
        return new Breakdown(dimension, parentKey, parentKey == null ? null : labels.name("DISTRICT", parentKey), period,
                period.equals(Periods.current()), List.copyOf(result));
    }

    private List<OpdRank> opdRanking(TenantId tenant, YearMonth period) {
        var covered = rows.coveredAt(tenant, List.of("OPD"), period.atDay(1));
        var statuses = rows.statusCounts(tenant, List.of("OPD"), Reports.STATUSES);
        return opdRanking(tenant, period, covered.get("OPD"), statuses.get("OPD"), new Labels(tenant, rows.names(tenant, List.of())));
    }

    private List<OpdRank> opdRanking(TenantId tenant, YearMonth period, Map<String, CoveredRow> covered, Map<String, long[]> statuses,
                                     Labels labels) {
        if (covered == null) covered = Map.of();
        if (statuses == null) statuses = Map.of();
        Map<UUID, DashboardRows.DeductionListRow> lists = new HashMap<>();
        rows.deductions(tenant, period.atDay(1), period.atDay(1), null).forEach(d -> lists.put(d.opdId(), d));
        List<OpdRank> unranked = new ArrayList<>();
        for (var opd : labels.names.opds()) {
            String key = opd.opdId().toString();
            long coveredHere = covered.containsKey(key) ? covered.get(key).covered() : 0;
            long sponsoredNow = java.util.Arrays.stream(statuses.getOrDefault(key, new long[5])).sum();
            var list = lists.get(opd.opdId());
            if (!opd.active() && coveredHere == 0 && sponsoredNow == 0 && list == null) continue;
            unranked.add(new OpdRank(0, opd.opdId(), opd.code(), opd.name(), coveredHere, sponsoredNow,
                    list == null ? null : list.sponsors(), list == null ? null : list.workers(), list == null ? null : list.amount()));
        }
        unranked.sort(Comparator.comparingLong(OpdRank::covered).reversed()
                .thenComparing(r -> r.sponsors() == null ? 0 : r.sponsors(), Comparator.reverseOrder())
                .thenComparing(OpdRank::name));
        List<OpdRank> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            OpdRank r = unranked.get(i);
            ranked.add(new OpdRank(i + 1, r.opdId(), r.code(), r.name(), r.covered(), r.sponsoredNow(), r.sponsors(),
                    r.deductionWorkers(), r.deductedAmount()));
        }
        return List.copyOf(ranked);
    }

    private List<ContributionRow> contributions(List<DashboardRows.PaymentRow> payments, Labels labels) {
        Map<UUID, String> kinds = new HashMap<>();
        labels.names.programs().forEach(p -> kinds.put(p.programId(), p.kind()));
        return payments.stream()
                .map(p -> new ContributionRow(YearMonth.from(p.period()), p.programId(), labels.of(Dimension.PROGRAM, p.programId().toString()),
                        kinds.get(p.programId()), p.workerMonths(), p.amount()))
                .toList();
    }

    private ClaimsFigures claims(TenantId tenant, YearMonth period) {
        LocalDate from = period.minusMonths(TREND_MONTHS - 1).atDay(1);
        LocalDate until = period.plusMonths(1).atDay(1);
        var byKind = rows.claimsByKind(tenant, from, until);
        long paid = byKind.stream().mapToLong(DashboardRows.ClaimKindCounts::paid).sum();
        BigDecimal averageDays = null;
        if (paid > 0) {
            BigDecimal weighted = BigDecimal.ZERO;
            for (var k : byKind) {
                if (k.averageDays() != null) weighted = weighted.add(k.averageDays().multiply(BigDecimal.valueOf(k.paid())));
            }
            averageDays = weighted.divide(BigDecimal.valueOf(paid), 1, java.math.RoundingMode.HALF_UP);
        }
        return new ClaimsFigures(byKind.stream().mapToLong(DashboardRows.ClaimKindCounts::awaitingDecision).sum(),
                byKind.stream().mapToLong(DashboardRows.ClaimKindCounts::awaitingPayment).sum(), paid,
                byKind.stream().mapToLong(DashboardRows.ClaimKindCounts::paidAmount).sum(), averageDays,
                byKind.stream().mapToLong(DashboardRows.ClaimKindCounts::paidWithinSeven).sum(),
                byKind.stream().map(k -> new ClaimKindRow(k.kind(), k.filed(), k.awaitingDecision(), k.awaitingPayment(), k.rejected(),
                        k.paid(), k.paidAmount())).toList());
    }

    private List<PemdaRow> ranked(List<SummaryRow> summaries) {
        List<PemdaRow> rowsOut = new ArrayList<>();
        for (SummaryRow s : summaries) {
            Headline h = Headline.of(YearMonth.from(s.asOf()), s.covered(), s.potentialWorkers(), s.targetPercent(), new long[5]);
            rowsOut.add(new PemdaRow(0, s.tenantId(), s.name(), s.kind(), s.regionCode(), s.officeCode(), s.officeName(),
                    s.potentialWorkers(), s.targetPercent(), s.covered(), h.coveragePercent(), h.gapWorkers(), h.gapPoints(),
                    s.registered(), s.claimsAwaitingDecision(), s.claimsAwaitingPayment(), s.contributions12m(), s.claimsPaidAmount12m(),
                    YearMonth.from(s.asOf())));
        }
        rowsOut.sort(Comparator.comparing(PemdaRow::coveragePercent, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PemdaRow::gapPoints, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PemdaRow::regionCode));
        List<PemdaRow> ranked = new ArrayList<>();
        for (int i = 0; i < rowsOut.size(); i++) {
            PemdaRow r = rowsOut.get(i);
            ranked.add(new PemdaRow(i + 1, r.tenantId(), r.name(), r.kind(), r.regionCode(), r.officeCode(), r.officeName(),
                    r.potentialWorkers(), r.targetPercent(), r.covered(), r.coveragePercent(), r.gapWorkers(), r.gapPoints(),
                    r.verificationBacklog(), r.claimsAwaitingDecision(), r.claimsAwaitingPayment(), r.contributions12m(),
                    r.claimsPaidAmount12m(), r.asOf()));
        }
        return ranked;
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    private static Dimension dimension(String text) {
        try {
            return Dimension.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(ReportingProblem.DIMENSION_UNKNOWN, Map.of("parameter", "dimension"), text == null ? "" : text);
        }
    }

    private static UUID opdIdOf(String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(ReportingProblem.OPD_NOT_IN_PEMDA, Map.of("parameter", "opdId"));
        }
    }

    /** An area code of this pemda at the given level (a district of a kabupaten, a kabupaten of a province, a village). */
    private static String areaOfPemda(SummaryRow summary, String code, Dimension level) {
        RegionCode region;
        try {
            region = RegionCode.parse(code);
        } catch (DomainProblem malformed) {
            throw new DomainProblem(ReportingProblem.AREA_NOT_IN_PEMDA, Map.of("parameter", "key"), code, summary.name());
        }
        int parts = region.value().split("\\.").length;
        boolean province = "PROVINSI".equals(summary.kind());
        int expected = level == Dimension.VILLAGE ? 4 : province ? 2 : 3;
        if (!region.value().startsWith(summary.regionCode() + ".") || parts != expected) {
            throw new DomainProblem(ReportingProblem.AREA_NOT_IN_PEMDA, Map.of("parameter", "key"), code, summary.name());
        }
        return region.value();
    }

    private WorkerFilter checkedFilter(TenantId tenant, SummaryRow summary, WorkerFilter filter, Actor actor) {
        String status = filter.status() == null || filter.status().isBlank() ? null : filter.status().strip().toUpperCase(Locale.ROOT);
        if (status != null && !Reports.STATUSES.contains(status)) {
            throw new DomainProblem(ReportingProblem.STATUS_UNKNOWN, Map.of("parameter", "status"), filter.status());
        }
        if (filter.dimension() == null || filter.dimension().isBlank() || filter.dimension().equalsIgnoreCase("ALL")) {
            actor.requireAnyOf(MAY_SEE_PEMDA);
            return new WorkerFilter(null, null, status);
        }
        Dimension dimension = dimension(filter.dimension());
        String key = filter.key() == null ? "" : filter.key().strip();
        if (dimension == Dimension.OPD) {
            UUID opd = opdIdOf(key);
            requireMayReachOpd(tenant, opd, actor);
            if (rows.opds(tenant).stream().noneMatch(o -> o.opdId().equals(opd))) {
                throw new DomainProblem(ReportingProblem.OPD_NOT_IN_PEMDA, Map.of("parameter", "key"));
            }
            return new WorkerFilter("OPD", opd.toString(), status);
        }
        actor.requireAnyOf(MAY_SEE_PEMDA);
        return switch (dimension) {
            case DISTRICT, VILLAGE -> new WorkerFilter(dimension.name(), areaOfPemda(summary, key, dimension), status);
            case OCCUPATION -> {
                if (!OCCUPATION_CODE.matcher(key).matches()) {
                    throw new DomainProblem(ReportingProblem.OCCUPATION_NOT_IN_PEMDA, Map.of("parameter", "key"), key);
                }
                yield new WorkerFilter("OCCUPATION", key, status);
            }
            case PROGRAM -> {
                if (!key.equals("-")) {
                    UUID program;
                    try {
                        program = UUID.fromString(key);
                    } catch (IllegalArgumentException e) {
                        throw new DomainProblem(ReportingProblem.PROGRAM_NOT_IN_PEMDA, Map.of("parameter", "key"));
                    }
                    if (rows.programs(tenant).stream().noneMatch(p -> p.programId().equals(program))) {
                        throw new DomainProblem(ReportingProblem.PROGRAM_NOT_IN_PEMDA, Map.of("parameter", "key"));
                    }
                    key = program.toString();
                }
                yield new WorkerFilter("PROGRAM", key, status);
            }
            case OPD -> throw new IllegalStateException();
        };
    }

    /** An OPD head reaches only his own OPD; the roles that see the whole pemda reach every OPD of it. */
    private void requireMayReachOpd(TenantId tenant, UUID opdId, Actor actor) {
        if (actor.isUnrestricted()) return;
        for (Role role : MAY_SEE_PEMDA) if (actor.has(role)) return;
        actor.requireAnyOf(Role.OPD_HEAD);
        if (!transactions.mayAccess(tenant)) throw new DomainProblem(PlatformProblem.TENANT_ACCESS_DENIED);
        UUID own = asnAccounts.approvedLinkOf(tenant, actor.subject()).map(l -> l.opdId().value())
                .orElseThrow(() -> new DomainProblem(ReportingProblem.NOT_HEAD_OF_THIS_OPD));
        if (!own.equals(opdId)) throw new DomainProblem(ReportingProblem.NOT_HEAD_OF_THIS_OPD);
    }

    private long total(TenantId tenant, WorkerFilter filter) {
        String dimension = filter.dimension() == null ? "ALL" : filter.dimension();
        String key = filter.dimension() == null ? "" : filter.key();
        long[] counts = rows.statusCounts(tenant, dimension, key, Reports.STATUSES).getOrDefault(key, new long[5]);
        if (filter.status() == null) return java.util.Arrays.stream(counts).sum();
        return counts[Reports.STATUSES.indexOf(filter.status())];
    }

    // ---- labels ---------------------------------------------------------------------------------------------

    private Labels labels(TenantId tenant) {
        return new Labels(tenant, rows.names(tenant, List.of("DISTRICT", "VILLAGE", "OCCUPATION")));
    }

    /** Labels for a few workers: all districts and occupations, only their villages. */
    private Labels labelsFor(TenantId tenant, Set<String> villages) {
        var names = rows.names(tenant, List.of("DISTRICT", "OCCUPATION"));
        names.labels().put("VILLAGE", rows.labels(tenant, "VILLAGE", villages));
        return new Labels(tenant, names);
    }

    /** Names for codes, in the user's language, read once per request. */
    private final class Labels {
        private final TenantId tenant;
        private final DashboardRows.Names names;
        private final boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        private Map<String, String> programs;
        private Map<String, String> opds;

        Labels(TenantId tenant, DashboardRows.Names names) {
            this.tenant = tenant;
            this.names = names;
        }

        String name(String kind, String code) {
            if (code == null) return "-";
            String[] found = names.labels().computeIfAbsent(kind, k -> rows.labels(tenant, k, (String) null)).get(code);
            return found == null ? code : english ? found[1] : found[0];
        }

        String of(Dimension dimension, String key) {
            return switch (dimension) {
                case DISTRICT, VILLAGE, OCCUPATION -> name(dimension.name(), key);
                case PROGRAM -> program(key);
                case OPD -> opd(key);
            };
        }

        String program(String key) {
            if ("-".equals(key)) return message("reporting.program.none");
            if (programs == null) {
                programs = new HashMap<>();
                Map<String, Integer> perKind = new HashMap<>();
                for (var p : names.programs()) {
                    String kind = p.kind() == null ? "UNKNOWN" : p.kind();
                    int n = perKind.merge(kind, 1, Integer::sum);
                    programs.put(p.programId().toString(), p.name() != null ? p.name()
                            : message("reporting.program.kind." + kind) + (n > 1 ? " (" + n + ")" : ""));
                }
            }
            return programs.getOrDefault(key, key);
        }

        String opd(String key) {
            if (opds == null) {
                opds = new HashMap<>();
                names.opds().forEach(o -> opds.put(o.opdId().toString(), o.name()));
            }
            return opds.getOrDefault(key, key);
        }

        WorkerRow worker(WorkerListRow r) {
            return new WorkerRow(r.workerId(), r.status(), r.villageCode(), name("VILLAGE", r.villageCode()), r.districtCode(),
                    name("DISTRICT", r.districtCode()), r.occupationCode(), name("OCCUPATION", r.occupationCode()), r.registeredOn(),
                    r.coveredFrom() == null ? null : YearMonth.from(r.coveredFrom()),
                    r.programs().stream().map(this::program).toList(), r.opds().stream().map(this::opd).toList());
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
