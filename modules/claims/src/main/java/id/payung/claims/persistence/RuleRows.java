package id.payung.claims.persistence;

import id.payung.claims.ClaimKind;
import id.payung.claims.DocumentType;
import id.payung.claims.SchoolLevel;
import id.payung.claims.internal.RuleBook;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static id.payung.claims.persistence.jooq.Tables.BENEFIT_RULE;
import static id.payung.claims.persistence.jooq.Tables.DOCUMENT_REQUIREMENT;
import static id.payung.claims.persistence.jooq.Tables.HOLIDAY;
import static id.payung.claims.persistence.jooq.Tables.SCHOLARSHIP_RATE;

/** The shared, dated reference tables of the claims module: rules, scholarship rates, checklists, holidays. */
@Repository
public class RuleRows {

    private final DSLContext db;

    RuleRows(DSLContext db) {
        this.db = db;
    }

    /** Every rule and scholarship rate valid on the date (valid_until exclusive). */
    public RuleBook ruleBook(LocalDate date) {
        Map<String, RuleBook.Rule> rules = db.selectFrom(BENEFIT_RULE)
                .where(BENEFIT_RULE.VALID_FROM.le(date), BENEFIT_RULE.VALID_UNTIL.isNull().or(BENEFIT_RULE.VALID_UNTIL.gt(date)))
                .fetch(r -> new RuleBook.Rule(r.getRuleCode(), r.getValidFrom(), r.getValue()))
                .stream().collect(Collectors.toMap(RuleBook.Rule::code, r -> r));
        Map<SchoolLevel, RuleBook.ScholarshipRate> rates = db.selectFrom(SCHOLARSHIP_RATE)
                .where(SCHOLARSHIP_RATE.VALID_FROM.le(date), SCHOLARSHIP_RATE.VALID_UNTIL.isNull().or(SCHOLARSHIP_RATE.VALID_UNTIL.gt(date)))
                .fetch(r -> new RuleBook.ScholarshipRate(SchoolLevel.valueOf(r.getSchoolLevel()), r.getValidFrom(),
                        r.getAmountPerYear(), r.getMaxYears()))
                .stream().collect(Collectors.toMap(RuleBook.ScholarshipRate::level, r -> r));
        return new RuleBook(date, rules, rates);
    }

    /** The checklist of a claim kind valid on the date, in its order. */
    public Map<DocumentType, DocumentType.Requirement> checklist(ClaimKind kind, LocalDate date) {
        Map<DocumentType, DocumentType.Requirement> items = new LinkedHashMap<>();
        db.selectFrom(DOCUMENT_REQUIREMENT)
                .where(DOCUMENT_REQUIREMENT.CLAIM_KIND.eq(kind.name()), DOCUMENT_REQUIREMENT.VALID_FROM.le(date),
                        DOCUMENT_REQUIREMENT.VALID_UNTIL.isNull().or(DOCUMENT_REQUIREMENT.VALID_UNTIL.gt(date)))
                .orderBy(DOCUMENT_REQUIREMENT.SORT_ORDER)
                .forEach(r -> items.put(DocumentType.valueOf(r.getDocumentType()), DocumentType.Requirement.valueOf(r.getRequirement())));
        return items;
    }

    public Set<LocalDate> holidays(LocalDate from, LocalDate to) {
        return Set.copyOf(db.select(HOLIDAY.HOLIDAY_DATE).from(HOLIDAY).where(HOLIDAY.HOLIDAY_DATE.between(from, to))
                .fetch(HOLIDAY.HOLIDAY_DATE));
    }

    /** The scholarship table in force on the date, by level order: for the form and the API's reference data. */
    public List<RuleBook.ScholarshipRate> scholarshipRates(LocalDate date) {
        return db.selectFrom(SCHOLARSHIP_RATE)
                .where(SCHOLARSHIP_RATE.VALID_FROM.le(date), SCHOLARSHIP_RATE.VALID_UNTIL.isNull().or(SCHOLARSHIP_RATE.VALID_UNTIL.gt(date)))
                .orderBy(SCHOLARSHIP_RATE.SORT_ORDER)
                .fetch(r -> new RuleBook.ScholarshipRate(SchoolLevel.valueOf(r.getSchoolLevel()), r.getValidFrom(),
                        r.getAmountPerYear(), r.getMaxYears()));
    }
}
