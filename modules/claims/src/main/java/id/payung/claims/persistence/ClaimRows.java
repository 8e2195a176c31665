package id.payung.claims.persistence;

import id.payung.claims.BeneficiaryRelationship;
import id.payung.claims.Claim;
import id.payung.claims.Claim.Assessment;
import id.payung.claims.Claim.Eligibility;
import id.payung.claims.ClaimDetails.Beneficiary;
import id.payung.claims.ClaimDetails.BenefitLine;
import id.payung.claims.ClaimDetails.Child;
import id.payung.claims.ClaimDetails.Payout;
import id.payung.claims.ClaimDetails.ScholarshipYear;
import id.payung.claims.ClaimKind;
import id.payung.claims.ClaimQuery;
import id.payung.claims.ClaimStatus;
import id.payung.claims.ClaimSummary;
import id.payung.claims.ClaimsOverview;
import id.payung.claims.Disability;
import id.payung.claims.DocumentType;
import id.payung.claims.SchoolLevel;
import id.payung.claims.persistence.jooq.tables.records.ClaimRecord;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static id.payung.claims.persistence.jooq.Tables.BENEFIT_LINE;
import static id.payung.claims.persistence.jooq.Tables.CLAIM;
import static id.payung.claims.persistence.jooq.Tables.CLAIM_BENEFICIARY;
import static id.payung.claims.persistence.jooq.Tables.CLAIM_CHILD;
import static id.payung.claims.persistence.jooq.Tables.PAYOUT;
import static id.payung.claims.persistence.jooq.Tables.SCHOLARSHIP_YEAR;

/** Claims, who is paid, the children, the calculation lines, scholarship years and payouts. */
@Repository
public class ClaimRows {

    /** The calculated total, or the approved amount once decided. */
    private static final Field<Long> AMOUNT = DSL.field("""
            coalesce(claims.claim.approved_amount,
                     (SELECT sum(l.amount) FROM claims.benefit_line l
                      WHERE l.tenant_id = claims.claim.tenant_id AND l.claim_id = claims.claim.claim_id), 0)::bigint""", Long.class);

    private final DSLContext db;

    ClaimRows(DSLContext db) {
        this.db = db;
    }

    public void insert(Claim c) {
        Eligibility e = c.eligibility();
        db.insertInto(CLAIM)
                .set(CLAIM.TENANT_ID, c.tenantId().value()).set(CLAIM.CLAIM_ID, c.id()).set(CLAIM.WORKER_ID, c.workerId())
                .set(CLAIM.KIND, c.kind().name()).set(CLAIM.STATUS, c.status().name())
                .set(CLAIM.INCIDENT_DATE, c.incidentDate()).set(CLAIM.INCIDENT_TIME, c.incidentTime().orElse(null))
                .set(CLAIM.INCIDENT_PLACE, c.incidentPlace()).set(CLAIM.DESCRIPTION, c.description())
                .set(CLAIM.TRAFFIC_ACCIDENT, c.trafficAccident()).set(CLAIM.LATE_REPORT, c.lateReport())
                .set(CLAIM.DECLARED_INCOME, c.declaredIncome()).set(CLAIM.MEMBERSHIP_SINCE, e.membershipSince().atDay(1))
                .set(CLAIM.PAID_MONTHS, e.paidMonths()).set(CLAIM.INCIDENT_MONTH_PAID, e.incidentMonthPaid())
                .set(CLAIM.WAITING_PERIOD, e.waitingPeriod()).set(CLAIM.SCHOLARSHIP_ELIGIBLE, e.scholarshipEligible())
                .set(CLAIM.REPORTED_BY, c.reportedBy()).set(CLAIM.REPORTER_NAME, c.reporterName())
                .set(CLAIM.REPORTED_AT, c.reportedAt())
                .execute();
    }

