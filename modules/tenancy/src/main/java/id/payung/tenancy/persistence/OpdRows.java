package id.payung.tenancy.persistence;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.persistence.jooq.tables.records.OpdRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static id.payung.tenancy.persistence.jooq.Tables.OPD;

@Repository
public class OpdRows {

    private final DSLContext db;

    OpdRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, OpdId id, String code, String name) {
        db.insertInto(OPD)
                .set(OPD.TENANT_ID, tenant.value())
                .set(OPD.OPD_ID, id.value())
                .set(OPD.CODE, code)
                .set(OPD.NAME, name)
                .execute();
    }

    public Optional<Opd> find(TenantId tenant, OpdId id) {
        return db.selectFrom(OPD).where(OPD.TENANT_ID.eq(tenant.value()), OPD.OPD_ID.eq(id.value()))
                .fetchOptional(OpdRows::toOpd);
    }

    public List<Opd> active(TenantId tenant) {
        return db.selectFrom(OPD).where(OPD.TENANT_ID.eq(tenant.value()), OPD.ACTIVE.isTrue()).orderBy(OPD.NAME)
                .fetch(OpdRows::toOpd);
    }

    public Optional<Opd> findByCode(TenantId tenant, String code) {
        return db.selectFrom(OPD).where(OPD.TENANT_ID.eq(tenant.value()), OPD.CODE.eq(code))
                .fetchOptional(OpdRows::toOpd);
    }

    public Optional<Opd> findByName(TenantId tenant, String name) {
        return db.selectFrom(OPD).where(OPD.TENANT_ID.eq(tenant.value()), DSL.lower(OPD.NAME).eq(name.toLowerCase()))
                .fetchOptional(OpdRows::toOpd);
    }

    public Page<Opd> page(TenantId tenant, String text, boolean includeInactive, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(OPD.TENANT_ID.eq(tenant.value()));
        if (text != null && !text.isBlank()) {
            conditions.add(OPD.NAME.containsIgnoreCase(text.strip()).or(OPD.CODE.containsIgnoreCase(text.strip())));
        }
        if (!includeInactive) conditions.add(OPD.ACTIVE.isTrue());
        Condition where = DSL.and(conditions);
        long total = db.fetchCount(OPD, where);
        List<Opd> items = db.selectFrom(OPD).where(where).orderBy(OPD.NAME)
                .limit(page.size()).offset(page.offset()).fetch(OpdRows::toOpd);
        return new Page<>(items, page.page(), page.size(), total);
    }

    public void update(TenantId tenant, OpdId id, String code, String name) {
        db.update(OPD).set(OPD.CODE, code).set(OPD.NAME, name).set(OPD.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(OPD.TENANT_ID.eq(tenant.value()), OPD.OPD_ID.eq(id.value()))
                .execute();
    }

    public void setActive(TenantId tenant, OpdId id, boolean active) {
        db.update(OPD).set(OPD.ACTIVE, active).set(OPD.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(OPD.TENANT_ID.eq(tenant.value()), OPD.OPD_ID.eq(id.value()))
                .execute();
    }

    private static Opd toOpd(OpdRecord r) {
        return new Opd(new TenantId(r.getTenantId()), new OpdId(r.getOpdId()), r.getCode(), r.getName(), r.getActive());
    }
}
