package id.payung.reporting.persistence;

import id.payung.platform.TenantId;
import id.payung.reporting.persistence.Contributions.Flow;
import id.payung.reporting.persistence.Contributions.FlowKey;
import id.payung.reporting.persistence.Contributions.StatusKey;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writes of the projections: the per-worker rows, the event-keyed facts, and the counters derived
 * from them. Every statement runs in the caller's tenant transaction (row-level security sees one pemda).
 */
@Repository
public class ProjectionRows {

    /**
     * What each worker adds to the counters, as two CTEs over the workers selected by {@code %1$s} (a
     * condition on a worker id column named {@code x.worker_id}): {@code status_contrib} (dimension,
     * dim_key, status, workers) and {@code flow_contrib} (dimension, dim_key, period, started, ended,
     * registered). The rebuild inserts exactly these; a change applies their difference.
     */
    private static final String CONTRIBUTIONS = """
            WITH w AS (SELECT x.* FROM reporting.worker x WHERE x.tenant_id = ? %1$s),
                 f AS (SELECT x.* FROM reporting.funding x WHERE x.tenant_id = ? %1$s),
                 s AS (SELECT x.* FROM reporting.worker_spell x WHERE x.tenant_id = ? %1$s),
                 d AS (SELECT w.worker_id, w.status, w.registered_on, g.dimension, g.dim_key
                       FROM w CROSS JOIN LATERAL (VALUES ('ALL', ''), ('DISTRICT', w.district_code),
                                                          ('VILLAGE', w.village_code), ('OCCUPATION', w.occupation_code)) g (dimension, dim_key)),
                 status_contrib AS (
                     SELECT dimension, dim_key, status, count(*) AS workers
                     FROM (SELECT worker_id, status, dimension, dim_key FROM d
                           UNION
                           SELECT w.worker_id, w.status, g.dimension, g.dim_key
                           FROM w JOIN f ON f.worker_id = w.worker_id AND NOT f.ended
                                CROSS JOIN LATERAL (VALUES ('PROGRAM', f.program_id::text), ('OPD', f.opd_id::text)) g (dimension, dim_key)
                           WHERE g.dim_key IS NOT NULL
                           UNION
                           SELECT w.worker_id, w.status, 'PROGRAM', '-'
                           FROM w WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.worker_id = w.worker_id AND NOT f.ended)) c
                     GROUP BY dimension, dim_key, status),
                 flow_contrib AS (
                     SELECT dimension, dim_key, period, sum(started) AS started, sum(ended) AS ended, sum(registered) AS registered
                     FROM (SELECT d.dimension, d.dim_key, e.period, e.started, e.ended, 0 AS registered
                           FROM d JOIN s ON s.worker_id = d.worker_id
                                CROSS JOIN LATERAL (VALUES (s.first_period, 1, 0),
                                                           ((s.last_period + interval '1 month')::date, 0, 1)) e (period, started, ended)
                           WHERE e.period IS NOT NULL
                           UNION ALL
                           SELECT d.dimension, d.dim_key, date_trunc('month', d.registered_on)::date, 0, 0, 1 FROM d
                           UNION ALL
                           SELECT g.dimension, g.dim_key, e.period, e.started, e.ended, 0
                           FROM s JOIN f ON f.worker_id = s.worker_id
                                CROSS JOIN LATERAL (SELECT greatest(s.first_period, f.first_period) AS lo,
                                                           least(s.last_period, f.last_period) AS hi) r
                                CROSS JOIN LATERAL (VALUES ('PROGRAM', f.program_id::text), ('OPD', f.opd_id::text)) g (dimension, dim_key)
                                CROSS JOIN LATERAL (VALUES (r.lo, 1, 0), ((r.hi + interval '1 month')::date, 0, 1)) e (period, started, ended)
                           WHERE g.dim_key IS NOT NULL AND e.period IS NOT NULL AND (r.hi IS NULL OR r.hi >= r.lo)) c
                     GROUP BY dimension, dim_key, period)
            """;

    private static final String OF_WORKERS = "AND x.worker_id = ANY (?::uuid[])";

    private final DSLContext db;

    ProjectionRows(DSLContext db) {
        this.db = db;
    }

    // ---- counters ------------------------------------------------------------------------------------

