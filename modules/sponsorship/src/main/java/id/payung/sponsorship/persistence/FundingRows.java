package id.payung.sponsorship.persistence;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.sponsorship.Funding;
import id.payung.sponsorship.SponsoredRelationship;
import id.payung.sponsorship.persistence.jooq.tables.records.FundingRecord;
import id.payung.tenancy.OpdId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static id.payung.sponsorship.persistence.jooq.Tables.FUNDING;

/**
 * Fundings: one by one for ASN sponsorships (under a lock of the worker's rows) and set-based for
 * program cohorts, with the premium arithmetic of sponsorship.monthly_premium done in the database.
 */
@Repository
public class FundingRows {

    private final DSLContext db;

    FundingRows(DSLContext db) {
        this.db = db;
    }

    public record NewFunding(UUID id, UUID programId, UUID workerId, YearMonth firstPeriod, YearMonth lastPeriod,
                             UUID sponsorLinkId, OpdId opdId, SponsoredRelationship relationship, UUID consentId,
                             long declaredIncome, boolean transportSector, String createdBy) {
    }

    /** One worker of a cohort: his facts when the funding starts. */
    public record CohortWorker(UUID workerId, long declaredIncome, boolean transportSector) {
    }

    public record Started(UUID fundingId, UUID workerId) {
    }

    public record Ended(UUID fundingId, UUID workerId, YearMonth lastPeriod) {
    }

    /** A month of a premium as the rate tables give it; {@code null} amounts when no rate is valid then. */
    public record PremiumRow(YearMonth month, Long base, Long premium) {
    }

    /** A month of a sponsor's funding with its premium. */
    public record ScheduledPremium(UUID fundingId, YearMonth month, Long base, Long premium) {
    }

    public record ProgramCost(long amount, YearMonth firstMonthWithoutRate) {
    }

    public void insert(TenantId tenant, NewFunding f) {
        db.insertInto(FUNDING)
                .set(FUNDING.TENANT_ID, tenant.value())
                .set(FUNDING.FUNDING_ID, f.id())
                .set(FUNDING.PROGRAM_ID, f.programId())
                .set(FUNDING.WORKER_ID, f.workerId())
                .set(FUNDING.FIRST_PERIOD, f.firstPeriod().atDay(1))
                .set(FUNDING.LAST_PERIOD, day(f.lastPeriod()))
                .set(FUNDING.SPONSOR_LINK_ID, f.sponsorLinkId())
                .set(FUNDING.OPD_ID, f.opdId() == null ? null : f.opdId().value())
                .set(FUNDING.RELATIONSHIP, f.relationship() == null ? null : f.relationship().name())
                .set(FUNDING.CONSENT_ID, f.consentId())
                .set(FUNDING.DECLARED_INCOME, f.declaredIncome())
                .set(FUNDING.TRANSPORT_SECTOR, f.transportSector())
                .set(FUNDING.CREATED_BY, f.createdBy())
                .execute();
    }

    /**
     * Adds a cohort to a program in one statement, each worker with a new funding id, the same months for
     * all. Answers the fundings made.
     */
    public List<Started> insertCohort(TenantId tenant, UUID programId, YearMonth first, YearMonth last,
                                      List<CohortWorker> workers, String createdBy) {
        if (workers.isEmpty()) return List.of();
        UUID[] fundingIds = workers.stream().map(w -> UUID.randomUUID()).toArray(UUID[]::new);
        UUID[] workerIds = workers.stream().map(CohortWorker::workerId).toArray(UUID[]::new);
        Long[] incomes = workers.stream().map(CohortWorker::declaredIncome).toArray(Long[]::new);
        Boolean[] transport = workers.stream().map(CohortWorker::transportSector).toArray(Boolean[]::new);
        return db.fetch("""
                        INSERT INTO sponsorship.funding (tenant_id, funding_id, program_id, worker_id, first_period, last_period,
                                                         declared_income, transport_sector, created_by)
                        SELECT ?, u.funding_id, ?, u.worker_id, ?::date, ?::date, u.income, u.transport, ?
                        FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::boolean[]) AS u(funding_id, worker_id, income, transport)
                        ON CONFLICT DO NOTHING
                        RETURNING funding_id, worker_id""",
                        tenant.value(), programId, first.atDay(1), day(last), createdBy, fundingIds, workerIds, incomes, transport)
                .map(r -> new Started(r.get(0, UUID.class), r.get(1, UUID.class)));
    }

    /** The worker's fundings by the program, locked until the transaction ends. */
    public List<Funding> lockOfWorker(TenantId tenant, UUID programId, UUID workerId) {
        return db.selectFrom(FUNDING)
                .where(FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.PROGRAM_ID.eq(programId), FUNDING.WORKER_ID.eq(workerId))
                .orderBy(FUNDING.FIRST_PERIOD)
                .forUpdate()
                .fetch(FundingRows::toFunding);
    }