    public void insertBeneficiaries(TenantId tenant, UUID claimId, List<Beneficiary> beneficiaries) {
        var insert = db.insertInto(CLAIM_BENEFICIARY, CLAIM_BENEFICIARY.TENANT_ID, CLAIM_BENEFICIARY.CLAIM_ID,
                CLAIM_BENEFICIARY.POSITION, CLAIM_BENEFICIARY.NAME, CLAIM_BENEFICIARY.RELATIONSHIP, CLAIM_BENEFICIARY.NIK,
                CLAIM_BENEFICIARY.BANK_NAME, CLAIM_BENEFICIARY.ACCOUNT_NUMBER);
        for (Beneficiary b : beneficiaries) {
            insert = insert.values(tenant.value(), claimId, b.position(), b.name(), b.relationship().name(), b.nik(),
                    b.bankName(), b.accountNumber());
        }
        if (!beneficiaries.isEmpty()) insert.execute();
    }

    public void insertChildren(TenantId tenant, UUID claimId, List<Child> children) {
        for (Child c : children) {
            db.insertInto(CLAIM_CHILD).set(CLAIM_CHILD.TENANT_ID, tenant.value()).set(CLAIM_CHILD.CLAIM_ID, claimId)
                    .set(CLAIM_CHILD.POSITION, c.position()).set(CLAIM_CHILD.NAME, c.name()).set(CLAIM_CHILD.NIK, c.nik())
                    .set(CLAIM_CHILD.BIRTH_DATE, c.birthDate()).set(CLAIM_CHILD.SCHOOL_LEVEL, c.schoolLevel().map(Enum::name).orElse(null))
                    .execute();
        }
    }

    /** Replaces the calculation of an undecided claim. */
    public void replaceLines(TenantId tenant, UUID claimId, List<BenefitLine> lines) {
        db.deleteFrom(BENEFIT_LINE).where(BENEFIT_LINE.TENANT_ID.eq(tenant.value()), BENEFIT_LINE.CLAIM_ID.eq(claimId)).execute();
        for (BenefitLine l : lines) {
            db.insertInto(BENEFIT_LINE).set(BENEFIT_LINE.TENANT_ID, tenant.value()).set(BENEFIT_LINE.CLAIM_ID, claimId)
                    .set(BENEFIT_LINE.LINE_NO, l.lineNo()).set(BENEFIT_LINE.RULE_CODE, l.ruleCode())
                    .set(BENEFIT_LINE.RULE_VALID_FROM, l.ruleValidFrom().orElse(null))
                    .set(BENEFIT_LINE.BASIS_ARGS, l.basisArgs().toArray(String[]::new)).set(BENEFIT_LINE.AMOUNT, l.amount())
                    .execute();
        }
    }