    /** The current contribution of these workers to every counter. */
    public Contributions contributions(TenantId tenant, Collection<UUID> workerIds) {
        Contributions result = Contributions.none();
        if (workerIds.isEmpty()) return result;
        UUID[] ids = workerIds.toArray(UUID[]::new);
        UUID t = tenant.value();
        db.fetch(CONTRIBUTIONS.formatted(OF_WORKERS) + """
                        SELECT 'S' AS kind, dimension, dim_key, status, NULL::date AS period, workers AS a, 0::bigint AS b, 0::bigint AS c
                        FROM status_contrib
                        UNION ALL
                        SELECT 'F', dimension, dim_key, NULL, period, started, ended, registered FROM flow_contrib""",
                t, ids, t, ids, t, ids).forEach(r -> {
            if ("S".equals(r.get("kind", String.class))) {
                result.addStatus(new StatusKey(r.get("dimension", String.class), r.get("dim_key", String.class),
                        r.get("status", String.class)), r.get("a", Long.class));
            } else {
                result.addFlow(new FlowKey(r.get("dimension", String.class), r.get("dim_key", String.class),
                        r.get("period", LocalDate.class)), new Flow(r.get("a", Long.class), r.get("b", Long.class), r.get("c", Long.class)));
            }
        });
        return result;
    }

    /** Adds a difference of contributions to the counters, in key order, in one statement. */
    public void apply(TenantId tenant, Contributions delta) {
        if (delta.isEmpty()) return;
        int n = delta.statuses.size();
        String[] dimensions = new String[n], keys = new String[n], statuses = new String[n];
        Long[] workers = new Long[n];
        int i = 0;
        for (var e : delta.statuses.entrySet()) {
            dimensions[i] = e.getKey().dimension();
            keys[i] = e.getKey().key();
            statuses[i] = e.getKey().status();
            workers[i++] = e.getValue();
        }
        int m = delta.flows.size();
        String[] flowDimensions = new String[m], flowKeys = new String[m];
        LocalDate[] periods = new LocalDate[m];
        Long[] started = new Long[m], ended = new Long[m], registered = new Long[m];
        i = 0;
        for (var e : delta.flows.entrySet()) {
            flowDimensions[i] = e.getKey().dimension();
            flowKeys[i] = e.getKey().key();
            periods[i] = e.getKey().period();
            started[i] = e.getValue().started();
            ended[i] = e.getValue().ended();
            registered[i++] = e.getValue().registered();
        }
        db.execute("""
                        WITH status_delta AS (
                            INSERT INTO reporting.status_count (tenant_id, dimension, dim_key, status, workers)
                            SELECT ?, d, k, s, n FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) WITH ORDINALITY AS u (d, k, s, n, o)
                            ORDER BY o
                            ON CONFLICT (tenant_id, dimension, dim_key, status)
                                DO UPDATE SET workers = reporting.status_count.workers + excluded.workers
                            RETURNING 1)
                        INSERT INTO reporting.coverage_flow (tenant_id, dimension, dim_key, period, started, ended, registered)
                        SELECT ?, d, k, p, s, e, r
                        FROM unnest(?::text[], ?::text[], ?::date[], ?::bigint[], ?::bigint[], ?::bigint[]) WITH ORDINALITY AS u (d, k, p, s, e, r, o)
                        ORDER BY o
                        ON CONFLICT (tenant_id, dimension, dim_key, period)
                            DO UPDATE SET started = reporting.coverage_flow.started + excluded.started,
                                          ended = reporting.coverage_flow.ended + excluded.ended,
                                          registered = reporting.coverage_flow.registered + excluded.registered""",
                tenant.value(), dimensions, keys, statuses, workers,
                tenant.value(), flowDimensions, flowKeys, periods, started, ended, registered);
    }

