package id.payung.claims.internal;

import id.payung.claims.Claim.Assessment;
import id.payung.claims.Claim.Eligibility;
import id.payung.claims.ClaimDetails.BenefitLine;
import id.payung.claims.ClaimKind;
import id.payung.claims.Disability;
import id.payung.claims.SchoolLevel;
import id.payung.claims.internal.RuleBook.Rule;
import id.payung.sponsorship.WorkerCover;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Eligibility at the incident date and the benefit, line by line, from the rules valid on that date
 * (DOMAIN.md "Benefits and claims"). Pure: the caller reads the rules and the cover; every figure comes
 * from the {@link RuleBook}, none from this class. Whole Rupiah in {@code long}; percentages in basis
 * points, divided last so that nothing is lost before the final rounding down.
 */
public final class BenefitCalculation {

    /** Rule codes of {@code claims.benefit_rule}; also the message keys of the lines' texts. */
    public static final String JKM_LUMP_SUM = "JKM_LUMP_SUM";
    public static final String JKM_PERIODIC = "JKM_PERIODIC";
    public static final String JKM_FUNERAL = "JKM_FUNERAL";
    public static final String JKM_EARLY_LUMP_SUM = "JKM_EARLY_LUMP_SUM";
    public static final String JKM_EARLY_FUNERAL = "JKM_EARLY_FUNERAL";
    public static final String JKK_DEATH_LUMP_SUM = "JKK_DEATH_LUMP_SUM";
    public static final String JKK_DEATH_PERIODIC = "JKK_DEATH_PERIODIC";
    public static final String JKK_DEATH_FUNERAL = "JKK_DEATH_FUNERAL";
    public static final String MEDICAL_CARE = "MEDICAL_CARE";
    public static final String STMB_FULL = "STMB_FULL";
    public static final String STMB_AFTER = "STMB_AFTER";
    public static final String DISABILITY_PARTIAL = "DISABILITY_PARTIAL";
    public static final String DISABILITY_TOTAL = "DISABILITY_TOTAL";
    public static final String SCHOLARSHIP = "SCHOLARSHIP";

    private static final long FULL_BP = 10_000;

    /** A child named for the scholarship: his position on the claim and his school level (none: not in school). */
    public record ScholarshipChild(int position, Optional<SchoolLevel> level) {
    }

    /**
     * The worker's eligibility on the incident date. Membership runs from the first paid month (ADR 0007:
     * cover is what the ledger shows paid, never assumed); the JKM waiting rule counts calendar months of
     * membership, the scholarship's minimum period counts paid months.
     */
    public static Eligibility eligibility(ClaimKind kind, LocalDate incidentDate, WorkerCover cover, RuleBook rules) {
        YearMonth incidentMonth = YearMonth.from(incidentDate);
        YearMonth since = cover.firstPaid().orElseThrow(() -> new IllegalArgumentException("no paid month"));
        int paidMonths = cover.paidMonthsThrough(incidentMonth);
        boolean waiting = kind == ClaimKind.JKM_DEATH
                && incidentMonth.isBefore(since.plusMonths(rules.value("JKM_WAITING_MONTHS")));
        boolean scholarship = switch (kind) {
            case JKM_DEATH -> !waiting && paidMonths >= rules.value("SCHOLARSHIP_MIN_PAID_MONTHS_JKM");
            case JKK_DEATH -> paidMonths >= rules.value("SCHOLARSHIP_MIN_PAID_MONTHS_JKK");
            case JKK_ACCIDENT -> false;
        };
        return new Eligibility(since, paidMonths, cover.isPaid(incidentMonth), waiting, scholarship);
    }

