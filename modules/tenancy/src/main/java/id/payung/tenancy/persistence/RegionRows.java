package id.payung.tenancy.persistence;

import id.payung.platform.RegionCode;
import id.payung.tenancy.Region;
import id.payung.tenancy.persistence.jooq.tables.records.RegionRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static id.payung.tenancy.persistence.jooq.Tables.REGION;

@Repository
public class RegionRows {

    private final DSLContext db;

    RegionRows(DSLContext db) {
        this.db = db;
    }

    public Optional<Region> find(RegionCode code) {
        return db.selectFrom(REGION).where(REGION.CODE.eq(code.value())).fetchOptional(RegionRows::toRegion);
    }

    public List<Region> provinces() {
        return db.selectFrom(REGION).where(REGION.LEVEL.eq(RegionCode.Level.PROVINCE.name()))
                .orderBy(REGION.CODE).fetch(RegionRows::toRegion);
    }

    public List<Region> children(RegionCode parent) {
        return db.selectFrom(REGION).where(REGION.PARENT_CODE.eq(parent.value()))
                .orderBy(REGION.CODE).fetch(RegionRows::toRegion);
    }

    public List<Region> search(String text, RegionCode.Level level, int limit) {
        Condition condition = text.isEmpty() ? DSL.noCondition() : DSL.lower(REGION.NAME).contains(text.toLowerCase());
        if (level != null) condition = condition.and(REGION.LEVEL.eq(level.name()));
        return db.selectFrom(REGION).where(condition).orderBy(REGION.NAME, REGION.CODE).limit(limit)
                .fetch(RegionRows::toRegion);
    }

    private static Region toRegion(RegionRecord r) {
        return new Region(new RegionCode(r.getCode()), RegionCode.Level.valueOf(r.getLevel()), r.getName());
    }
}
