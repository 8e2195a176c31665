package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The monthly cycle's statements: runs and their progress, closed periods, and the set-based work of a
 * run (dues, deduction lists, lapse). Every statement names the tenant and runs inside its transaction.
 */
@Repository
public class CycleRows {

    private final DSLContext db;

    CycleRows(DSLContext db) {
        this.db = db;
    }

    public record RunRow(UUID runId, YearMonth period, String status, String stage, String startedBy, String startedByName,
                         OffsetDateTime startedAt, OffsetDateTime heartbeatAt, OffsetDateTime finishedAt,
                         int duesRemoved, int duesAdded, int duesLocked, int duesTotal, long amountTotal,
                         int deductionLists, int lapsedWorkers, String problem) {
    }

    // --- runs ---------------------------------------------------------------------------------------------

    /**
     * Serialises, within one pemda, the steps that decide what is owed: starting a run and each of its
     * steps, approving a deduction list, issuing an invoice, closing a period. Held to the end of the
     * transaction.
     */
    public void lockCycle(TenantId tenant) {
        db.fetch("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "sponsorship.cycle:" + tenant.value());
    }

    /** Inserts a RUNNING run; the partial unique index refuses a second one of the pemda (DuplicateKeyException). */
    public void insertRun(TenantId tenant, UUID runId, YearMonth period, String by, String byName) {
        db.execute("""
                        INSERT INTO sponsorship.cycle_run (tenant_id, run_id, period, status, stage, started_by, started_by_name)
                        VALUES (?, ?, ?::date, 'RUNNING', 'STARTED', ?, ?)""",
                tenant.value(), runId, period.atDay(1), by, byName);
    }

    /** Marks RUNNING runs that showed no sign of life for {@code staleAfter} as failed (their process died). */
    public int abandonStale(TenantId tenant, Duration staleAfter, String problem) {
        return db.execute("""
                        UPDATE sponsorship.cycle_run SET status = 'FAILED', finished_at = now(), problem = ?
                        WHERE tenant_id = ? AND status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)""",
                problem, tenant.value(), (double) staleAfter.toSeconds());
    }

    public Optional<RunRow> running(TenantId tenant) {
        return db.fetch("SELECT * FROM sponsorship.cycle_run WHERE tenant_id = ? AND status = 'RUNNING'", tenant.value())
                .stream().findFirst().map(CycleRows::toRun);
    }

    public Optional<RunRow> run(TenantId tenant, UUID runId) {
        return db.fetch("SELECT * FROM sponsorship.cycle_run WHERE tenant_id = ? AND run_id = ?", tenant.value(), runId)
                .stream().findFirst().map(CycleRows::toRun);
    }

    /** The latest runs, newest first; of one period, or of all when period is null. */
    public List<RunRow> runs(TenantId tenant, YearMonth period, int limit) {
        return db.fetch("""
                        SELECT * FROM sponsorship.cycle_run
                        WHERE tenant_id = ? AND (?::date IS NULL OR period = ?::date)
                        ORDER BY started_at DESC LIMIT ?""",
                tenant.value(), day(period), day(period), limit).map(CycleRows::toRun);
    }

    public void stage(TenantId tenant, UUID runId, String stage) {
        db.execute("UPDATE sponsorship.cycle_run SET stage = ?, heartbeat_at = now() WHERE tenant_id = ? AND run_id = ?",
                stage, tenant.value(), runId);
    }

    public void duesCounted(TenantId tenant, UUID runId, int removed, int added, int locked, int total, long amount) {
        db.execute("""
                        UPDATE sponsorship.cycle_run SET dues_removed = ?, dues_added = ?, dues_locked = ?, dues_total = ?,
                            amount_total = ?, heartbeat_at = now()
                        WHERE tenant_id = ? AND run_id = ?""",
                removed, added, locked, total, amount, tenant.value(), runId);
    }

    public void listsCounted(TenantId tenant, UUID runId, int lists) {
        db.execute("UPDATE sponsorship.cycle_run SET deduction_lists = ?, heartbeat_at = now() WHERE tenant_id = ? AND run_id = ?",
                lists, tenant.value(), runId);
    }

    public void lapsedCounted(TenantId tenant, UUID runId, int lapsed) {
        db.execute("UPDATE sponsorship.cycle_run SET lapsed_workers = ?, heartbeat_at = now() WHERE tenant_id = ? AND run_id = ?",
                lapsed, tenant.value(), runId);
    }

    public void finish(TenantId tenant, UUID runId, String status, String problem) {
        db.execute("""
                        UPDATE sponsorship.cycle_run SET status = ?, stage = CASE WHEN ? = 'COMPLETED' THEN 'DONE' ELSE stage END,
                            problem = ?, finished_at = now(), heartbeat_at = now()
                        WHERE tenant_id = ? AND run_id = ? AND status = 'RUNNING'""",
                status, status, problem, tenant.value(), runId);
    }

    // --- periods and rates --------------------------------------------------------------------------------

    public record ClosedPeriod(YearMonth period, String closedByName, OffsetDateTime closedAt) {
    }

    public Optional<ClosedPeriod> closed(TenantId tenant, YearMonth period) {
        return db.fetch("SELECT period, closed_by_name, closed_at FROM sponsorship.closed_period WHERE tenant_id = ? AND period = ?::date",
                        tenant.value(), period.atDay(1))
                .stream().findFirst()
                .map(r -> new ClosedPeriod(YearMonth.from(r.get(0, LocalDate.class)), r.get(1, String.class), r.get(2, OffsetDateTime.class)));
    }

    public void close(TenantId tenant, YearMonth period, String by, String byName) {
        db.execute("INSERT INTO sponsorship.closed_period (tenant_id, period, closed_by, closed_by_name) VALUES (?, ?::date, ?, ?)",
                tenant.value(), period.atDay(1), by, byName);
    }

    /** Whether JKK and JKM rates are valid for the month (the premium function answers NULL otherwise). */
    public boolean rateValid(YearMonth period) {
        return db.fetchValue("SELECT sponsorship.monthly_premium(1000000, false, false, ?::date)", period.atDay(1)) != null;
    }

    /** The premium of one worker for one month, by the same function the cycle uses. */
    public Long premium(long declaredIncome, boolean transportSector, boolean countsAsApbd, YearMonth period) {
        Object value = db.fetchValue("SELECT sponsorship.monthly_premium(?, ?, ?, ?::date)",
                declaredIncome, transportSector, countsAsApbd, period.atDay(1));
        return value == null ? null : ((Number) value).longValue();
    }

    // --- dues -----------------------------------------------------------------------------------------------

    /** Programs whose invoice for the period is issued: their dues no longer change. */
    public UUID[] invoicedPrograms(TenantId tenant, YearMonth period) {
        return db.fetch("SELECT program_id FROM sponsorship.invoice WHERE tenant_id = ? AND period = ?::date",
                tenant.value(), period.atDay(1)).getValues(0, UUID.class).toArray(UUID[]::new);
    }

    /** OPDs whose deduction list for the period is approved: their sponsors' dues no longer change. */
    public UUID[] approvedOpds(TenantId tenant, YearMonth period) {
        return db.fetch("SELECT opd_id FROM sponsorship.deduction_list WHERE tenant_id = ? AND period = ?::date AND status = 'APPROVED'",
                tenant.value(), period.atDay(1)).getValues(0, UUID.class).toArray(UUID[]::new);
    }

    /**
     * The fundings covering a period, as the condition on {@code f} (funding) and {@code p} (program):
     * the funding's and the program's months include it, and the worker was not ENDED before it.
     */
    private static final String COVERS = """
            f.first_period <= ${p}::date AND (f.last_period IS NULL OR f.last_period >= ${p}::date)
              AND p.first_period <= ${p}::date AND (p.last_period IS NULL OR p.last_period >= ${p}::date)
              AND NOT EXISTS (SELECT 1 FROM sponsorship.ended_worker e
                              WHERE e.tenant_id = f.tenant_id AND e.worker_id = f.worker_id AND e.last_billable_period < ${p}::date)
            """;

    /** One premium: the income, sector and APBD setting it depends on, and the amount for the period. */
    public record Price(long declaredIncome, boolean transportSector, boolean countsAsApbd, long amount) {
    }

    /**
     * The premiums the period's fundings need, one per distinct (declared income, transport sector, counts as
     * APBD): the rule is applied by {@code sponsorship.monthly_premium}, once per combination (a handful)
     * instead of once per worker (a million calls of a function PostgreSQL cannot inline).
     */
    public List<Price> prices(TenantId tenant, YearMonth period) {
        NamedSql sql = NamedSql.of("""
                SELECT c.declared_income, c.transport_sector, c.counts_as_apbd,
                       sponsorship.monthly_premium(c.declared_income, c.transport_sector, c.counts_as_apbd, ${p}::date)
                FROM (SELECT DISTINCT f.declared_income, f.transport_sector, p.counts_as_apbd
                      FROM sponsorship.funding f
                      JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id
                      WHERE f.tenant_id = ${t}::uuid AND """ + " " + COVERS + ") c",
                Map.of("t", tenant.value(), "p", period.atDay(1)));
        return db.fetch(sql.sql(), sql.binds()).map(r -> new Price(r.get(0, Long.class), r.get(1, Boolean.class), r.get(2, Boolean.class),
                r.get(3, Long.class)));
    }

    /** The prices as a relation {@code pr(income, transport, apbd, amount)} to join with, one bind per column. */
    private static final String PRICES = """
            unnest(${pi}::bigint[], ${pt}::boolean[], ${pa}::boolean[], ${pm}::bigint[]) AS pr(income, transport, apbd, amount)
              ON pr.income = f.declared_income AND pr.transport = f.transport_sector AND pr.apbd = p.counts_as_apbd""";

    private static Map<String, Object> values(TenantId tenant, YearMonth period, UUID[] lockedPrograms, UUID[] lockedOpds, List<Price> prices) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("t", tenant.value());
        values.put("p", period.atDay(1));
        values.put("lp", lockedPrograms);
        values.put("lo", lockedOpds);
        values.put("pi", prices.stream().map(Price::declaredIncome).toArray(Long[]::new));
        values.put("pt", prices.stream().map(Price::transportSector).toArray(Boolean[]::new));
        values.put("pa", prices.stream().map(Price::countsAsApbd).toArray(Boolean[]::new));
        values.put("pm", prices.stream().map(Price::amount).toArray(Long[]::new));
        return values;
    }