    /**
     * Throws the pemda's counters away and sums them again over every worker (the rebuild): the same
     * contributions as {@link #CONTRIBUTIONS}, written for whole pemda (one scan per table, grouping sets
     * instead of one row per worker and dimension). {@code ReportingProjectionTests} proves both agree.
     */
    public void recomputeCounters(TenantId tenant) {
        UUID t = tenant.value();
        // Whole-pemda sums are hash joins and hash aggregates; stale statistics (a pemda just imported)
        // must not turn them into nested loops over a million rows.
        db.execute("SET LOCAL work_mem = '64MB'");
        db.execute("SET LOCAL enable_nestloop = off");
        db.execute("DELETE FROM reporting.status_count WHERE tenant_id = ?", t);
        db.execute("DELETE FROM reporting.coverage_flow WHERE tenant_id = ?", t);
        db.execute("""
                INSERT INTO reporting.status_count (tenant_id, dimension, dim_key, status, workers)
                SELECT ?, CASE WHEN grouping(district_code) = 0 THEN 'DISTRICT' WHEN grouping(village_code) = 0 THEN 'VILLAGE'
                                WHEN grouping(occupation_code) = 0 THEN 'OCCUPATION' ELSE 'ALL' END,
                       coalesce(district_code, village_code, occupation_code, ''), status, count(*)
                FROM reporting.worker WHERE tenant_id = ?
                GROUP BY GROUPING SETS ((status), (district_code, status), (village_code, status), (occupation_code, status))
                UNION ALL
                SELECT ?, CASE WHEN grouping(f.program_id) = 0 THEN 'PROGRAM' ELSE 'OPD' END,
                       coalesce(f.program_id, f.opd_id)::text, w.status, count(DISTINCT w.worker_id)
                FROM reporting.funding f JOIN reporting.worker w ON w.tenant_id = f.tenant_id AND w.worker_id = f.worker_id
                WHERE f.tenant_id = ? AND NOT f.ended
                GROUP BY GROUPING SETS ((f.program_id, w.status), (f.opd_id, w.status))
                HAVING coalesce(f.program_id, f.opd_id) IS NOT NULL
                UNION ALL
                SELECT ?, 'PROGRAM', '-', w.status, count(*)
                FROM reporting.worker w
                WHERE w.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM reporting.funding f
                                                      WHERE f.tenant_id = w.tenant_id AND f.worker_id = w.worker_id AND NOT f.ended)
                GROUP BY w.status""", t, t, t, t, t, t);
        db.execute("""
                INSERT INTO reporting.coverage_flow (tenant_id, dimension, dim_key, period, started, ended, registered)
                SELECT ?, dimension, dim_key, period, sum(started), sum(ended), sum(registered)
                FROM (SELECT CASE WHEN grouping(district_code) = 0 THEN 'DISTRICT' WHEN grouping(village_code) = 0 THEN 'VILLAGE'
                                  WHEN grouping(occupation_code) = 0 THEN 'OCCUPATION' ELSE 'ALL' END AS dimension,
                             coalesce(district_code, village_code, occupation_code, '') AS dim_key, period,
                             sum(started) AS started, sum(ended) AS ended, sum(registered) AS registered
                      FROM (SELECT w.district_code, w.village_code, w.occupation_code, e.period, e.started, e.ended, 0 AS registered
                            FROM reporting.worker w
                                 JOIN reporting.worker_spell s ON s.tenant_id = w.tenant_id AND s.worker_id = w.worker_id
                                 CROSS JOIN LATERAL (VALUES (s.first_period, 1, 0),
                                                            ((s.last_period + interval '1 month')::date, 0, 1)) e (period, started, ended)
                            WHERE w.tenant_id = ? AND e.period IS NOT NULL
                            UNION ALL
                            SELECT district_code, village_code, occupation_code, date_trunc('month', registered_on)::date, 0, 0, 1
                            FROM reporting.worker WHERE tenant_id = ?) x
                      GROUP BY GROUPING SETS ((period), (district_code, period), (village_code, period), (occupation_code, period))
                      UNION ALL
                      SELECT CASE WHEN grouping(program_id) = 0 THEN 'PROGRAM' ELSE 'OPD' END,
                             coalesce(program_id, opd_id)::text, period, sum(started), sum(ended), 0
                      FROM (SELECT f.program_id, f.opd_id, e.period, e.started, e.ended
                            FROM reporting.worker_spell s
                                 JOIN reporting.funding f ON f.tenant_id = s.tenant_id AND f.worker_id = s.worker_id
                                 CROSS JOIN LATERAL (SELECT greatest(s.first_period, f.first_period) AS lo,
                                                            least(s.last_period, f.last_period) AS hi) r
                                 CROSS JOIN LATERAL (VALUES (r.lo, 1, 0), ((r.hi + interval '1 month')::date, 0, 1)) e (period, started, ended)
                            WHERE s.tenant_id = ? AND e.period IS NOT NULL AND (r.hi IS NULL OR r.hi >= r.lo)) y
                      GROUP BY GROUPING SETS ((program_id, period), (opd_id, period))
                      HAVING coalesce(program_id, opd_id) IS NOT NULL) c
                GROUP BY dimension, dim_key, period""", t, t, t, t);
    }

    // ---- workers -------------------------------------------------------------------------------------

    /** A worker as the projection knows him, locked for the rest of the transaction. */
    public record WorkerState(UUID workerId, String status, LocalDate openSpellFrom, LocalDate lastClosedUntil) {
    }

    /** Locks these workers' rows (in id order) and answers those that exist. */
    public Map<UUID, WorkerState> lockWorkers(TenantId tenant, Collection<UUID> workerIds) {
        Map<UUID, WorkerState> found = new LinkedHashMap<>();
        if (workerIds.isEmpty()) return found;
        db.fetch("""
                        SELECT w.worker_id, w.status,
                               (SELECT s.first_period FROM reporting.worker_spell s
                                WHERE s.tenant_id = w.tenant_id AND s.worker_id = w.worker_id AND s.last_period IS NULL) AS open_from,
                               (SELECT max(s.last_period) FROM reporting.worker_spell s
                                WHERE s.tenant_id = w.tenant_id AND s.worker_id = w.worker_id) AS closed_until
                        FROM reporting.worker w
                        WHERE w.tenant_id = ? AND w.worker_id = ANY (?::uuid[])
                        ORDER BY w.worker_id
                        FOR UPDATE OF w""", tenant.value(), workerIds.toArray(UUID[]::new))
                .forEach(r -> found.put(r.get("worker_id", UUID.class), new WorkerState(r.get("worker_id", UUID.class),
                        r.get("status", String.class), r.get("open_from", LocalDate.class), r.get("closed_until", LocalDate.class))));
        return found;
    }

