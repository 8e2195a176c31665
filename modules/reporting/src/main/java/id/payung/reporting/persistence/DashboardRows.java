package id.payung.reporting.persistence;

import id.payung.platform.TenantId;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The reads of the dashboards: small, pre-aggregated rows of one pemda, or the summaries across pemda. */
@Repository
public class DashboardRows {

    private final DSLContext db;

    DashboardRows(DSLContext db) {
        this.db = db;
    }

    public record SummaryRow(UUID tenantId, String regionCode, String kind, String name, String officeCode, String officeName,
                             String status, BigDecimal targetPercent, Long potentialWorkers, LocalDate asOf, long workersTotal,
                             long registered, long verified, long active, long inactive, long ended, long covered,
                             long contributions12m, long claimsAwaitingDecision, long claimsAwaitingPayment, long claimsPaid12m,
                             long claimsPaidAmount12m, LocalDate firstPeriod, long revision) {
    }

    private static final String SUMMARY_COLUMNS = """
            tenant_id, region_code, kind, name, bpjs_office_code, bpjs_office_name, status, coverage_target_percent,
            potential_workers, as_of_period, workers_total, registered, verified, active, inactive, ended, covered,
            contributions_12m, claims_awaiting_decision, claims_awaiting_payment, claims_paid_12m, claims_paid_amount_12m, first_period,
            revision""";

    public Optional<SummaryRow> summary(TenantId tenant) {
        return db.fetchOptional("SELECT " + SUMMARY_COLUMNS + " FROM reporting.pemda_summary WHERE tenant_id = ?", tenant.value())
                .map(DashboardRows::toSummary);
    }

    /** Summaries of these pemda (registry scope). */
    public List<SummaryRow> summaries(Collection<UUID> tenants) {
        return db.fetch("SELECT " + SUMMARY_COLUMNS + " FROM reporting.pemda_summary WHERE tenant_id = ANY (?::uuid[])",
                (Object) tenants.toArray(UUID[]::new)).map(DashboardRows::toSummary);
    }

    /** Every pemda's summary (registry scope, national overview). */
    public List<SummaryRow> allSummaries() {
        return db.fetch("SELECT " + SUMMARY_COLUMNS + " FROM reporting.pemda_summary").map(DashboardRows::toSummary);
    }

    /** How many pemda are in the reports and the sum of their revisions: changes whenever any of them does. */
    public record AllRevisions(long pemda, long revisions) {
    }

    /** {@link AllRevisions} now (registry scope). */
    public AllRevisions revisionOfAll() {
        var r = db.fetchOne("SELECT count(*), coalesce(sum(revision), 0) FROM reporting.pemda_summary");
        return new AllRevisions(r.get(0, Long.class), r.get(1, Long.class));
    }

    /** Every pemda in the reports (registry scope): for the rebuild of all and the monthly refresh. */
    public List<UUID> allTenants() {
        return db.fetch("SELECT tenant_id FROM reporting.pemda_summary ORDER BY tenant_id").getValues(0, UUID.class);
    }

    public record FlowRow(String key, LocalDate period, long started, long ended, long registered) {
    }

    /** The monthly flows of one dimension (optionally one key, or keys under a prefix), oldest first. */
    public List<FlowRow> flows(TenantId tenant, String dimension, String key, String keyPrefix) {
        return db.fetch("""
                        SELECT dim_key, period, started, ended, registered FROM reporting.coverage_flow
                        WHERE tenant_id = ? AND dimension = ? AND (?::text IS NULL OR dim_key = ?::text)
                          AND (?::text IS NULL OR starts_with(dim_key, ?::text))
                        ORDER BY dim_key, period""",
                tenant.value(), dimension, key, key, keyPrefix, keyPrefix)
                .map(r -> new FlowRow(r.get(0, String.class), r.get(1, LocalDate.class), r.get(2, Long.class), r.get(3, Long.class),
                        r.get(4, Long.class)));
    }

    public record CoveredRow(String key, long covered, long registeredToDate) {
    }

    /** Per key of a dimension: covered in the month and registered up to it. */
    public List<CoveredRow> coveredAt(TenantId tenant, String dimension, String keyPrefix, LocalDate period) {
        return db.fetch("""
                        SELECT dim_key, coalesce(sum(started - ended), 0) AS covered, coalesce(sum(registered), 0) AS registered
                        FROM reporting.coverage_flow
                        WHERE tenant_id = ? AND dimension = ? AND period <= ? AND (?::text IS NULL OR starts_with(dim_key, ?::text))
                        GROUP BY dim_key""",
                tenant.value(), dimension, period, keyPrefix, keyPrefix)
                .map(r -> new CoveredRow(r.get(0, String.class), r.get(1, Long.class), r.get(2, Long.class)));
    }