    /** The worker's fundings by the program, unlocked (for a read-only check). */
    public List<Funding> ofWorker(TenantId tenant, UUID programId, UUID workerId) {
        return db.selectFrom(FUNDING)
                .where(FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.PROGRAM_ID.eq(programId), FUNDING.WORKER_ID.eq(workerId))
                .orderBy(FUNDING.FIRST_PERIOD)
                .fetch(FundingRows::toFunding);
    }

    /** Which of these workers already have a (not cancelled) funding of the program in the months first..last (null: open). */
    public Set<UUID> overlapping(TenantId tenant, UUID programId, Collection<UUID> workerIds, YearMonth first, YearMonth last) {
        if (workerIds.isEmpty()) return Set.of();
        return new HashSet<>(db.fetch("""
                        SELECT DISTINCT f.worker_id
                        FROM sponsorship.funding f
                        WHERE f.tenant_id = ? AND f.program_id = ? AND f.worker_id = ANY (?::uuid[])
                          AND (f.last_period IS NULL OR f.last_period >= f.first_period)
                          AND (f.last_period IS NULL OR f.last_period >= ?::date)
                          AND (?::date IS NULL OR f.first_period <= ?::date)""",
                tenant.value(), programId, workerIds.toArray(UUID[]::new), first.atDay(1), day(last), day(last))
                .getValues(0, UUID.class));
    }

    /** Distinct workers with a funding of the program that was not cancelled: what its quota counts. */
    public int fundedWorkers(TenantId tenant, UUID programId) {
        return db.fetchOne("""
                        SELECT count(DISTINCT f.worker_id)::integer
                        FROM sponsorship.funding f
                        WHERE f.tenant_id = ? AND f.program_id = ? AND (f.last_period IS NULL OR f.last_period >= f.first_period)""",
                tenant.value(), programId).get(0, Integer.class);
    }

    /** Workers funded by the program in {@code month}. */
    public int fundedIn(TenantId tenant, UUID programId, YearMonth month) {
        return db.fetchCount(FUNDING, FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.PROGRAM_ID.eq(programId),
                activeIn(month));
    }

    /**
     * What the program's fundings cost over all their months (open ones up to {@code openUntil}), from the
     * rate tables, computed per distinct income, sector and month; and the first month without a rate, if any.
     */
    public ProgramCost cost(TenantId tenant, UUID programId, boolean countsAsApbd, YearMonth openUntil) {
        var r = db.fetchOne("""
                        WITH months AS (
                            SELECT f.declared_income, f.transport_sector, m::date AS period, count(*) AS n
                            FROM sponsorship.funding f
                            CROSS JOIN LATERAL generate_series(f.first_period, coalesce(f.last_period, ?::date), interval '1 month') m
                            WHERE f.tenant_id = ? AND f.program_id = ?
                            GROUP BY 1, 2, 3),
                        priced AS (
                            SELECT n, period, sponsorship.monthly_premium(declared_income, transport_sector, ?, period) AS premium
                            FROM months)
                        SELECT coalesce(sum(n * premium), 0)::bigint, min(period) FILTER (WHERE premium IS NULL)
                        FROM priced""",
                day(openUntil), tenant.value(), programId, countsAsApbd);
        return new ProgramCost(r.get(0, Long.class), ProgramRows.month(r.get(1, LocalDate.class)));
    }

    /** The premium of a worker with these facts for each month from..to. */
    public List<PremiumRow> premiums(long declaredIncome, boolean transportSector, boolean countsAsApbd, YearMonth from, YearMonth to) {
        return db.fetch("""
                        SELECT m::date, sponsorship.premium_base(?, m::date), sponsorship.monthly_premium(?, ?, ?, m::date)
                        FROM generate_series(?::date, ?::date, interval '1 month') m
                        ORDER BY 1""",
                        declaredIncome, declaredIncome, transportSector, countsAsApbd, from.atDay(1), to.atDay(1))
                .map(r -> new PremiumRow(YearMonth.from(r.get(0, LocalDate.class)), r.get(1, Long.class), r.get(2, Long.class)));
    }

    /** Every month from..to that each of the sponsor's fundings funds, with its premium. */
    public List<ScheduledPremium> sponsorSchedule(TenantId tenant, UUID sponsorLinkId, YearMonth from, YearMonth to) {
        return db.fetch("""
                        SELECT f.funding_id, m::date, sponsorship.premium_base(f.declared_income, m::date),
                               sponsorship.monthly_premium(f.declared_income, f.transport_sector, p.counts_as_apbd, m::date)
                        FROM sponsorship.funding f
                        JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id
                        CROSS JOIN generate_series(?::date, ?::date, interval '1 month') m
                        WHERE f.tenant_id = ? AND f.sponsor_link_id = ?
                          AND f.first_period <= m AND (f.last_period IS NULL OR f.last_period >= m)
                        ORDER BY 2, 1""",
                        from.atDay(1), to.atDay(1), tenant.value(), sponsorLinkId)
                .map(r -> new ScheduledPremium(r.get(0, UUID.class), YearMonth.from(r.get(1, LocalDate.class)),
                        r.get(2, Long.class), r.get(3, Long.class)));
    }

