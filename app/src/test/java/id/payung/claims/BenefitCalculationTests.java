package id.payung.claims;

import id.payung.PayungIntegrationTest;
import id.payung.claims.Claim.Assessment;
import id.payung.claims.Claim.Eligibility;
import id.payung.claims.ClaimDetails.BenefitLine;
import id.payung.claims.internal.BenefitCalculation;
import id.payung.claims.internal.BenefitCalculation.ScholarshipChild;
import id.payung.claims.internal.RuleBook;
import id.payung.claims.persistence.RuleRows;
import id.payung.platform.DomainProblem;
import id.payung.sponsorship.WorkerCover;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every benefit case of DOMAIN.md with its numbers, computed from the rule tables as migrated (the
 * figures are data; these tests prove the seeded rows and the arithmetic together).
 */
@PayungIntegrationTest
class BenefitCalculationTests {

    private static final LocalDate INCIDENT = LocalDate.of(2026, 6, 15);
    private static final int SCHOOL_YEAR = 2026;

    @Autowired RuleRows ruleRows;
    RuleBook rules;

    @BeforeEach
    void rulesOnTheIncidentDate() {
        rules = ruleRows.ruleBook(INCIDENT);
    }

    private static WorkerCover paid(YearMonth first, YearMonth last) {
        var months = new TreeSet<YearMonth>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) months.add(m);
        return new WorkerCover(UUID.randomUUID(), months);
    }

    private List<BenefitLine> lines(ClaimKind kind, WorkerCover cover, long income, Optional<Assessment> assessment,
                                    List<ScholarshipChild> children) {
        Eligibility eligibility = BenefitCalculation.eligibility(kind, INCIDENT, cover, rules);
        return BenefitCalculation.lines(kind, eligibility, income, assessment, children, SCHOOL_YEAR, rules);
    }

    private static long total(List<BenefitLine> lines) {
        return lines.stream().mapToLong(BenefitLine::amount).sum();
    }

    @Test
    void jkmPaysFortyTwoMillionLumpSumPeriodicAndFuneral() {
        var lines = lines(ClaimKind.JKM_DEATH, paid(YearMonth.of(2025, 1), YearMonth.of(2026, 6)), 1_000_000, Optional.empty(), List.of());
        assertThat(lines).extracting(BenefitLine::ruleCode, BenefitLine::amount).containsExactly(
                tuple("JKM_LUMP_SUM", 20_000_000L), tuple("JKM_PERIODIC", 12_000_000L), tuple("JKM_FUNERAL", 10_000_000L));
        assertThat(total(lines)).isEqualTo(42_000_000L);
        assertThat(lines.get(1).basisArgs()).containsExactly("24", "500000");
        assertThat(lines.get(0).ruleValidFrom()).contains(LocalDate.of(2019, 12, 2));
    }

    @Test
    void jkmWithinTheFirstThreeMonthsOfMembershipPaysTheReducedTenMillion() {
        // Member since April: April, May, June are the first three months.
        var early = lines(ClaimKind.JKM_DEATH, paid(YearMonth.of(2026, 4), YearMonth.of(2026, 6)), 1_000_000, Optional.empty(),
                List.of(new ScholarshipChild(1, Optional.of(SchoolLevel.SD))));
        assertThat(early).extracting(BenefitLine::ruleCode, BenefitLine::amount).containsExactly(
                tuple("JKM_EARLY_LUMP_SUM", 8_000_000L), tuple("JKM_EARLY_FUNERAL", 2_000_000L));
        assertThat(early.get(0).basisArgs()).containsExactly("3", "2026-04");
        // Member since March: June is the fourth month, the full benefit.
        assertThat(total(lines(ClaimKind.JKM_DEATH, paid(YearMonth.of(2026, 3), YearMonth.of(2026, 6)), 1_000_000,
                Optional.empty(), List.of()))).isEqualTo(42_000_000L);
    }

    @Test
    void jkmScholarshipNeedsThirtySixPaidMonthsAndGoesToAtMostTwoChildrenInSchool() {
        var children = List.of(new ScholarshipChild(1, Optional.of(SchoolLevel.SD)), new ScholarshipChild(2, Optional.empty()),
                new ScholarshipChild(3, Optional.of(SchoolLevel.SMA)), new ScholarshipChild(4, Optional.of(SchoolLevel.PT)));
        // July 2023 to June 2026: 36 paid months.
        var withScholarship = lines(ClaimKind.JKM_DEATH, paid(YearMonth.of(2023, 7), YearMonth.of(2026, 6)), 1_000_000,
                Optional.empty(), children);
        assertThat(withScholarship).filteredOn(l -> l.ruleCode().equals("SCHOLARSHIP"))
                .extracting(BenefitLine::basisArgs, BenefitLine::amount)
                .containsExactly(tuple(List.of("1", "SD", "2026/2027"), 1_500_000L), tuple(List.of("3", "SMA", "2026/2027"), 3_000_000L));
        assertThat(total(withScholarship)).isEqualTo(42_000_000L + 4_500_000L);
        // August 2023 to June 2026: 35 paid months, no scholarship.
        assertThat(lines(ClaimKind.JKM_DEATH, paid(YearMonth.of(2023, 8), YearMonth.of(2026, 6)), 1_000_000, Optional.empty(), children))
                .noneMatch(l -> l.ruleCode().equals("SCHOLARSHIP"));
    }

    @Test
    void theScholarshipTableAddsUpToAHundredSeventyFourMillionForTwoChildren() {
        long perChild = 0;
        for (SchoolLevel level : SchoolLevel.values()) {
            var rate = rules.scholarship(level);
            perChild += rate.amountPerYear() * rate.maxYears();
        }
        assertThat(perChild * rules.value("SCHOLARSHIP_MAX_CHILDREN")).isEqualTo(174_000_000L);
        assertThat(rules.scholarship(SchoolLevel.TK).maxYears()).isEqualTo(2);
        assertThat(rules.scholarship(SchoolLevel.PT).amountPerYear()).isEqualTo(12_000_000L);
    }

    @Test
    void jkkDeathPaysFortyEightTimesIncomeAtLeastTheJkmLumpSumWithFuneralPeriodicAndScholarshipWithoutMinimumPeriod() {
        var lines = lines(ClaimKind.JKK_DEATH, paid(YearMonth.of(2026, 6), YearMonth.of(2026, 6)), 1_500_000, Optional.empty(),
                List.of(new ScholarshipChild(1, Optional.of(SchoolLevel.SMP))));
        assertThat(lines).extracting(BenefitLine::ruleCode, BenefitLine::amount).containsExactly(
                tuple("JKK_DEATH_LUMP_SUM", 72_000_000L), tuple("JKK_DEATH_PERIODIC", 12_000_000L),
                tuple("JKK_DEATH_FUNERAL", 10_000_000L), tuple("SCHOLARSHIP", 2_000_000L));
        assertThat(lines.get(0).basisArgs()).containsExactly("48", "1500000", "20000000");
        // 48 x Rp400,000 = Rp19,200,000 is less than the JKM lump sum: the floor applies.
        assertThat(lines(ClaimKind.JKK_DEATH, paid(YearMonth.of(2026, 1), YearMonth.of(2026, 6)), 400_000, Optional.empty(), List.of())
                .getFirst().amount()).isEqualTo(20_000_000L);
    }

    @Test
    void workAccidentPaysCareAsBilledIncapacityFullForTwelveMonthsThenHalfAndDisabilityByTable() {
        var cover = paid(YearMonth.of(2026, 1), YearMonth.of(2026, 6));
        assertThat(lines(ClaimKind.JKK_ACCIDENT, cover, 1_500_000, Optional.empty(), List.of()))
                .as("nothing before the assessment").isEmpty();

        var partial = lines(ClaimKind.JKK_ACCIDENT, cover, 1_500_000,
                Optional.of(new Assessment(2_500_000, 14, Disability.PARTIAL, Optional.of(10))), List.of());
        assertThat(partial).extracting(BenefitLine::ruleCode, BenefitLine::amount).containsExactly(
                tuple("MEDICAL_CARE", 2_500_000L),
                tuple("STMB_FULL", 18_000_000L),     // 12 x 100 % x 1,500,000
                tuple("STMB_AFTER", 1_500_000L),     // 2 x 50 % x 1,500,000
                tuple("DISABILITY_PARTIAL", 12_000_000L)); // 10 % x 80 x 1,500,000
        assertThat(partial.get(0).ruleValidFrom()).isEmpty();
        assertThat(partial.get(2).basisArgs()).containsExactly("2", "1500000", "50", "12");

        var total = lines(ClaimKind.JKK_ACCIDENT, cover, 1_500_000,
                Optional.of(new Assessment(0, 3, Disability.TOTAL, Optional.empty())), List.of());
        assertThat(total).extracting(BenefitLine::ruleCode, BenefitLine::amount).containsExactly(
                tuple("STMB_FULL", 4_500_000L), tuple("DISABILITY_TOTAL", 84_000_000L)); // 70 % x 80 x 1,500,000
        assertThat(total.get(1).basisArgs()).containsExactly("70", "80", "1500000");
    }

    @Test
    void anUnpaidIncidentMonthMakesTheClaimIneligibleAndPaysNothing() {
        var cover = paid(YearMonth.of(2025, 1), YearMonth.of(2026, 3)); // lapsed after March
        Eligibility eligibility = BenefitCalculation.eligibility(ClaimKind.JKM_DEATH, INCIDENT, cover, rules);
        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.paidMonths()).isEqualTo(15);
        assertThat(eligibility.membershipSince()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(lines(ClaimKind.JKM_DEATH, cover, 1_000_000, Optional.empty(), List.of())).isEmpty();
    }

    @Test
    void anIncidentBeforeTheRuleTablesBeginIsRefusedRatherThanPricedFromCode() {
        RuleBook old = ruleRows.ruleBook(LocalDate.of(2018, 5, 1));
        var cover = paid(YearMonth.of(2017, 1), YearMonth.of(2018, 5));
        assertThatThrownBy(() -> BenefitCalculation.eligibility(ClaimKind.JKM_DEATH, LocalDate.of(2018, 5, 1), cover, old))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(ClaimsProblem.RULES_NOT_IN_FORCE);
                    assertThat(p.arguments()).containsExactly("JKM_WAITING_MONTHS", "2018-05-01");
                });
        assertThat(old.value("PAYMENT_WORKING_DAYS")).as("process rules go back to PP 44/2015").isEqualTo(7);
    }
}