    /**
     * Removes the unlocked dues of the period that the fundings no longer produce as they are (funding
     * ended, moved to another sponsor or OPD, worker ended, premium changed). Answers how many.
     */
    public DueTotals removeStaleDues(TenantId tenant, YearMonth period, UUID[] lockedPrograms, UUID[] lockedOpds, List<Price> prices) {
        return totals("""
                WITH removed AS (
                DELETE FROM sponsorship.premium_due d
                WHERE d.tenant_id = ${t}::uuid AND d.period = ${p}::date
                  AND d.program_id <> ALL (${lp}::uuid[]) AND (d.opd_id IS NULL OR d.opd_id <> ALL (${lo}::uuid[]))
                  AND NOT EXISTS (
                      SELECT 1 FROM sponsorship.funding f
                      JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id
                      JOIN """ + " " + PRICES + """

                      WHERE f.tenant_id = d.tenant_id AND f.funding_id = d.funding_id
                        AND f.program_id = d.program_id AND f.worker_id = d.worker_id
                        AND f.sponsor_link_id IS NOT DISTINCT FROM d.sponsor_link_id AND f.opd_id IS NOT DISTINCT FROM d.opd_id
                        AND pr.amount = d.amount
                        AND """ + " " + COVERS + """
                      )
                RETURNING d.amount)
                SELECT count(*), coalesce(sum(amount), 0) FROM removed""",
                values(tenant, period, lockedPrograms, lockedOpds, prices));
    }

