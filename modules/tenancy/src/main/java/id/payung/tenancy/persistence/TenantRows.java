package id.payung.tenancy.persistence;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantKind;
import id.payung.tenancy.TenantStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static id.payung.tenancy.persistence.jooq.Tables.REGION;
import static id.payung.tenancy.persistence.jooq.Tables.TENANT;

@Repository
public class TenantRows {

    private static final id.payung.tenancy.persistence.jooq.tables.Region PROVINCE = REGION.as("province");

    private final DSLContext db;

    TenantRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId id, RegionCode regionCode, TenantKind kind, String name, RegionCode provinceCode,
                       String officeCode, String officeName, BigDecimal target, Long potentialWorkers) {
        db.insertInto(TENANT)
                .set(TENANT.TENANT_ID, id.value())
                .set(TENANT.REGION_CODE, regionCode.value())
                .set(TENANT.KIND, kind.name())
                .set(TENANT.NAME, name)
                .set(TENANT.PROVINCE_CODE, provinceCode.value())
                .set(TENANT.BPJS_OFFICE_CODE, officeCode)
                .set(TENANT.BPJS_OFFICE_NAME, officeName)
                .set(TENANT.COVERAGE_TARGET_PERCENT, target)
                .set(TENANT.POTENTIAL_WORKERS, potentialWorkers)
                .set(TENANT.STATUS, TenantStatus.ACTIVE.name())
                .execute();
    }

    public Optional<Tenant> find(TenantId id) {
        return selectTenants().where(TENANT.TENANT_ID.eq(id.value())).fetchOptional(this::toTenant);
    }

    public List<Tenant> active() {
        return selectTenants().where(TENANT.STATUS.eq(TenantStatus.ACTIVE.name())).orderBy(TENANT.NAME).fetch(this::toTenant);
    }

    public Optional<String> officeOf(TenantId id) {
        return db.select(TENANT.BPJS_OFFICE_CODE).from(TENANT).where(TENANT.TENANT_ID.eq(id.value())).fetchOptional(TENANT.BPJS_OFFICE_CODE);
    }

    /** Registry rows matching the filters; an office narrows the list to the pemda that office administers. */
    public Page<Tenant> page(String text, TenantStatus status, Optional<String> office, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String query = text.strip();
            conditions.add(TENANT.NAME.containsIgnoreCase(query)
                    .or(TENANT.REGION_CODE.startsWith(query))
                    .or(TENANT.BPJS_OFFICE_CODE.containsIgnoreCase(query)));
        }
        if (status != null) conditions.add(TENANT.STATUS.eq(status.name()));
        office.ifPresent(code -> conditions.add(TENANT.BPJS_OFFICE_CODE.eq(code)));
        Condition where = DSL.and(conditions);
        long total = db.fetchCount(TENANT, where);
        List<Tenant> items = selectTenants().where(where)
                .orderBy(TENANT.REGION_CODE)
                .limit(page.size()).offset(page.offset())
                .fetch(this::toTenant);
        return new Page<>(items, page.page(), page.size(), total);
    }

    public void updateOffice(TenantId id, String officeCode, String officeName) {
        db.update(TENANT)
                .set(TENANT.BPJS_OFFICE_CODE, officeCode)
                .set(TENANT.BPJS_OFFICE_NAME, officeName)
                .set(TENANT.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TENANT.TENANT_ID.eq(id.value()))
                .execute();
    }

    public void updateTarget(TenantId id, BigDecimal target, Long potentialWorkers) {
        db.update(TENANT)
                .set(TENANT.COVERAGE_TARGET_PERCENT, target)
                .set(TENANT.POTENTIAL_WORKERS, potentialWorkers)
                .set(TENANT.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TENANT.TENANT_ID.eq(id.value()))
                .execute();
    }

    public void updateStatus(TenantId id, TenantStatus status, String suspensionReason) {
        db.update(TENANT)
                .set(TENANT.STATUS, status.name())
                .set(TENANT.SUSPENSION_REASON, suspensionReason)
                .set(TENANT.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TENANT.TENANT_ID.eq(id.value()))
                .execute();
    }

    private org.jooq.SelectOnConditionStep<Record> selectTenants() {
        return db.select(TENANT.fields()).select(PROVINCE.NAME)
                .from(TENANT)
                .join(PROVINCE).on(PROVINCE.CODE.eq(TENANT.PROVINCE_CODE));
    }

    private Tenant toTenant(Record r) {
        return new Tenant(new TenantId(r.get(TENANT.TENANT_ID)), new RegionCode(r.get(TENANT.REGION_CODE)),
                TenantKind.valueOf(r.get(TENANT.KIND)), r.get(TENANT.NAME), r.get(PROVINCE.NAME),
                r.get(TENANT.BPJS_OFFICE_CODE), r.get(TENANT.BPJS_OFFICE_NAME), r.get(TENANT.COVERAGE_TARGET_PERCENT),
                r.get(TENANT.POTENTIAL_WORKERS), TenantStatus.valueOf(r.get(TENANT.STATUS)),
                r.get(TENANT.SUSPENSION_REASON), r.get(TENANT.ONBOARDED_AT));
    }
}
