package id.payung.enrollment;

import id.payung.platform.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The NIK rules of DOMAIN.md, one by one. */
class NikTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Predicate<String> PROVINCES = Set.of("11", "16", "32", "35")::contains;

    static Nik parse(String text) {
        return Nik.parse(text, TODAY, PROVINCES);
    }

    static Object problemOf(String text) {
        return Nik.problemWith(Nik.normalize(text), TODAY, PROVINCES).orElse(null);
    }

    @Test
    void aManSNikGivesHisBirthDateAndSex() {
        Nik nik = parse("3571011705900001");
        assertThat(nik.birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(nik.sex()).isEqualTo(Sex.MALE);
        assertThat(nik.provinceCode()).isEqualTo("35");
    }

    @Test
    void aWomanSBirthDayHasFortyAdded() {
        Nik nik = parse("3571014503010002");
        assertThat(nik.birthDate()).isEqualTo(LocalDate.of(2001, 3, 5));
        assertThat(nik.sex()).isEqualTo(Sex.FEMALE);
        assertThat(parse("3571017112850003").birthDate()).isEqualTo(LocalDate.of(1985, 12, 31));
    }

    @Test
    void theCenturyIsTheLatestOneThatDoesNotPutTheBirthInTheFuture() {
        assertThat(parse("3571012311260001").birthDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("3571012411260001").birthDate()).isEqualTo(LocalDate.of(1926, 11, 24));
        assertThat(parse("3571010101000001").birthDate()).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(parse("3571011506990001").birthDate()).isEqualTo(LocalDate.of(1999, 6, 15));
    }

    @Test
    void leapDaysAreCheckedAgainstTheChosenCentury() {
        assertThat(parse("3571012902000001").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        // 29 Feb 2028 is in the future and 1928 was a leap year
        assertThat(parse("3571012902280001").birthDate()).isEqualTo(LocalDate.of(1928, 2, 29));
        assertThat(problemOf("3571012902010001")).isEqualTo(EnrollmentProblem.NIK_DATE_INVALID);
    }

    @Test
    void aNikHasExactlySixteenDigitsIgnoringSpacesDotsAndDashes() {
        assertThat(problemOf("357101170590001")).isEqualTo(EnrollmentProblem.NIK_FORMAT);
        assertThat(problemOf("35710117059000011")).isEqualTo(EnrollmentProblem.NIK_FORMAT);
        assertThat(problemOf("35710117059O0001")).isEqualTo(EnrollmentProblem.NIK_FORMAT);
        assertThat(problemOf("")).isEqualTo(EnrollmentProblem.NIK_FORMAT);
        assertThat(parse("35.71.01 170590-0001").value()).isEqualTo("3571011705900001");
    }

    @Test
    void theProvinceCodeMustExist() {
        assertThat(problemOf("9971011705900001")).isEqualTo(EnrollmentProblem.NIK_PROVINCE_UNKNOWN);
        assertThat(problemOf("0071011705900001")).isEqualTo(EnrollmentProblem.NIK_PROVINCE_UNKNOWN);
    }

    @Test
    void theDayIsOneToThirtyOneOrFortyOneToSeventyOne() {
        assertThat(problemOf("3571010005900001")).isEqualTo(EnrollmentProblem.NIK_DAY_INVALID);
        assertThat(problemOf("3571013205900001")).isEqualTo(EnrollmentProblem.NIK_DAY_INVALID);
        assertThat(problemOf("3571014005900001")).isEqualTo(EnrollmentProblem.NIK_DAY_INVALID);
        assertThat(problemOf("3571017205900001")).isEqualTo(EnrollmentProblem.NIK_DAY_INVALID);
        assertThat(problemOf("3571014105900001")).isNull();
    }

    @Test
    void theMonthIsOneToTwelve() {
        assertThat(problemOf("3571011700900001")).isEqualTo(EnrollmentProblem.NIK_MONTH_INVALID);
        assertThat(problemOf("3571011713900001")).isEqualTo(EnrollmentProblem.NIK_MONTH_INVALID);
    }

    @Test
    void theDayMustExistInTheMonthAlsoForWomen() {
        assertThat(problemOf("3571013102900001")).isEqualTo(EnrollmentProblem.NIK_DATE_INVALID);
        assertThat(problemOf("3571017104900001")).isEqualTo(EnrollmentProblem.NIK_DATE_INVALID);
    }

    @Test
    void theSerialStartsAtOne() {
        assertThat(problemOf("3571011705900000")).isEqualTo(EnrollmentProblem.NIK_SERIAL_ZERO);
    }

    @Test
    void aRefusedNikIsNotRepeatedInTheProblemAndAParsedOneIsMaskedWhenPrinted() {
        assertThatThrownBy(() -> parse("3571013102900001"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(EnrollmentProblem.NIK_DATE_INVALID);
                    assertThat(p.arguments()).isEmpty();
                    assertThat(p.getMessage()).doesNotContain("3571013102900001");
                });
        assertThat(parse("3571011705900001")).hasToString("357101********01");
    }
}