    /** A worker's facts as enrollment publishes them, shaped for insertion. */
    public record WorkerFactsRow(UUID workerId, String status, String villageCode, String districtCode,
                                 String occupationCode, LocalDate registeredOn, LocalDate coveredSince) {
    }

    /** Inserts the workers not known yet (with an open spell for the active ones); answers those inserted. */
    public List<UUID> insertWorkers(TenantId tenant, List<WorkerFactsRow> rows, YearMonth currentPeriod) {
        if (rows.isEmpty()) return List.of();
        List<UUID> inserted = db.fetch("""
                        INSERT INTO reporting.worker (tenant_id, worker_id, status, village_code, district_code, occupation_code, registered_on)
                        SELECT ?, i, s, v, d, o, r FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[]) AS u (i, s, v, d, o, r)
                        ORDER BY i
                        ON CONFLICT (tenant_id, worker_id) DO NOTHING
                        RETURNING worker_id""",
                tenant.value(), column(rows, WorkerFactsRow::workerId, UUID[]::new), column(rows, WorkerFactsRow::status, String[]::new),
                column(rows, WorkerFactsRow::villageCode, String[]::new), column(rows, WorkerFactsRow::districtCode, String[]::new),
                column(rows, WorkerFactsRow::occupationCode, String[]::new), column(rows, WorkerFactsRow::registeredOn, LocalDate[]::new))
                .getValues(0, UUID.class);
        Set<UUID> insertedSet = Set.copyOf(inserted);
        List<WorkerFactsRow> active = rows.stream().filter(r -> insertedSet.contains(r.workerId()) && "ACTIVE".equals(r.status())).toList();
        openSpells(tenant, active.stream().map(WorkerFactsRow::workerId).toList(),
                active.stream().map(r -> r.coveredSince() == null ? currentPeriod.atDay(1) : r.coveredSince()).toList());
        return inserted;
    }

    /**
     * Of these facts, the workers whose projection differs (unknown, another status, village, occupation
     * or registration date, or an open spell that does not match an ACTIVE status).
     */
    public List<UUID> differing(TenantId tenant, List<WorkerFactsRow> rows) {
        if (rows.isEmpty()) return List.of();
        return db.fetch("""
                        SELECT u.i
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[]) AS u (i, s, v, d, o, r)
                        LEFT JOIN reporting.worker w ON w.tenant_id = ? AND w.worker_id = u.i
                        WHERE w.worker_id IS NULL OR w.status <> u.s OR w.village_code <> u.v OR w.district_code <> u.d
                           OR w.occupation_code <> u.o OR w.registered_on <> u.r
                           OR (u.s = 'ACTIVE') <> EXISTS (SELECT 1 FROM reporting.worker_spell s
                                                         WHERE s.tenant_id = w.tenant_id AND s.worker_id = w.worker_id AND s.last_period IS NULL)""",
                column(rows, WorkerFactsRow::workerId, UUID[]::new), column(rows, WorkerFactsRow::status, String[]::new),
                column(rows, WorkerFactsRow::villageCode, String[]::new), column(rows, WorkerFactsRow::districtCode, String[]::new),
                column(rows, WorkerFactsRow::occupationCode, String[]::new), column(rows, WorkerFactsRow::registeredOn, LocalDate[]::new),
                tenant.value()).getValues(0, UUID.class);
    }

    /** Overwrites the attributes and status of known workers with enrollment's facts. */
    public void updateWorkers(TenantId tenant, List<WorkerFactsRow> rows) {
        if (rows.isEmpty()) return;
        db.execute("""
                        UPDATE reporting.worker w
                        SET status = u.s, village_code = u.v, district_code = u.d, occupation_code = u.o, registered_on = u.r
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[]) AS u (i, s, v, d, o, r)
                        WHERE w.tenant_id = ? AND w.worker_id = u.i""",
                column(rows, WorkerFactsRow::workerId, UUID[]::new), column(rows, WorkerFactsRow::status, String[]::new),
                column(rows, WorkerFactsRow::villageCode, String[]::new), column(rows, WorkerFactsRow::districtCode, String[]::new),
                column(rows, WorkerFactsRow::occupationCode, String[]::new), column(rows, WorkerFactsRow::registeredOn, LocalDate[]::new),
                tenant.value());
    }