    /** Per dimension and key: covered in the month and registered up to it (several dimensions in one read). */
    public Map<String, Map<String, CoveredRow>> coveredAt(TenantId tenant, List<String> dimensions, LocalDate period) {
        Map<String, Map<String, CoveredRow>> result = new HashMap<>();
        db.fetch("""
                        SELECT dimension, dim_key, coalesce(sum(started - ended), 0), coalesce(sum(registered), 0)
                        FROM reporting.coverage_flow
                        WHERE tenant_id = ? AND dimension = ANY (?::text[]) AND period <= ?
                        GROUP BY dimension, dim_key""",
                tenant.value(), dimensions.toArray(String[]::new), period)
                .forEach(r -> result.computeIfAbsent(r.get(0, String.class), d -> new HashMap<>())
                        .put(r.get(1, String.class), new CoveredRow(r.get(1, String.class), r.get(2, Long.class), r.get(3, Long.class))));
        return result;
    }

    /** Per dimension and key, the workers in each status now (several dimensions in one read). */
    public Map<String, Map<String, long[]>> statusCounts(TenantId tenant, List<String> dimensions, List<String> statuses) {
        Map<String, Map<String, long[]>> result = new HashMap<>();
        db.fetch("""
                        SELECT dimension, dim_key, status, workers FROM reporting.status_count
                        WHERE tenant_id = ? AND dimension = ANY (?::text[]) AND workers <> 0""",
                tenant.value(), dimensions.toArray(String[]::new)).forEach(r -> {
            int i = statuses.indexOf(r.get(2, String.class));
            if (i >= 0) result.computeIfAbsent(r.get(0, String.class), d -> new HashMap<>())
                    .computeIfAbsent(r.get(1, String.class), k -> new long[statuses.size()])[i] += r.get(3, Long.class);
        });
        return result;
    }

    public record Names(Map<String, Map<String, String[]>> labels, List<OpdRow> opds, List<ProgramRow> programs) {
    }

    /** The names a dashboard shows, in one read: labels of the given kinds, OPDs and programs. */
    public Names names(TenantId tenant, List<String> labelKinds) {
        Map<String, Map<String, String[]>> labels = new HashMap<>();
        List<OpdRow> opds = new ArrayList<>();
        List<ProgramRow> programs = new ArrayList<>();
        db.fetch("""
                        SELECT 'L' AS what, kind, code, name_id, name_en, NULL::uuid AS id, NULL::boolean AS active
                        FROM reporting.label WHERE tenant_id = ? AND kind = ANY (?::text[])
                        UNION ALL
                        SELECT 'O', NULL, code, name, NULL, opd_id, active FROM reporting.opd WHERE tenant_id = ?
                        UNION ALL
                        SELECT 'P', kind, NULL, name, NULL, program_id, NULL FROM reporting.program WHERE tenant_id = ?""",
                tenant.value(), labelKinds.toArray(String[]::new), tenant.value(), tenant.value()).forEach(r -> {
            switch (r.get(0, String.class)) {
                case "L" -> labels.computeIfAbsent(r.get(1, String.class), k -> new HashMap<>())
                        .put(r.get(2, String.class), new String[]{r.get(3, String.class), r.get(4, String.class)});
                case "O" -> opds.add(new OpdRow(r.get(5, UUID.class), r.get(2, String.class), r.get(3, String.class), r.get(6, Boolean.class)));
                default -> programs.add(new ProgramRow(r.get(5, UUID.class), r.get(1, String.class), r.get(3, String.class)));
            }
        });
        opds.sort(java.util.Comparator.comparing(OpdRow::name));
        programs.sort(java.util.Comparator.comparing((ProgramRow p) -> p.kind() == null ? "" : p.kind()).thenComparing(ProgramRow::programId));
        return new Names(labels, opds, programs);
    }