    public Optional<Claim> find(TenantId tenant, UUID claimId) {
        return db.selectFrom(CLAIM).where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId))
                .fetchOptional(ClaimRows::claim);
    }

    /** The claim, locked until the transaction ends: decisions and payments of one claim run one at a time. */
    public Optional<Claim> lock(TenantId tenant, UUID claimId) {
        return db.selectFrom(CLAIM).where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId))
                .forUpdate().fetchOptional(ClaimRows::claim);
    }

    /** Whether the worker has a death claim that was not rejected (a worker dies once). */
    public boolean hasDeathClaim(TenantId tenant, UUID workerId) {
        return db.fetchExists(CLAIM, CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.WORKER_ID.eq(workerId),
                CLAIM.KIND.in(ClaimKind.JKM_DEATH.name(), ClaimKind.JKK_DEATH.name()), CLAIM.STATUS.ne(ClaimStatus.REJECTED.name()));
    }

    public List<Beneficiary> beneficiaries(TenantId tenant, UUID claimId) {
        return db.selectFrom(CLAIM_BENEFICIARY)
                .where(CLAIM_BENEFICIARY.TENANT_ID.eq(tenant.value()), CLAIM_BENEFICIARY.CLAIM_ID.eq(claimId))
                .orderBy(CLAIM_BENEFICIARY.POSITION)
                .fetch(r -> new Beneficiary(r.getPosition(), r.getName(), BeneficiaryRelationship.valueOf(r.getRelationship()),
                        r.getNik(), r.getBankName(), r.getAccountNumber()));
    }

    public List<Child> children(TenantId tenant, UUID claimId) {
        return db.selectFrom(CLAIM_CHILD).where(CLAIM_CHILD.TENANT_ID.eq(tenant.value()), CLAIM_CHILD.CLAIM_ID.eq(claimId))
                .orderBy(CLAIM_CHILD.POSITION)
                .fetch(r -> new Child(r.getPosition(), r.getName(), r.getNik(), r.getBirthDate(),
                        Optional.ofNullable(r.getSchoolLevel()).map(SchoolLevel::valueOf)));
    }

    public List<BenefitLine> lines(TenantId tenant, UUID claimId) {
        return db.selectFrom(BENEFIT_LINE).where(BENEFIT_LINE.TENANT_ID.eq(tenant.value()), BENEFIT_LINE.CLAIM_ID.eq(claimId))
                .orderBy(BENEFIT_LINE.LINE_NO)
                .fetch(r -> new BenefitLine(r.getLineNo(), r.getRuleCode(), Optional.ofNullable(r.getRuleValidFrom()),
                        List.of(r.getBasisArgs()), r.getAmount()));
    }

    // ---- status changes (on a locked claim) ----

    public void requestDocuments(TenantId tenant, UUID claimId, Collection<DocumentType> types, String note) {
        db.update(CLAIM).set(CLAIM.STATUS, ClaimStatus.DOCUMENTS_REQUESTED.name())
                .set(CLAIM.REQUESTED_DOCUMENTS, types.stream().map(Enum::name).toArray(String[]::new))
                .set(CLAIM.REQUEST_NOTE, note)
                .where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId)).execute();
    }

    public void complete(TenantId tenant, UUID claimId, LocalDate completeOn, LocalDate dueOn) {
        db.update(CLAIM).set(CLAIM.STATUS, ClaimStatus.COMPLETE.name()).set(CLAIM.COMPLETE_ON, completeOn).set(CLAIM.DUE_ON, dueOn)
                .setNull(CLAIM.REQUESTED_DOCUMENTS)
                .where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId)).execute();
    }

    public void assess(TenantId tenant, UUID claimId, Assessment a, String actor) {
        db.update(CLAIM).set(CLAIM.MEDICAL_COSTS, a.medicalCosts()).set(CLAIM.INCAPACITY_MONTHS, a.incapacityMonths())
                .set(CLAIM.DISABILITY, a.disability().name()).set(CLAIM.DISABILITY_PERCENT, a.disabilityPercent().orElse(null))
                .set(CLAIM.ASSESSED_BY, actor).set(CLAIM.ASSESSED_AT, OffsetDateTime.now())
                .where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId)).execute();
    }

    public void decide(TenantId tenant, UUID claimId, ClaimStatus status, String actor, String reason, Long approvedAmount) {
        db.update(CLAIM).set(CLAIM.STATUS, status.name()).set(CLAIM.DECIDED_BY, actor).set(CLAIM.DECIDED_AT, OffsetDateTime.now())
                .set(CLAIM.DECISION_REASON, reason).set(CLAIM.APPROVED_AMOUNT, approvedAmount)
                .where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId)).execute();
    }

    public void markPaid(TenantId tenant, UUID claimId, LocalDate paidOn, int workingDaysToPay) {
        db.update(CLAIM).set(CLAIM.STATUS, ClaimStatus.PAID.name()).set(CLAIM.PAID_ON, paidOn)
                .set(CLAIM.WORKING_DAYS_TO_PAY, workingDaysToPay)
                .where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.CLAIM_ID.eq(claimId)).execute();
        db.update(SCHOLARSHIP_YEAR).set(SCHOLARSHIP_YEAR.STATUS, ScholarshipYear.Status.PAID.name())
                .where(SCHOLARSHIP_YEAR.TENANT_ID.eq(tenant.value()), SCHOLARSHIP_YEAR.CLAIM_ID.eq(claimId),
                        SCHOLARSHIP_YEAR.PAID_WITH_CLAIM.isTrue())
                .execute();
    }

    // ---- scholarship years and payouts ----

    public void insertScholarshipYear(TenantId tenant, UUID claimId, ScholarshipYear year, String actor) {
        db.insertInto(SCHOLARSHIP_YEAR).set(SCHOLARSHIP_YEAR.TENANT_ID, tenant.value())
                .set(SCHOLARSHIP_YEAR.SCHOLARSHIP_ID, year.id()).set(SCHOLARSHIP_YEAR.CLAIM_ID, claimId)
                .set(SCHOLARSHIP_YEAR.CHILD_POSITION, year.childPosition()).set(SCHOLARSHIP_YEAR.SCHOOL_YEAR, year.schoolYear())
                .set(SCHOLARSHIP_YEAR.SCHOOL_LEVEL, year.level().name()).set(SCHOLARSHIP_YEAR.AMOUNT, year.amount())
                .set(SCHOLARSHIP_YEAR.PAID_WITH_CLAIM, year.paidWithClaim()).set(SCHOLARSHIP_YEAR.STATUS, year.status().name())
                .set(SCHOLARSHIP_YEAR.REQUESTED_BY, actor)
                .execute();
    }

    /** The claim's granted first years are recalculated with it while it is undecided. */
    public void deleteGrantedScholarshipYears(TenantId tenant, UUID claimId) {
        db.deleteFrom(SCHOLARSHIP_YEAR).where(SCHOLARSHIP_YEAR.TENANT_ID.eq(tenant.value()), SCHOLARSHIP_YEAR.CLAIM_ID.eq(claimId),
                SCHOLARSHIP_YEAR.STATUS.eq(ScholarshipYear.Status.GRANTED.name())).execute();
    }

    public List<ScholarshipYear> scholarshipYears(TenantId tenant, UUID claimId) {
        return db.selectFrom(SCHOLARSHIP_YEAR)
                .where(SCHOLARSHIP_YEAR.TENANT_ID.eq(tenant.value()), SCHOLARSHIP_YEAR.CLAIM_ID.eq(claimId))
                .orderBy(SCHOLARSHIP_YEAR.CHILD_POSITION, SCHOLARSHIP_YEAR.SCHOOL_YEAR)
                .fetch(r -> new ScholarshipYear(r.getScholarshipId(), r.getChildPosition(), r.getSchoolYear(),
                        SchoolLevel.valueOf(r.getSchoolLevel()), r.getAmount(), r.getPaidWithClaim(),
                        ScholarshipYear.Status.valueOf(r.getStatus())));
    }

    /** The scholarship year, locked until the transaction ends. */
    public Optional<ScholarshipYear> lockScholarshipYear(TenantId tenant, UUID claimId, UUID scholarshipId) {
        return db.selectFrom(SCHOLARSHIP_YEAR)
                .where(SCHOLARSHIP_YEAR.TENANT_ID.eq(tenant.value()), SCHOLARSHIP_YEAR.CLAIM_ID.eq(claimId),
                        SCHOLARSHIP_YEAR.SCHOLARSHIP_ID.eq(scholarshipId))
                .forUpdate()
                .fetchOptional(r -> new ScholarshipYear(r.getScholarshipId(), r.getChildPosition(), r.getSchoolYear(),
                        SchoolLevel.valueOf(r.getSchoolLevel()), r.getAmount(), r.getPaidWithClaim(),
                        ScholarshipYear.Status.valueOf(r.getStatus())));
    }

    public void markScholarshipYearPaid(TenantId tenant, UUID scholarshipId) {
        db.update(SCHOLARSHIP_YEAR).set(SCHOLARSHIP_YEAR.STATUS, ScholarshipYear.Status.PAID.name())
                .where(SCHOLARSHIP_YEAR.TENANT_ID.eq(tenant.value()), SCHOLARSHIP_YEAR.SCHOLARSHIP_ID.eq(scholarshipId)).execute();
    }

    public void insertPayout(TenantId tenant, UUID claimId, Payout payout) {
        db.insertInto(PAYOUT).set(PAYOUT.TENANT_ID, tenant.value()).set(PAYOUT.PAYOUT_ID, payout.id())
                .set(PAYOUT.CLAIM_ID, claimId).set(PAYOUT.SCHOLARSHIP_ID, payout.scholarshipId().orElse(null))
                .set(PAYOUT.REFERENCE, payout.reference()).set(PAYOUT.AMOUNT, payout.amount())
                .set(PAYOUT.PAID_ON, payout.paidOn()).set(PAYOUT.RECORDED_BY, payout.recordedBy())
                .execute();
    }

    public List<Payout> payouts(TenantId tenant, UUID claimId) {
        return db.selectFrom(PAYOUT).where(PAYOUT.TENANT_ID.eq(tenant.value()), PAYOUT.CLAIM_ID.eq(claimId))
                .orderBy(PAYOUT.RECORDED_AT)
                .fetch(r -> new Payout(r.getPayoutId(), Optional.ofNullable(r.getScholarshipId()), r.getReference(),
                        r.getAmount(), r.getPaidOn(), r.getRecordedBy(), r.getRecordedAt()));
    }

    // ---- lists and figures (no personal data) ----

    public Page<ClaimSummary> page(TenantId tenant, ClaimQuery query, Optional<String> onlyReporter, LocalDate today,
                                   PageRequest page) {
        Condition where = CLAIM.TENANT_ID.eq(tenant.value());
        if (query.status().isPresent()) where = where.and(CLAIM.STATUS.eq(query.status().get().name()));
        if (query.kind().isPresent()) where = where.and(CLAIM.KIND.eq(query.kind().get().name()));
        if (query.overdueOnly()) where = where.and(overdue(today));
        if (onlyReporter.isPresent()) where = where.and(CLAIM.REPORTED_BY.eq(onlyReporter.get()));
        int total = db.fetchCount(CLAIM, where);
        List<ClaimSummary> items = db.select(CLAIM.fields()).select(AMOUNT).from(CLAIM).where(where)
                .orderBy(CLAIM.REPORTED_AT.desc(), CLAIM.CLAIM_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> summary(r, today));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Claims waiting for BPJS (undecided, approved and unpaid, or paid with a later scholarship year
     * requested): overdue first, then by deadline, then the oldest reports.
     */
    public List<ClaimSummary> open(TenantId tenant, LocalDate today, int limit) {
        Condition scholarshipRequested = DSL.exists(DSL.selectOne().from(SCHOLARSHIP_YEAR)
                .where(SCHOLARSHIP_YEAR.TENANT_ID.eq(CLAIM.TENANT_ID), SCHOLARSHIP_YEAR.CLAIM_ID.eq(CLAIM.CLAIM_ID),
                        SCHOLARSHIP_YEAR.STATUS.eq(ScholarshipYear.Status.REQUESTED.name())));
        return db.select(CLAIM.fields()).select(AMOUNT).from(CLAIM)
                .where(CLAIM.TENANT_ID.eq(tenant.value()), CLAIM.STATUS.in(names(ClaimStatus.OPEN)).or(scholarshipRequested))
                .orderBy(DSL.when(overdue(today), 0).otherwise(1), CLAIM.DUE_ON.asc().nullsLast(), CLAIM.REPORTED_AT)
                .limit(limit)
                .fetch(r -> summary(r, today));
    }

    /** The pemda's claims in id order after {@code afterClaimId} (null: from the start), at most {@code limit}. */
    public List<ClaimSummary> after(TenantId tenant, UUID afterClaimId, int limit, LocalDate today) {
        Condition where = CLAIM.TENANT_ID.eq(tenant.value());
        if (afterClaimId != null) where = where.and(CLAIM.CLAIM_ID.gt(afterClaimId));
        return db.select(CLAIM.fields()).select(AMOUNT).from(CLAIM).where(where).orderBy(CLAIM.CLAIM_ID).limit(limit)
                .fetch(r -> summary(r, today));
    }

    public ClaimsOverview overview(TenantId tenant, LocalDate today) {
        Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
        Arrays.stream(ClaimStatus.values()).forEach(s -> byStatus.put(s, 0L));
        db.select(CLAIM.STATUS, DSL.count()).from(CLAIM).where(CLAIM.TENANT_ID.eq(tenant.value())).groupBy(CLAIM.STATUS)
                .forEach(r -> byStatus.put(ClaimStatus.valueOf(r.value1()), r.value2().longValue()));
        Map<ClaimKind, Long> byKind = new EnumMap<>(ClaimKind.class);
        Arrays.stream(ClaimKind.values()).forEach(k -> byKind.put(k, 0L));
        db.select(CLAIM.KIND, DSL.count()).from(CLAIM).where(CLAIM.TENANT_ID.eq(tenant.value())).groupBy(CLAIM.KIND)
                .forEach(r -> byKind.put(ClaimKind.valueOf(r.value1()), r.value2().longValue()));
        Record figures = db.fetchOne("""
                SELECT count(*) FILTER (WHERE status IN ('COMPLETE', 'APPROVED') AND due_on < ?) AS overdue,
                       coalesce(sum(approved_amount) FILTER (WHERE status IN ('APPROVED', 'PAID')), 0)::bigint AS approved,
                       count(*) FILTER (WHERE status = 'PAID') AS paid_claims,
                       round(avg(working_days_to_pay), 1) AS average_days,
                       max(working_days_to_pay) AS longest_days,
                       count(*) FILTER (WHERE status = 'PAID' AND paid_on <= due_on) AS within_deadline
                FROM claims.claim WHERE tenant_id = ?""", today, tenant.value());
        long paidAmount = db.select(DSL.coalesce(DSL.sum(PAYOUT.AMOUNT), BigDecimal.ZERO)).from(PAYOUT)
                .where(PAYOUT.TENANT_ID.eq(tenant.value())).fetchOne(0, BigDecimal.class).longValueExact();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long open = ClaimStatus.OPEN.stream().mapToLong(byStatus::get).sum();
        return new ClaimsOverview(tenant, byStatus, byKind, total, open, figures.get("overdue", Long.class),
                figures.get("approved", Long.class), paidAmount, figures.get("paid_claims", Long.class),
                Optional.ofNullable(figures.get("average_days", BigDecimal.class)),
                Optional.ofNullable(figures.get("longest_days", Integer.class)),
                figures.get("within_deadline", Long.class));
    }

    private static Condition overdue(LocalDate today) {
        return CLAIM.STATUS.in(names(ClaimStatus.UNDER_DEADLINE)).and(CLAIM.DUE_ON.lt(today));
    }

    private static List<String> names(Collection<ClaimStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static ClaimSummary summary(Record r, LocalDate today) {
        Claim c = claim(r.into(CLAIM));
        return new ClaimSummary(c.tenantId(), c.id(), c.workerId(), c.kind(), c.status(), c.incidentDate(), c.reportedAt(),
                c.lateReport(), c.eligibility().eligible(), c.completeOn(), c.dueOn(), c.overdue(today), r.get(AMOUNT),
                c.paidOn(), c.workingDaysToPay());
    }

    private static Claim claim(ClaimRecord r) {
        Optional<Assessment> assessment = Optional.ofNullable(r.getDisability()).map(d -> new Assessment(
                r.getMedicalCosts(), r.getIncapacityMonths(), Disability.valueOf(d), Optional.ofNullable(r.getDisabilityPercent())));
        List<DocumentType> requested = r.getRequestedDocuments() == null ? List.of()
                : Arrays.stream(r.getRequestedDocuments()).map(DocumentType::valueOf).toList();
        return new Claim(new TenantId(r.getTenantId()), r.getClaimId(), r.getWorkerId(), ClaimKind.valueOf(r.getKind()),
                ClaimStatus.valueOf(r.getStatus()), r.getIncidentDate(), Optional.ofNullable(r.getIncidentTime()),
                r.getIncidentPlace(), r.getDescription(), r.getTrafficAccident(), r.getLateReport(), r.getDeclaredIncome(),
                new Eligibility(YearMonth.from(r.getMembershipSince()), r.getPaidMonths(), r.getIncidentMonthPaid(),
                        r.getWaitingPeriod(), r.getScholarshipEligible()),
                r.getReportedBy(), r.getReporterName(), r.getReportedAt(), requested, Optional.ofNullable(r.getRequestNote()),
                Optional.ofNullable(r.getCompleteOn()), Optional.ofNullable(r.getDueOn()), assessment,
                Optional.ofNullable(r.getDecidedBy()), Optional.ofNullable(r.getDecidedAt()),
                Optional.ofNullable(r.getDecisionReason()), Optional.ofNullable(r.getApprovedAmount()),
                Optional.ofNullable(r.getPaidOn()), Optional.ofNullable(r.getWorkingDaysToPay()));
    }
}