    public void setStatus(TenantId tenant, Collection<UUID> workerIds, String status) {
        if (workerIds.isEmpty()) return;
        db.execute("UPDATE reporting.worker SET status = ? WHERE tenant_id = ? AND worker_id = ANY (?::uuid[])",
                status, tenant.value(), workerIds.toArray(UUID[]::new));
    }

    /** Opens a covered spell for each worker at the given month (workers without an open spell only). */
    public void openSpells(TenantId tenant, List<UUID> workerIds, List<LocalDate> fromPeriods) {
        if (workerIds.isEmpty()) return;
        db.execute("""
                        INSERT INTO reporting.worker_spell (tenant_id, worker_id, first_period, last_period)
                        SELECT ?, i, p, NULL FROM unnest(?::uuid[], ?::date[]) AS u (i, p) ORDER BY i
                        ON CONFLICT (tenant_id, worker_id, first_period) DO UPDATE SET last_period = NULL""",
                tenant.value(), workerIds.toArray(UUID[]::new), fromPeriods.toArray(LocalDate[]::new));
    }

    /**
     * Reopens each worker's latest closed spell (cover resumed without a gap), extending it back to
     * {@code from} if it started later.
     */
    public void reopenLatestSpells(TenantId tenant, Collection<UUID> workerIds, LocalDate from) {
        if (workerIds.isEmpty()) return;
        db.execute("""
                        UPDATE reporting.worker_spell s SET last_period = NULL, first_period = least(s.first_period, ?::date)
                        WHERE s.tenant_id = ? AND s.worker_id = ANY (?::uuid[])
                          AND s.last_period = (SELECT max(x.last_period) FROM reporting.worker_spell x
                                               WHERE x.tenant_id = s.tenant_id AND x.worker_id = s.worker_id)""",
                from, tenant.value(), workerIds.toArray(UUID[]::new));
    }

    /** Closes the open spell of each worker with its last covered month (never before the spell began). */
    public void closeSpells(TenantId tenant, Collection<UUID> workerIds, LocalDate lastCoveredPeriod) {
        if (workerIds.isEmpty()) return;
        db.execute("""
                        UPDATE reporting.worker_spell SET last_period = greatest(first_period, ?::date)
                        WHERE tenant_id = ? AND worker_id = ANY (?::uuid[]) AND last_period IS NULL""",
                lastCoveredPeriod, tenant.value(), workerIds.toArray(UUID[]::new));
    }

    // ---- fundings, programs, OPDs, labels ---------------------------------------------------------------

    public record FundingRow(UUID fundingId, UUID programId, UUID workerId, UUID sponsorLinkId, UUID opdId,
                             LocalDate firstPeriod, LocalDate lastPeriod, boolean ended) {
    }

    public java.util.Optional<FundingRow> funding(TenantId tenant, UUID fundingId) {
        return db.fetchOptional("SELECT * FROM reporting.funding WHERE tenant_id = ? AND funding_id = ?", tenant.value(), fundingId)
                .map(ProjectionRows::toFunding);
    }

    public void fundingStarted(TenantId tenant, FundingRow funding) {
        db.execute("""
                        INSERT INTO reporting.funding (tenant_id, funding_id, program_id, worker_id, sponsor_link_id, opd_id, first_period, ended)
                        VALUES (?, ?, ?, ?, ?, ?, ?, false)
                        ON CONFLICT (tenant_id, funding_id) DO UPDATE SET sponsor_link_id = excluded.sponsor_link_id,
                            opd_id = excluded.opd_id, first_period = excluded.first_period""",
                tenant.value(), funding.fundingId(), funding.programId(), funding.workerId(), funding.sponsorLinkId(),
                funding.opdId(), funding.firstPeriod());
    }

    public void fundingEnded(TenantId tenant, FundingRow funding) {
        db.execute("""
                        INSERT INTO reporting.funding (tenant_id, funding_id, program_id, worker_id, last_period, ended)
                        VALUES (?, ?, ?, ?, ?, true)
                        ON CONFLICT (tenant_id, funding_id) DO UPDATE SET last_period = excluded.last_period, ended = true""",
                tenant.value(), funding.fundingId(), funding.programId(), funding.workerId(), funding.lastPeriod());
    }

    public void program(TenantId tenant, UUID programId, String kind) {
        program(tenant, programId, kind, null);
    }

    /** Makes the program known; its kind and name when given (never erased by an event that does not know them). */
    public void program(TenantId tenant, UUID programId, String kind, String name) {
        if (kind == null && name == null) {
            // only making sure the program is known: no write when it is
            db.execute("INSERT INTO reporting.program (tenant_id, program_id) VALUES (?, ?) ON CONFLICT DO NOTHING", tenant.value(), programId);
            return;
        }
        db.execute("""
                        INSERT INTO reporting.program (tenant_id, program_id, kind, name) VALUES (?, ?, ?, ?)
                        ON CONFLICT (tenant_id, program_id) DO UPDATE SET kind = coalesce(excluded.kind, reporting.program.kind),
                            name = coalesce(excluded.name, reporting.program.name)""",
                tenant.value(), programId, kind, name);
    }