    /** Per key of a dimension, the workers in each status now (index of {@code statuses}). */
    public Map<String, long[]> statusCounts(TenantId tenant, String dimension, String keyPrefix, List<String> statuses) {
        Map<String, long[]> counts = new HashMap<>();
        db.fetch("""
                        SELECT dim_key, status, workers FROM reporting.status_count
                        WHERE tenant_id = ? AND dimension = ? AND (?::text IS NULL OR starts_with(dim_key, ?::text)) AND workers <> 0""",
                tenant.value(), dimension, keyPrefix, keyPrefix).forEach(r -> {
            int i = statuses.indexOf(r.get(1, String.class));
            if (i >= 0) counts.computeIfAbsent(r.get(0, String.class), k -> new long[statuses.size()])[i] += r.get(2, Long.class);
        });
        return counts;
    }

    /** Labels of one kind (DISTRICT, VILLAGE, OCCUPATION): code -> [name_id, name_en]. */
    public Map<String, String[]> labels(TenantId tenant, String kind, String codePrefix) {
        Map<String, String[]> labels = new HashMap<>();
        db.fetch("""
                        SELECT code, name_id, name_en FROM reporting.label
                        WHERE tenant_id = ? AND kind = ? AND (?::text IS NULL OR starts_with(code, ?::text))""",
                tenant.value(), kind, codePrefix, codePrefix)
                .forEach(r -> labels.put(r.get(0, String.class), new String[]{r.get(1, String.class), r.get(2, String.class)}));
        return labels;
    }

    /** Labels of one kind for these codes only (a page of workers). */
    public Map<String, String[]> labels(TenantId tenant, String kind, Collection<String> codes) {
        Map<String, String[]> labels = new HashMap<>();
        if (codes.isEmpty()) return labels;
        db.fetch("SELECT code, name_id, name_en FROM reporting.label WHERE tenant_id = ? AND kind = ? AND code = ANY (?::text[])",
                        tenant.value(), kind, codes.toArray(String[]::new))
                .forEach(r -> labels.put(r.get(0, String.class), new String[]{r.get(1, String.class), r.get(2, String.class)}));
        return labels;
    }

    public Optional<String[]> label(TenantId tenant, String kind, String code) {
        return db.fetchOptional("SELECT name_id, name_en FROM reporting.label WHERE tenant_id = ? AND kind = ? AND code = ?",
                tenant.value(), kind, code).map(r -> new String[]{r.get(0, String.class), r.get(1, String.class)});
    }

    public record OpdRow(UUID opdId, String code, String name, boolean active) {
    }

