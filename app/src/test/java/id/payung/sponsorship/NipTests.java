package id.payung.sponsorship;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The NIP rules: 18 digits, a real and plausible birth date, an appointment after it, sex 1 or 2. */
class NipTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void acceptsPnsAndPppkNumbersWithOrWithoutSpaces() {
        assertThat(Nip.problemWith("198503152010011001", TODAY)).isEmpty();
        assertThat(Nip.problemWith("199001012021212003", TODAY)).as("NI PPPK: YYYY21 in place of the month").isEmpty();
        assertThat(Nip.normalize("19850315 201001 1 001")).isEqualTo("198503152010011001");
        assertThat(Nip.parse("19850315 201001 1 001").birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(Nip.parse("199001012021212003").isPppk()).isTrue();
    }

    @Test
    void refusesEachImpossibleNumberWithItsOwnReason() {
        assertThat(Nip.problemWith("19850315201001100", TODAY)).contains(SponsorshipProblem.NIP_LENGTH);
        assertThat(Nip.problemWith("1985031520100110011", TODAY)).contains(SponsorshipProblem.NIP_LENGTH);
        assertThat(Nip.problemWith("19850315201001100A", TODAY)).contains(SponsorshipProblem.NIP_LENGTH);
        assertThat(Nip.problemWith("198502302010011001", TODAY)).as("30 February").contains(SponsorshipProblem.NIP_BIRTH_DATE_INVALID);
        assertThat(Nip.problemWith("198513012010011001", TODAY)).as("month 13").contains(SponsorshipProblem.NIP_BIRTH_DATE_INVALID);
        assertThat(Nip.problemWith("193001012010011001", TODAY)).as("born 1930").contains(SponsorshipProblem.NIP_BIRTH_DATE_IMPLAUSIBLE);
        assertThat(Nip.problemWith("201501012025011001", TODAY)).as("11 years old").contains(SponsorshipProblem.NIP_BIRTH_DATE_IMPLAUSIBLE);
        assertThat(Nip.problemWith("198503152010131001", TODAY)).as("appointment month 13").contains(SponsorshipProblem.NIP_APPOINTMENT_INVALID);
        assertThat(Nip.problemWith("198503151980011001", TODAY)).contains(SponsorshipProblem.NIP_APPOINTMENT_NOT_AFTER_BIRTH);
        assertThat(Nip.problemWith("198503152027011001", TODAY)).contains(SponsorshipProblem.NIP_APPOINTMENT_IN_FUTURE);
        assertThat(Nip.problemWith("198503152010013001", TODAY)).as("sex digit 3").contains(SponsorshipProblem.NIP_SEX_INVALID);
        assertThat(Nip.problemWith("198503152010010001", TODAY)).as("sex digit 0").contains(SponsorshipProblem.NIP_SEX_INVALID);
    }
}