    public boolean knowsOpd(TenantId tenant, UUID opdId) {
        return db.fetchExists(db.selectOne().from("reporting.opd").where("tenant_id = ? AND opd_id = ?", tenant.value(), opdId));
    }

    public void opd(TenantId tenant, UUID opdId, String code, String name, boolean active) {
        db.execute("""
                        INSERT INTO reporting.opd (tenant_id, opd_id, code, name, active) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, opd_id) DO UPDATE SET code = excluded.code, name = excluded.name, active = excluded.active""",
                tenant.value(), opdId, code, name, active);
    }

    public record Label(String kind, String code, String nameId, String nameEn) {
    }

    /** Of these (kind, code) pairs, those without a label yet. */
    public List<Label> missingLabels(TenantId tenant, List<Label> wanted) {
        if (wanted.isEmpty()) return List.of();
        Set<String> present = new java.util.HashSet<>(db.fetch("""
                        SELECT kind || ':' || code FROM reporting.label
                        WHERE tenant_id = ? AND (kind, code) IN (SELECT * FROM unnest(?::text[], ?::text[]))""",
                tenant.value(), column(wanted, Label::kind, String[]::new), column(wanted, Label::code, String[]::new))
                .getValues(0, String.class));
        return wanted.stream().filter(l -> !present.contains(l.kind() + ":" + l.code())).distinct().toList();
    }

    public void labels(TenantId tenant, List<Label> labels) {
        if (labels.isEmpty()) return;
        db.execute("""
                        INSERT INTO reporting.label (tenant_id, kind, code, name_id, name_en)
                        SELECT ?, k, c, i, e FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u (k, c, i, e)
                        ON CONFLICT (tenant_id, kind, code) DO UPDATE SET name_id = excluded.name_id, name_en = excluded.name_en""",
                tenant.value(), column(labels, Label::kind, String[]::new), column(labels, Label::code, String[]::new),
                column(labels, Label::nameId, String[]::new), column(labels, Label::nameEn, String[]::new));
    }

    // ---- money and claims ------------------------------------------------------------------------------

    public boolean contributionPaid(TenantId tenant, UUID paymentId, UUID programId, YearMonth period, int workers, long amount) {
        return db.execute("""
                        INSERT INTO reporting.contribution_payment (tenant_id, payment_id, program_id, period, workers, amount)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, payment_id) DO NOTHING""",
                tenant.value(), paymentId, programId, period.atDay(1), workers, amount) > 0;
    }

    public boolean deductionListApproved(TenantId tenant, UUID listId, UUID opdId, YearMonth period, int sponsors, int workers, long amount) {
        return db.execute("""
                        INSERT INTO reporting.deduction_list (tenant_id, list_id, opd_id, period, sponsors, workers, amount)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, list_id) DO NOTHING""",
                tenant.value(), listId, opdId, period.atDay(1), sponsors, workers, amount) > 0;
    }

    public void claimFiled(TenantId tenant, UUID claimId, UUID workerId, String kind, LocalDate incidentDate, LocalDate filedOn) {
        db.execute("""
                        INSERT INTO reporting.claim (tenant_id, claim_id, worker_id, kind, state, incident_date, filed_on)
                        VALUES (?, ?, ?, ?, 'FILED', ?, ?)
                        ON CONFLICT (tenant_id, claim_id) DO UPDATE SET worker_id = coalesce(reporting.claim.worker_id, excluded.worker_id),
                            incident_date = coalesce(reporting.claim.incident_date, excluded.incident_date),
                            filed_on = coalesce(reporting.claim.filed_on, excluded.filed_on)""",
                tenant.value(), claimId, workerId, kind, incidentDate, filedOn);
    }

    /** A decision moves a FILED claim on; a claim already decided or paid keeps its state. */
    public void claimDecided(TenantId tenant, UUID claimId, String kind, boolean approved, long approvedAmount, LocalDate decidedOn) {
        db.execute("""
                        INSERT INTO reporting.claim (tenant_id, claim_id, kind, state, approved_amount, decided_on)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, claim_id) DO UPDATE SET
                            state = CASE WHEN reporting.claim.state = 'FILED' THEN excluded.state ELSE reporting.claim.state END,
                            approved_amount = coalesce(reporting.claim.approved_amount, excluded.approved_amount),
                            decided_on = coalesce(reporting.claim.decided_on, excluded.decided_on)""",
                tenant.value(), claimId, kind, approved ? "APPROVED" : "REJECTED", approved ? approvedAmount : null, decidedOn);
    }