    public List<OpdRow> opds(TenantId tenant) {
        return db.fetch("SELECT opd_id, code, name, active FROM reporting.opd WHERE tenant_id = ? ORDER BY name", tenant.value())
                .map(r -> new OpdRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Boolean.class)));
    }

    public record ProgramRow(UUID programId, String kind, String name) {
    }

    public List<ProgramRow> programs(TenantId tenant) {
        return db.fetch("SELECT program_id, kind, name FROM reporting.program WHERE tenant_id = ? ORDER BY kind, program_id", tenant.value())
                .map(r -> new ProgramRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class)));
    }

    public record DeductionListRow(UUID opdId, LocalDate period, int sponsors, int workers, long amount) {
    }

    /** Deduction lists approved in the months [from, to], summed per OPD and month; one OPD if given. */
    public List<DeductionListRow> deductions(TenantId tenant, LocalDate from, LocalDate to, UUID opdId) {
        return db.fetch("""
                        SELECT opd_id, period, sum(sponsors)::int, sum(workers)::int, sum(amount)
                        FROM reporting.deduction_list
                        WHERE tenant_id = ? AND period BETWEEN ? AND ? AND (?::uuid IS NULL OR opd_id = ?::uuid)
                        GROUP BY opd_id, period ORDER BY period, opd_id""",
                tenant.value(), from, to, opdId, opdId)
                .map(r -> new DeductionListRow(r.get(0, UUID.class), r.get(1, LocalDate.class), r.get(2, Integer.class),
                        r.get(3, Integer.class), r.get(4, Long.class)));
    }

    public record PaymentRow(LocalDate period, UUID programId, long workerMonths, long amount) {
    }

    public List<PaymentRow> payments(TenantId tenant, LocalDate from, LocalDate to) {
        return db.fetch("""
                        SELECT period, program_id, sum(workers), sum(amount) FROM reporting.contribution_payment
                        WHERE tenant_id = ? AND period BETWEEN ? AND ?
                        GROUP BY period, program_id ORDER BY period, program_id""",
                tenant.value(), from, to)
                .map(r -> new PaymentRow(r.get(0, LocalDate.class), r.get(1, UUID.class), r.get(2, Long.class), r.get(3, Long.class)));
    }

    public record ClaimMonthRow(LocalDate month, long paid, long paidAmount) {
    }

    public List<ClaimMonthRow> claimsPaidByMonth(TenantId tenant, LocalDate from, LocalDate toExclusive) {
        return db.fetch("""
                        SELECT date_trunc('month', paid_on)::date, count(*), coalesce(sum(paid_amount), 0) FROM reporting.claim
                        WHERE tenant_id = ? AND paid_on >= ? AND paid_on < ? GROUP BY 1 ORDER BY 1""",
                tenant.value(), from, toExclusive)
                .map(r -> new ClaimMonthRow(r.get(0, LocalDate.class), r.get(1, Long.class), r.get(2, Long.class)));
    }

    public record ClaimKindCounts(String kind, long filed, long awaitingDecision, long awaitingPayment, long rejected, long paid,
                                  long paidAmount, long paidWithinSeven, BigDecimal averageDays) {
    }

    /** Per claim kind: all claims by state, and the claims paid in [from, toExclusive). */
    public List<ClaimKindCounts> claimsByKind(TenantId tenant, LocalDate from, LocalDate toExclusive) {
        return db.fetch("""
                        SELECT kind, count(*),
                               count(*) FILTER (WHERE state = 'FILED'), count(*) FILTER (WHERE state = 'APPROVED'),
                               count(*) FILTER (WHERE state = 'REJECTED'),
                               count(*) FILTER (WHERE state = 'PAID' AND paid_on >= ? AND paid_on < ?),
                               coalesce(sum(paid_amount) FILTER (WHERE state = 'PAID' AND paid_on >= ? AND paid_on < ?), 0),
                               count(*) FILTER (WHERE state = 'PAID' AND paid_on >= ? AND paid_on < ? AND working_days_to_pay <= 7),
                               round(avg(working_days_to_pay) FILTER (WHERE state = 'PAID' AND paid_on >= ? AND paid_on < ?), 1)
                        FROM reporting.claim WHERE tenant_id = ? GROUP BY kind ORDER BY kind""",
                from, toExclusive, from, toExclusive, from, toExclusive, from, toExclusive, tenant.value())
                .map(r -> new ClaimKindCounts(r.get(0, String.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class),
                        r.get(4, Long.class), r.get(5, Long.class), r.get(6, Long.class), r.get(7, Long.class), r.get(8, BigDecimal.class)));
    }

    public record WorkerListRow(UUID workerId, String status, String villageCode, String districtCode, String occupationCode,
                                LocalDate registeredOn, LocalDate coveredFrom, List<String> programs, List<String> opds) {
    }

    private static final String WORKER_SELECT = """
            SELECT w.worker_id, w.status, w.village_code, w.district_code, w.occupation_code, w.registered_on,
                   (SELECT s.first_period FROM reporting.worker_spell s
                    WHERE s.tenant_id = w.tenant_id AND s.worker_id = w.worker_id AND s.last_period IS NULL) AS covered_from,
                   (SELECT string_agg(DISTINCT f.program_id::text, ',') FROM reporting.funding f
                    WHERE f.tenant_id = w.tenant_id AND f.worker_id = w.worker_id AND NOT f.ended) AS programs,
                   (SELECT string_agg(DISTINCT f.opd_id::text, ',') FROM reporting.funding f
                    WHERE f.tenant_id = w.tenant_id AND f.worker_id = w.worker_id AND NOT f.ended AND f.opd_id IS NOT NULL) AS opds
            FROM reporting.worker w
            """;

    /**
     * Workers of one group (a dimension and key, or all) in one status (or any), in id order. PROGRAM and
     * OPD groups are the workers a live funding of that program or OPD pays for ('-': no live funding).
     */
    public List<WorkerListRow> workers(TenantId tenant, String dimension, String key, String status, int limit, long offset) {
        List<Object> binds = new ArrayList<>();
        String where = workerFilter(tenant, dimension, key, status, binds);
        binds.add(limit);
        binds.add(offset);
        return db.fetch(WORKER_SELECT + where + " ORDER BY w.worker_id LIMIT ? OFFSET ?", binds.toArray())
                .map(DashboardRows::toWorker);
    }

    /** Every worker of the group, streamed in id order (exports). */
    public void eachWorker(TenantId tenant, String dimension, String key, String status, Consumer<WorkerListRow> sink) {
        List<Object> binds = new ArrayList<>();
        String where = workerFilter(tenant, dimension, key, status, binds);
        try (Cursor<Record> cursor = db.fetchLazy(WORKER_SELECT + where + " ORDER BY w.worker_id", binds.toArray())) {
            cursor.forEach(r -> sink.accept(toWorker(r)));
        }
    }

    private static String workerFilter(TenantId tenant, String dimension, String key, String status, List<Object> binds) {
        StringBuilder where = new StringBuilder(" WHERE w.tenant_id = ?");
        binds.add(tenant.value());
        switch (dimension == null ? "ALL" : dimension) {
            case "DISTRICT" -> {
                where.append(" AND w.district_code = ?");
                binds.add(key);
            }
            case "VILLAGE" -> {
                where.append(" AND w.village_code = ?");
                binds.add(key);
            }
            case "OCCUPATION" -> {
                where.append(" AND w.occupation_code = ?");
                binds.add(key);
            }
            case "PROGRAM" -> {
                if ("-".equals(key)) {
                    where.append(" AND NOT EXISTS (SELECT 1 FROM reporting.funding f WHERE f.tenant_id = w.tenant_id"
                            + " AND f.worker_id = w.worker_id AND NOT f.ended)");
                } else {
                    where.append(" AND w.worker_id IN (SELECT f.worker_id FROM reporting.funding f WHERE f.tenant_id = ?"
                            + " AND f.program_id = ?::uuid AND NOT f.ended)");
                    binds.add(tenant.value());
                    binds.add(key);
                }
            }
            case "OPD" -> {
                where.append(" AND w.worker_id IN (SELECT f.worker_id FROM reporting.funding f WHERE f.tenant_id = ?"
                        + " AND f.opd_id = ?::uuid AND NOT f.ended)");
                binds.add(tenant.value());
                binds.add(key);
            }
            default -> {
            }
        }
        if (status != null) {
            where.append(" AND w.status = ?");
            binds.add(status);
        }
        return where.toString();
    }

    public record SponsoredRow(UUID workerId, String status, String villageCode, String occupationCode, UUID programId,
                               LocalDate firstPeriod, LocalDate lastPeriod, boolean ended) {
    }

    /** The fundings an ASN's account link pays, with the worker each is for. */
    public List<SponsoredRow> fundingsOfSponsor(TenantId tenant, UUID linkId) {
        return db.fetch("""
                        SELECT f.worker_id, w.status, w.village_code, w.occupation_code, f.program_id, f.first_period, f.last_period, f.ended
                        FROM reporting.funding f LEFT JOIN reporting.worker w ON w.tenant_id = f.tenant_id AND w.worker_id = f.worker_id
                        WHERE f.tenant_id = ? AND f.sponsor_link_id = ?
                        ORDER BY f.first_period DESC NULLS LAST, f.worker_id""", tenant.value(), linkId)
                .map(r -> new SponsoredRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, UUID.class), r.get(5, LocalDate.class), r.get(6, LocalDate.class), Boolean.TRUE.equals(r.get(7, Boolean.class))));
    }

    private static WorkerListRow toWorker(Record r) {
        String programs = r.get("programs", String.class);
        String opds = r.get("opds", String.class);
        return new WorkerListRow(r.get("worker_id", UUID.class), r.get("status", String.class), r.get("village_code", String.class),
                r.get("district_code", String.class), r.get("occupation_code", String.class), r.get("registered_on", LocalDate.class),
                r.get("covered_from", LocalDate.class),
                programs == null ? List.of() : Arrays.asList(programs.split(",")), opds == null ? List.of() : Arrays.asList(opds.split(",")));
    }

    /** By position, in the order of {@link #SUMMARY_COLUMNS} (the national overview maps every pemda's row). */
    private static SummaryRow toSummary(Record r) {
        return new SummaryRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, BigDecimal.class), r.get(8, Long.class),
                r.get(9, LocalDate.class), r.get(10, Long.class), r.get(11, Long.class), r.get(12, Long.class), r.get(13, Long.class),
                r.get(14, Long.class), r.get(15, Long.class), r.get(16, Long.class), r.get(17, Long.class), r.get(18, Long.class),
                r.get(19, Long.class), r.get(20, Long.class), r.get(21, Long.class), r.get(22, LocalDate.class), r.get(23, Long.class));
    }
}