    /**
     * The heart of the cycle: one set-based statement that writes the premium due of every worker whose
     * funding covers the period, outside locked programs and OPDs. A due already there stays (ON CONFLICT DO
     * NOTHING, which Citus also needs for INSERT … SELECT). Answers how many were added.
     */
    public DueTotals addDues(TenantId tenant, YearMonth period, UUID runId, UUID[] lockedPrograms, UUID[] lockedOpds, List<Price> prices) {
        Map<String, Object> values = values(tenant, period, lockedPrograms, lockedOpds, prices);
        values.put("run", runId);
        return totals("""
                WITH added AS (
                INSERT INTO sponsorship.premium_due (tenant_id, period, program_id, worker_id, funding_id, sponsor_link_id, opd_id, amount, run_id)
                SELECT f.tenant_id, ${p}::date, f.program_id, f.worker_id, f.funding_id, f.sponsor_link_id, f.opd_id, pr.amount, ${run}::uuid
                FROM sponsorship.funding f
                JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id
                JOIN """ + " " + PRICES + """

                WHERE f.tenant_id = ${t}::uuid
                  AND f.program_id <> ALL (${lp}::uuid[]) AND (f.opd_id IS NULL OR f.opd_id <> ALL (${lo}::uuid[]))
                  AND """ + " " + COVERS + """
                ON CONFLICT DO NOTHING
                RETURNING amount)
                SELECT count(*), coalesce(sum(amount), 0) FROM added""", values);
    }