    public void claimPaid(TenantId tenant, UUID claimId, String kind, long amount, LocalDate paidOn, int workingDays) {
        db.execute("""
                        INSERT INTO reporting.claim (tenant_id, claim_id, kind, state, paid_amount, paid_on, working_days_to_pay)
                        VALUES (?, ?, ?, 'PAID', ?, ?, ?)
                        ON CONFLICT (tenant_id, claim_id) DO UPDATE SET state = 'PAID',
                            paid_amount = coalesce(reporting.claim.paid_amount, excluded.paid_amount),
                            paid_on = coalesce(reporting.claim.paid_on, excluded.paid_on),
                            working_days_to_pay = coalesce(reporting.claim.working_days_to_pay, excluded.working_days_to_pay)""",
                tenant.value(), claimId, kind, amount, paidOn, workingDays);
    }

    /** A claim as the claims module reports it now (the rebuild): its state and money overwrite what events left. */
    public record ClaimRow(UUID claimId, UUID workerId, String kind, String state, LocalDate incidentDate, LocalDate filedOn,
                           Long approvedAmount, Long paidAmount, LocalDate paidOn, Integer workingDaysToPay) {
    }

    public void claims(TenantId tenant, List<ClaimRow> claims) {
        if (claims.isEmpty()) return;
        db.execute("""
                        INSERT INTO reporting.claim (tenant_id, claim_id, worker_id, kind, state, incident_date, filed_on, approved_amount,
                                                     paid_amount, paid_on, working_days_to_pay)
                        SELECT ?, i, w, k, s, d, f, a, p, o, n
                        FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[], ?::bigint[], ?::bigint[], ?::date[], ?::int[])
                             AS u (i, w, k, s, d, f, a, p, o, n)
                        ON CONFLICT (tenant_id, claim_id) DO UPDATE SET worker_id = excluded.worker_id, kind = excluded.kind,
                            state = excluded.state, incident_date = excluded.incident_date, filed_on = excluded.filed_on,
                            approved_amount = excluded.approved_amount, paid_amount = excluded.paid_amount, paid_on = excluded.paid_on,
                            working_days_to_pay = excluded.working_days_to_pay""",
                tenant.value(), column(claims, ClaimRow::claimId, UUID[]::new), column(claims, ClaimRow::workerId, UUID[]::new),
                column(claims, ClaimRow::kind, String[]::new), column(claims, ClaimRow::state, String[]::new),
                column(claims, ClaimRow::incidentDate, LocalDate[]::new), column(claims, ClaimRow::filedOn, LocalDate[]::new),
                column(claims, ClaimRow::approvedAmount, Long[]::new), column(claims, ClaimRow::paidAmount, Long[]::new),
                column(claims, ClaimRow::paidOn, LocalDate[]::new), column(claims, ClaimRow::workingDaysToPay, Integer[]::new));
    }

    // ---- the pemda summary ---------------------------------------------------------------------------------

    public record PemdaFactsRow(String regionCode, String kind, String name, String officeCode, String officeName,
                                String status, BigDecimal targetPercent, Long potentialWorkers) {
    }

    public void pemda(TenantId tenant, PemdaFactsRow facts, YearMonth currentPeriod) {
        db.execute("""
                        INSERT INTO reporting.pemda_summary (tenant_id, region_code, kind, name, bpjs_office_code, bpjs_office_name,
                                                             status, coverage_target_percent, potential_workers, as_of_period)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id) DO UPDATE SET region_code = excluded.region_code, kind = excluded.kind,
                            name = excluded.name, bpjs_office_code = excluded.bpjs_office_code,
                            bpjs_office_name = excluded.bpjs_office_name, status = excluded.status,
                            coverage_target_percent = excluded.coverage_target_percent, potential_workers = excluded.potential_workers""",
                tenant.value(), facts.regionCode(), facts.kind(), facts.name(), facts.officeCode(), facts.officeName(), facts.status(),
                facts.targetPercent(), facts.potentialWorkers(), currentPeriod.atDay(1));
    }

    public java.util.Optional<String> pemdaKind(TenantId tenant) {
        return db.fetchOptional("SELECT kind FROM reporting.pemda_summary WHERE tenant_id = ?", tenant.value())
                .map(r -> r.get(0, String.class));
    }

    public void target(TenantId tenant, BigDecimal targetPercent, Long potentialWorkers) {
        db.execute("UPDATE reporting.pemda_summary SET coverage_target_percent = ?, potential_workers = ? WHERE tenant_id = ?",
                targetPercent, potentialWorkers, tenant.value());
    }

    public void pemdaStatus(TenantId tenant, String status) {
        db.execute("UPDATE reporting.pemda_summary SET status = ? WHERE tenant_id = ?", status, tenant.value());
    }

