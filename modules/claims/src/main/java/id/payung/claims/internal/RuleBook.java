package id.payung.claims.internal;

import id.payung.claims.ClaimsProblem;
import id.payung.claims.SchoolLevel;
import id.payung.platform.DomainProblem;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The benefit and claim rules valid on one date, as read from the dated tables {@code claims.benefit_rule}
 * and {@code claims.scholarship_rate}. A rule missing on that date is refused with a clear problem, never
 * replaced by a figure from code.
 */
public record RuleBook(LocalDate date, Map<String, Rule> rules, Map<SchoolLevel, ScholarshipRate> scholarships) {

    public RuleBook {
        rules = Map.copyOf(rules);
        scholarships = Map.copyOf(scholarships);
    }

    /** One row of {@code claims.benefit_rule}. */
    public record Rule(String code, LocalDate validFrom, long value) {
    }

    /** One row of {@code claims.scholarship_rate}. */
    public record ScholarshipRate(SchoolLevel level, LocalDate validFrom, long amountPerYear, int maxYears) {
    }

    public Rule rule(String code) {
        Rule rule = rules.get(code);
        if (rule == null) throw new DomainProblem(ClaimsProblem.RULES_NOT_IN_FORCE, code, date.toString());
        return rule;
    }

    public long value(String code) {
        return rule(code).value();
    }

    public int intValue(String code) {
        return Math.toIntExact(value(code));
    }

    public ScholarshipRate scholarship(SchoolLevel level) {
        return Optional.ofNullable(scholarships.get(level))
                .orElseThrow(() -> new DomainProblem(ClaimsProblem.RULES_NOT_IN_FORCE, "SCHOLARSHIP_" + level, date.toString()));
    }
}
