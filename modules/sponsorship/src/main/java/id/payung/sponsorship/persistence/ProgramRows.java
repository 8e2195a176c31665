package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import id.payung.sponsorship.FundingKind;
import id.payung.sponsorship.FundingProgram;
import id.payung.sponsorship.persistence.jooq.tables.records.FundingProgramRecord;
import org.springframework.stereotype.Repository;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.payung.sponsorship.persistence.jooq.Tables.FUNDING_PROGRAM;

@Repository
public class ProgramRows {

    private final DSLContext db;

    ProgramRows(DSLContext db) {
        this.db = db;
    }

    public record NewProgram(UUID id, FundingKind kind, String name, boolean countsAsApbd, Long budgetCeiling,
                             Integer workerQuota, String donorName, YearMonth firstPeriod, YearMonth lastPeriod,
                             String createdBy) {
    }

    public void insert(TenantId tenant, NewProgram p) {
        db.insertInto(FUNDING_PROGRAM)
                .set(FUNDING_PROGRAM.TENANT_ID, tenant.value())
                .set(FUNDING_PROGRAM.PROGRAM_ID, p.id())
                .set(FUNDING_PROGRAM.KIND, p.kind().name())
                .set(FUNDING_PROGRAM.NAME, p.name())
                .set(FUNDING_PROGRAM.COUNTS_AS_APBD, p.countsAsApbd())
                .set(FUNDING_PROGRAM.BUDGET_CEILING, p.budgetCeiling())
                .set(FUNDING_PROGRAM.WORKER_QUOTA, p.workerQuota())
                .set(FUNDING_PROGRAM.DONOR_NAME, p.donorName())
                .set(FUNDING_PROGRAM.FIRST_PERIOD, p.firstPeriod().atDay(1))
                .set(FUNDING_PROGRAM.LAST_PERIOD, p.lastPeriod() == null ? null : p.lastPeriod().atDay(1))
                .set(FUNDING_PROGRAM.CREATED_BY, p.createdBy())
                .execute();
    }

    public Optional<FundingProgram> find(TenantId tenant, UUID id) {
        return db.selectFrom(FUNDING_PROGRAM)
                .where(FUNDING_PROGRAM.TENANT_ID.eq(tenant.value()), FUNDING_PROGRAM.PROGRAM_ID.eq(id))
                .fetchOptional(ProgramRows::toProgram);
    }

    /** The program, its row locked until the transaction ends: fundings are added to one program at a time. */
    public Optional<FundingProgram> lock(TenantId tenant, UUID id) {
        return db.selectFrom(FUNDING_PROGRAM)
                .where(FUNDING_PROGRAM.TENANT_ID.eq(tenant.value()), FUNDING_PROGRAM.PROGRAM_ID.eq(id))
                .forUpdate()
                .fetchOptional(ProgramRows::toProgram);
    }

    public Optional<FundingProgram> findByName(TenantId tenant, String name) {
        return db.selectFrom(FUNDING_PROGRAM)
                .where(FUNDING_PROGRAM.TENANT_ID.eq(tenant.value()), FUNDING_PROGRAM.NAME.equalIgnoreCase(name))
                .fetchOptional(ProgramRows::toProgram);
    }

    public Optional<FundingProgram> asnProgram(TenantId tenant) {
        return db.selectFrom(FUNDING_PROGRAM)
                .where(FUNDING_PROGRAM.TENANT_ID.eq(tenant.value()), FUNDING_PROGRAM.KIND.eq(FundingKind.ASN_TPP.name()))
                .fetchOptional(ProgramRows::toProgram);
    }

    /** Active programs first, then by kind and name. */
    public List<FundingProgram> all(TenantId tenant) {
        return db.selectFrom(FUNDING_PROGRAM)
                .where(FUNDING_PROGRAM.TENANT_ID.eq(tenant.value()))
                .orderBy(FUNDING_PROGRAM.STATUS, FUNDING_PROGRAM.KIND, FUNDING_PROGRAM.NAME)
                .fetch(ProgramRows::toProgram);
    }

    public void close(TenantId tenant, UUID id, YearMonth lastPeriod) {
        db.update(FUNDING_PROGRAM)
                .set(FUNDING_PROGRAM.STATUS, FundingProgram.Status.CLOSED.name())
                .set(FUNDING_PROGRAM.LAST_PERIOD, lastPeriod.atDay(1))
                .where(FUNDING_PROGRAM.TENANT_ID.eq(tenant.value()), FUNDING_PROGRAM.PROGRAM_ID.eq(id))
                .execute();
    }

    static YearMonth month(LocalDate date) {
        return date == null ? null : YearMonth.from(date);
    }

    private static FundingProgram toProgram(FundingProgramRecord r) {
        return new FundingProgram(new TenantId(r.getTenantId()), r.getProgramId(), FundingKind.valueOf(r.getKind()), r.getName(),
                r.getCountsAsApbd(), r.getBudgetCeiling(), r.getWorkerQuota(), r.getDonorName(), month(r.getFirstPeriod()),
                month(r.getLastPeriod()), FundingProgram.Status.valueOf(r.getStatus()), r.getCreatedBy(), r.getCreatedAt());
    }
}
