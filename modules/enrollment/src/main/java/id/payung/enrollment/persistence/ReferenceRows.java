package id.payung.enrollment.persistence;

import id.payung.enrollment.IncomeLevel;
import id.payung.enrollment.Occupation;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.payung.enrollment.persistence.jooq.Tables.INCOME_LEVEL;
import static id.payung.enrollment.persistence.jooq.Tables.OCCUPATION;

/** The dated reference tables: occupations and income levels in force on a day. */
@Repository
public class ReferenceRows {

    private final DSLContext db;

    ReferenceRows(DSLContext db) {
        this.db = db;
    }

    public List<Occupation> occupations(LocalDate day) {
        Map<String, Occupation> byCode = new LinkedHashMap<>();
        db.selectFrom(OCCUPATION)
                .where(OCCUPATION.VALID_FROM.le(day), OCCUPATION.VALID_UNTIL.isNull().or(OCCUPATION.VALID_UNTIL.gt(day)))
                .orderBy(OCCUPATION.SORT_ORDER, OCCUPATION.OCCUPATION_CODE, OCCUPATION.VALID_FROM.desc())
                .forEach(r -> byCode.putIfAbsent(r.getOccupationCode(),
                        new Occupation(r.getOccupationCode(), r.getNameId(), r.getNameEn(), r.getTransportSector())));
        return List.copyOf(byCode.values());
    }

    public List<IncomeLevel> incomeLevels(LocalDate day) {
        Map<String, IncomeLevel> byCode = new LinkedHashMap<>();
        db.selectFrom(INCOME_LEVEL)
                .where(INCOME_LEVEL.VALID_FROM.le(day), INCOME_LEVEL.VALID_UNTIL.isNull().or(INCOME_LEVEL.VALID_UNTIL.gt(day)))
                .orderBy(INCOME_LEVEL.INCOME, INCOME_LEVEL.LEVEL_CODE, INCOME_LEVEL.VALID_FROM.desc())
                .forEach(r -> byCode.putIfAbsent(r.getLevelCode(), new IncomeLevel(r.getLevelCode(), r.getIncome(), r.getJkkPremium())));
        return List.copyOf(byCode.values());
    }
}