    public Optional<Funding> find(TenantId tenant, UUID id) {
        return db.selectFrom(FUNDING).where(FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.FUNDING_ID.eq(id))
                .fetchOptional(FundingRows::toFunding);
    }

    public Optional<Funding> lock(TenantId tenant, UUID id) {
        return db.selectFrom(FUNDING).where(FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.FUNDING_ID.eq(id))
                .forUpdate()
                .fetchOptional(FundingRows::toFunding);
    }

    public List<Funding> ofSponsor(TenantId tenant, UUID sponsorLinkId) {
        return db.selectFrom(FUNDING).where(FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.SPONSOR_LINK_ID.eq(sponsorLinkId))
                .orderBy(FUNDING.CREATED_AT.desc())
                .fetch(FundingRows::toFunding);
    }

    /** A program's fundings, the latest first; only those still funding {@code from} or later when {@code from} is given. */
    public Page<Funding> page(TenantId tenant, UUID programId, YearMonth runningOnIn, PageRequest page) {
        Condition where = FUNDING.TENANT_ID.eq(tenant.value()).and(FUNDING.PROGRAM_ID.eq(programId));
        if (runningOnIn != null) {
            where = where.and(FUNDING.LAST_PERIOD.isNull().or(FUNDING.LAST_PERIOD.ge(runningOnIn.atDay(1))
                    .and(FUNDING.LAST_PERIOD.ge(FUNDING.FIRST_PERIOD))));
        }
        long total = db.fetchCount(FUNDING, where);
        List<Funding> items = db.selectFrom(FUNDING).where(where)
                .orderBy(FUNDING.CREATED_AT.desc(), FUNDING.FUNDING_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(FundingRows::toFunding);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Ends one funding after {@code lastPeriod}. */
    public void end(TenantId tenant, UUID id, YearMonth lastPeriod, String endedBy, String reason) {
        db.update(FUNDING)
                .set(FUNDING.LAST_PERIOD, lastPeriod.atDay(1))
                .set(FUNDING.ENDED_BY, endedBy)
                .set(FUNDING.ENDED_AT, DSL.currentOffsetDateTime())
                .set(FUNDING.END_REASON, reason)
                .where(FUNDING.TENANT_ID.eq(tenant.value()), FUNDING.FUNDING_ID.eq(id))
                .execute();
    }

    /**
     * Ends every funding of the program that would fund a month after {@code lastPeriod} (one not yet
     * begun by then is cancelled); answers the fundings changed with their new last month.
     */
    public List<Ended> endAllAfter(TenantId tenant, UUID programId, YearMonth lastPeriod, String endedBy, String reason) {
        return db.fetch("""
                        UPDATE sponsorship.funding f
                        SET last_period = greatest(?::date, (f.first_period - interval '1 month')::date),
                            ended_by = ?, ended_at = now(), end_reason = ?
                        WHERE f.tenant_id = ? AND f.program_id = ?
                          AND (f.last_period IS NULL OR (f.last_period > ?::date AND f.last_period >= f.first_period))
                        RETURNING f.funding_id, f.worker_id, f.last_period""",
                        lastPeriod.atDay(1), endedBy, reason, tenant.value(), programId, lastPeriod.atDay(1))
                .map(r -> new Ended(r.get(0, UUID.class), r.get(1, UUID.class), YearMonth.from(r.get(2, LocalDate.class))));
    }

    static Condition activeIn(YearMonth month) {
        LocalDate day = month.atDay(1);
        return FUNDING.FIRST_PERIOD.le(day).and(FUNDING.LAST_PERIOD.isNull().or(FUNDING.LAST_PERIOD.ge(day)));
    }

    private static LocalDate day(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    private static Funding toFunding(FundingRecord r) {
        return new Funding(new TenantId(r.getTenantId()), r.getFundingId(), r.getProgramId(), r.getWorkerId(),
                YearMonth.from(r.getFirstPeriod()), ProgramRows.month(r.getLastPeriod()), r.getSponsorLinkId(),
                r.getOpdId() == null ? null : new OpdId(r.getOpdId()),
                r.getRelationship() == null ? null : SponsoredRelationship.valueOf(r.getRelationship()),
                r.getConsentId(), r.getDeclaredIncome(), r.getTransportSector(), r.getCreatedAt(), r.getEndedAt(), r.getEndReason());
    }
}