    /** Runs a statement answering (count, sum) and reads them. */
    private DueTotals totals(String template, Map<String, ?> values) {
        NamedSql sql = NamedSql.of(template, values);
        Record r = db.fetchOne(sql.sql(), sql.binds());
        return new DueTotals(r.get(0, Integer.class), r.get(1, Long.class));
    }

    private int execute(String template, Map<String, ?> values) {
        NamedSql sql = NamedSql.of(template, values);
        return db.execute(sql.sql(), sql.binds());
    }

    // --- deduction lists -----------------------------------------------------------------------------------

    /** The pemda's ASN/TPP program (at most one, V2), whose dues are deducted from TPP through the OPD lists. */
    public Optional<UUID> asnProgram(TenantId tenant) {
        return db.fetch("SELECT program_id FROM sponsorship.funding_program WHERE tenant_id = ? AND kind = 'ASN_TPP'", tenant.value())
                .stream().findFirst().map(r -> r.get(0, UUID.class));
    }

    /**
     * Rewrites the period's DRAFT deduction lists from the ASN program's dues: one list per OPD (revision + 1
     * when it existed), one line per sponsor with his NIP (his account link) and name (the roster), the number
     * of workers and the amount. Approved lists are left alone (and protected by triggers); a draft list
     * whose OPD has no dues any more is removed. Answers the number of lists of the period.
     */
    public int buildDeductionLists(TenantId tenant, YearMonth period, UUID asnProgram, UUID runId, UUID[] lockedOpds) {
        Map<String, Object> values = Map.of("t", tenant.value(), "p", period.atDay(1), "asn", asnProgram, "run", runId, "lo", lockedOpds);
        execute("""
                DELETE FROM sponsorship.deduction_line x
                USING sponsorship.deduction_list l
                WHERE x.tenant_id = ${t}::uuid AND l.tenant_id = ${t}::uuid AND x.list_id = l.list_id
                  AND l.period = ${p}::date AND l.status = 'DRAFT'""", values);
        // One pass over the dues: per sponsor first (tens of thousands of rows), then the OPD headers from those;
        // an approved list is not updated, so it returns no id and gets no line.
        execute("""
                WITH per_sponsor AS MATERIALIZED (
                    SELECT d.opd_id, d.sponsor_link_id, count(*) AS workers, sum(d.amount) AS amount
                    FROM sponsorship.premium_due d
                    WHERE d.tenant_id = ${t}::uuid AND d.period = ${p}::date AND d.program_id = ${asn}::uuid
                      AND d.opd_id IS NOT NULL AND d.opd_id <> ALL (${lo}::uuid[])
                    GROUP BY d.opd_id, d.sponsor_link_id),
                lists AS (
                    INSERT INTO sponsorship.deduction_list (tenant_id, list_id, period, opd_id, status, revision, sponsors, workers, amount, run_id)
                    SELECT ${t}::uuid, gen_random_uuid(), ${p}::date, s.opd_id, 'DRAFT', 1, count(*), sum(s.workers), sum(s.amount), ${run}::uuid
                    FROM per_sponsor s
                    GROUP BY s.opd_id
                    ON CONFLICT (tenant_id, period, opd_id) DO UPDATE
                        SET sponsors = excluded.sponsors, workers = excluded.workers, amount = excluded.amount,
                            revision = sponsorship.deduction_list.revision + 1, run_id = excluded.run_id, computed_at = now()
                        WHERE sponsorship.deduction_list.status = 'DRAFT'
                    RETURNING list_id, opd_id)
                INSERT INTO sponsorship.deduction_line (tenant_id, list_id, sponsor_link_id, nip, name, workers, amount)
                SELECT ${t}::uuid, l.list_id, s.sponsor_link_id, a.nip, r.name, s.workers, s.amount
                FROM per_sponsor s
                JOIN lists l ON l.opd_id = s.opd_id
                JOIN sponsorship.asn_account_link a ON a.tenant_id = ${t}::uuid AND a.link_id = s.sponsor_link_id
                LEFT JOIN sponsorship.asn_roster_entry r ON r.tenant_id = a.tenant_id AND r.nip = a.nip
                ON CONFLICT DO NOTHING""", values);
        execute("""
                DELETE FROM sponsorship.deduction_list
                WHERE tenant_id = ${t}::uuid AND period = ${p}::date AND status = 'DRAFT' AND run_id <> ${run}::uuid""", values);
        return ((Number) db.fetchValue("SELECT count(*) FROM sponsorship.deduction_list WHERE tenant_id = ? AND period = ?::date",
                tenant.value(), period.atDay(1))).intValue();
    }