    /** Recomputes the pemda's headline figures from its counters and facts, as of the given month. */
    public void refreshSummary(TenantId tenant, YearMonth currentPeriod) {
        LocalDate now = currentPeriod.atDay(1);
        LocalDate yearAgo = currentPeriod.minusMonths(11).atDay(1);
        UUID t = tenant.value();
        db.execute("""
                        UPDATE reporting.pemda_summary p SET
                            as_of_period = ?::date,
                            workers_total = coalesce(sc.total, 0), registered = coalesce(sc.registered, 0),
                            verified = coalesce(sc.verified, 0), active = coalesce(sc.active, 0),
                            inactive = coalesce(sc.inactive, 0), ended = coalesce(sc.ended, 0),
                            covered = (SELECT coalesce(sum(f.started - f.ended), 0) FROM reporting.coverage_flow f
                                       WHERE f.tenant_id = p.tenant_id AND f.dimension = 'ALL' AND f.dim_key = '' AND f.period <= ?::date),
                            first_period = (SELECT min(f.period) FROM reporting.coverage_flow f
                                            WHERE f.tenant_id = p.tenant_id AND f.dimension = 'ALL' AND f.dim_key = ''
                                              AND (f.started <> 0 OR f.ended <> 0 OR f.registered <> 0)),
                            contributions_12m = (SELECT coalesce(sum(c.amount), 0) FROM reporting.contribution_payment c
                                                 WHERE c.tenant_id = p.tenant_id AND c.period BETWEEN ?::date AND ?::date),
                            claims_awaiting_decision = cl.filed, claims_awaiting_payment = cl.approved,
                            claims_paid_12m = cl.paid, claims_paid_amount_12m = cl.paid_amount,
                            refreshed_at = now()
                        FROM (SELECT sum(workers) AS total,
                                     sum(workers) FILTER (WHERE status = 'REGISTERED') AS registered,
                                     sum(workers) FILTER (WHERE status = 'VERIFIED') AS verified,
                                     sum(workers) FILTER (WHERE status = 'ACTIVE') AS active,
                                     sum(workers) FILTER (WHERE status = 'INACTIVE') AS inactive,
                                     sum(workers) FILTER (WHERE status = 'ENDED') AS ended
                              FROM reporting.status_count WHERE tenant_id = ? AND dimension = 'ALL' AND dim_key = '') sc,
                             (SELECT count(*) FILTER (WHERE state = 'FILED') AS filed,
                                     count(*) FILTER (WHERE state = 'APPROVED') AS approved,
                                     count(*) FILTER (WHERE state = 'PAID' AND paid_on >= ?::date) AS paid,
                                     coalesce(sum(paid_amount) FILTER (WHERE state = 'PAID' AND paid_on >= ?::date), 0) AS paid_amount
                              FROM reporting.claim WHERE tenant_id = ?) cl
                        WHERE p.tenant_id = ?""",
                now, now, yearAgo, now, t, yearAgo, yearAgo, t, t);
    }

    // ---- rebuild ----------------------------------------------------------------------------------------------

    /** Workers of the projection that enrollment no longer knows (ids after a page of the resync). */
    public List<UUID> workerIdsBetween(TenantId tenant, UUID afterExclusive, UUID untilInclusive) {
        return db.fetch("""
                        SELECT worker_id FROM reporting.worker
                        WHERE tenant_id = ? AND (?::uuid IS NULL OR worker_id > ?::uuid) AND (?::uuid IS NULL OR worker_id <= ?::uuid)
                        ORDER BY worker_id""",
                tenant.value(), afterExclusive, afterExclusive, untilInclusive, untilInclusive).getValues(0, UUID.class);
    }

    public void deleteWorkers(TenantId tenant, Collection<UUID> workerIds) {
        if (workerIds.isEmpty()) return;
        db.execute("DELETE FROM reporting.worker WHERE tenant_id = ? AND worker_id = ANY (?::uuid[])",
                tenant.value(), workerIds.toArray(UUID[]::new));
    }

    private static FundingRow toFunding(Record r) {
        return new FundingRow(r.get("funding_id", UUID.class), r.get("program_id", UUID.class), r.get("worker_id", UUID.class),
                r.get("sponsor_link_id", UUID.class), r.get("opd_id", UUID.class), r.get("first_period", LocalDate.class),
                r.get("last_period", LocalDate.class), Boolean.TRUE.equals(r.get("ended", Boolean.class)));
    }

    private static <R, T> T[] column(List<R> rows, java.util.function.Function<R, T> getter, java.util.function.IntFunction<T[]> array) {
        List<T> values = new ArrayList<>(rows.size());
        for (R row : rows) values.add(getter.apply(row));
        return values.toArray(array.apply(0));
    }
}