    /**
     * The benefit lines. Nothing when the incident month was not paid. An accident is calculated once
     * BPJS recorded its assessment; scholarship lines are the first school year of at most the rule's
     * number of children, for those in school.
     */
    public static List<BenefitLine> lines(ClaimKind kind, Eligibility eligibility, long declaredIncome,
                                          Optional<Assessment> assessment, List<ScholarshipChild> children,
                                          int schoolYear, RuleBook rules) {
        Lines lines = new Lines();
        if (!eligibility.eligible()) return lines.list;
        switch (kind) {
            case JKM_DEATH -> {
                if (eligibility.waitingPeriod()) {
                    Rule months = rules.rule("JKM_WAITING_MONTHS");
                    Rule lump = rules.rule("JKM_EARLY_LUMP_SUM");
                    lines.add(JKM_EARLY_LUMP_SUM, lump, lump.value(), months.value(), eligibility.membershipSince());
                    Rule funeral = rules.rule("JKM_EARLY_FUNERAL");
                    lines.add(JKM_EARLY_FUNERAL, funeral, funeral.value(), months.value());
                } else {
                    Rule lump = rules.rule("JKM_LUMP_SUM");
                    lines.add(JKM_LUMP_SUM, lump, lump.value());
                    periodic(lines, JKM_PERIODIC, rules.rule("JKM_PERIODIC_MONTHS"), rules.rule("JKM_PERIODIC_MONTHLY"));
                    Rule funeral = rules.rule("JKM_FUNERAL");
                    lines.add(JKM_FUNERAL, funeral, funeral.value());
                }
            }
            case JKK_DEATH -> {
                Rule multiple = rules.rule("JKK_DEATH_INCOME_MULTIPLE");
                long floor = rules.value("JKM_LUMP_SUM");
                long amount = Math.max(Math.multiplyExact(multiple.value(), declaredIncome), floor);
                lines.add(JKK_DEATH_LUMP_SUM, multiple, amount, multiple.value(), declaredIncome, floor);
                periodic(lines, JKK_DEATH_PERIODIC, rules.rule("JKK_DEATH_PERIODIC_MONTHS"), rules.rule("JKK_DEATH_PERIODIC_MONTHLY"));
                Rule funeral = rules.rule("JKK_DEATH_FUNERAL");
                lines.add(JKK_DEATH_FUNERAL, funeral, funeral.value());
            }
            case JKK_ACCIDENT -> assessment.ifPresent(a -> accident(lines, a, declaredIncome, rules));
        }
        if (eligibility.scholarshipEligible()) {
            int max = rules.intValue("SCHOLARSHIP_MAX_CHILDREN");
            children.stream().filter(c -> c.level().isPresent()).limit(max).forEach(child -> {
                RuleBook.ScholarshipRate rate = rules.scholarship(child.level().get());
                lines.add(SCHOLARSHIP, rate.validFrom(), rate.amountPerYear(), child.position(), child.level().get(),
                        schoolYear + "/" + (schoolYear + 1));
            });
        }
        return lines.list;
    }

    private static void accident(Lines lines, Assessment a, long income, RuleBook rules) {
        if (a.medicalCosts() > 0) lines.add(MEDICAL_CARE, (LocalDate) null, a.medicalCosts());
        if (a.incapacityMonths() > 0) {
            Rule fullMonths = rules.rule("STMB_FULL_MONTHS");
            Rule fullBp = rules.rule("STMB_FULL_BP");
            long first = Math.min(a.incapacityMonths(), fullMonths.value());
            lines.add(STMB_FULL, fullBp, Math.multiplyExact(income, first) * fullBp.value() / FULL_BP,
                    first, income, percent(fullBp.value()));
            long rest = a.incapacityMonths() - first;
            if (rest > 0) {
                Rule afterBp = rules.rule("STMB_AFTER_BP");
                lines.add(STMB_AFTER, afterBp, Math.multiplyExact(income, rest) * afterBp.value() / FULL_BP,
                        rest, income, percent(afterBp.value()), fullMonths.value());
            }
        }
        Rule multiple = rules.rule("DISABILITY_INCOME_MULTIPLE");
        if (a.disability() == Disability.PARTIAL) {
            int percent = a.disabilityPercent().orElseThrow();
            lines.add(DISABILITY_PARTIAL, multiple, Math.multiplyExact(income, multiple.value()) * percent / 100,
                    percent, multiple.value(), income);
        } else if (a.disability() == Disability.TOTAL) {
            Rule totalBp = rules.rule("TOTAL_DISABILITY_BP");
            lines.add(DISABILITY_TOTAL, totalBp, Math.multiplyExact(income, multiple.value()) * totalBp.value() / FULL_BP,
                    percent(totalBp.value()), multiple.value(), income);
        }
    }

    private static void periodic(Lines lines, String code, Rule months, Rule monthly) {
        lines.add(code, monthly, Math.multiplyExact(months.value(), monthly.value()), months.value(), monthly.value());
    }

    private static String percent(long basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    /** The school year (July to June) a date falls in, by its first calendar year: 2026 for "2026/2027". */
    public static int schoolYearOf(LocalDate date) {
        return date.getMonthValue() >= 7 ? date.getYear() : date.getYear() - 1;
    }

    private static final class Lines {
        final List<BenefitLine> list = new ArrayList<>();

        void add(String code, Rule rule, long amount, Object... args) {
            add(code, rule.validFrom(), amount, args);
        }

        void add(String code, LocalDate ruleValidFrom, long amount, Object... args) {
            List<String> basis = java.util.Arrays.stream(args).map(String::valueOf).toList();
            list.add(new BenefitLine(list.size() + 1, code, Optional.ofNullable(ruleValidFrom), basis, amount));
        }
    }

    private BenefitCalculation() {
    }
}