    /**
     * Gives the statements of a run more memory for their sorts and hashes than a page request needs (a
     * million dues grouped by sponsor), for the rest of the transaction only. The size comes from the
     * application's configuration, checked before it is written into the statement.
     */
    public void batchMemory(String workMem) {
        if (!workMem.matches("\\d{1,6}(kB|MB|GB)")) throw new IllegalArgumentException("work_mem like 64MB expected: " + workMem);
        db.execute("SET LOCAL work_mem = '" + workMem + "'");
    }

    /** Removes the period's draft lists (the pemda has no ASN program any more, or it has no dues). */
    public void dropDraftLists(TenantId tenant, YearMonth period) {
        db.execute("DELETE FROM sponsorship.deduction_list WHERE tenant_id = ? AND period = ?::date AND status = 'DRAFT'",
                tenant.value(), period.atDay(1));
    }

    // --- lapse ------------------------------------------------------------------------------------------------

    /**
     * Workers due in each of the three months ending with {@code windowEnd} and paid (by any program) in
     * none of them, not yet noticed for this window: recorded as noticed and answered, so that each lapse
     * is announced once however often the cycle runs.
     */
    public List<UUID> newLapses(TenantId tenant, YearMonth windowEnd) {
        NamedSql sql = NamedSql.of("""
                INSERT INTO sponsorship.lapse_notice (tenant_id, worker_id, window_end)
                SELECT ${t}::uuid, u.worker_id, ${w}::date
                FROM (SELECT d.worker_id FROM sponsorship.premium_due d
                      WHERE d.tenant_id = ${t}::uuid AND d.period BETWEEN ${first}::date AND ${w}::date
                      GROUP BY d.worker_id
                      HAVING count(DISTINCT d.period) = 3) u
                WHERE NOT EXISTS (SELECT 1 FROM sponsorship.paid_month m
                                  WHERE m.tenant_id = ${t}::uuid AND m.worker_id = u.worker_id
                                    AND m.period BETWEEN ${first}::date AND ${w}::date)
                ON CONFLICT DO NOTHING
                RETURNING worker_id""",
                Map.of("t", tenant.value(), "w", windowEnd.atDay(1), "first", windowEnd.minusMonths(2).atDay(1)));
        return db.fetch(sql.sql(), sql.binds()).getValues(0, UUID.class);
    }

    public record DueTotals(int workers, long amount) {
    }

    public DueTotals dueTotals(TenantId tenant, YearMonth period) {
        Record r = db.fetchOne("SELECT count(*), coalesce(sum(amount), 0) FROM sponsorship.premium_due WHERE tenant_id = ? AND period = ?::date",
                tenant.value(), period.atDay(1));
        return new DueTotals(r.get(0, Integer.class), r.get(1, Long.class));
    }

    public int lockedDues(TenantId tenant, YearMonth period, UUID[] lockedPrograms, UUID[] lockedOpds) {
        return ((Number) db.fetchValue("""
                        SELECT count(*) FROM sponsorship.premium_due d
                        WHERE d.tenant_id = ? AND d.period = ?::date
                          AND (d.program_id = ANY (?::uuid[]) OR d.opd_id = ANY (?::uuid[]))""",
                tenant.value(), period.atDay(1), lockedPrograms, lockedOpds)).intValue();
    }

    private static LocalDate day(YearMonth period) {
        return period == null ? null : period.atDay(1);
    }

    private static RunRow toRun(Record r) {
        return new RunRow(r.get("run_id", UUID.class), YearMonth.from(r.get("period", LocalDate.class)), r.get("status", String.class),
                r.get("stage", String.class), r.get("started_by", String.class), r.get("started_by_name", String.class),
                r.get("started_at", OffsetDateTime.class), r.get("heartbeat_at", OffsetDateTime.class),
                r.get("finished_at", OffsetDateTime.class), r.get("dues_removed", Integer.class), r.get("dues_added", Integer.class),
                r.get("dues_locked", Integer.class), r.get("dues_total", Integer.class), r.get("amount_total", Long.class),
                r.get("deduction_lists", Integer.class), r.get("lapsed_workers", Integer.class), r.get("problem", String.class));
    }
}
