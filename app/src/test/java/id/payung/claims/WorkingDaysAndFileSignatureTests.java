package id.payung.claims;

import id.payung.claims.internal.FileSignature;
import id.payung.claims.internal.WorkingDays;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules around claims: working days, file signatures, the 2 x 24 hour report window. */
class WorkingDaysAndFileSignatureTests {

    private static final Set<LocalDate> AUGUST_2026 = Set.of(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 8, 25));

    @Test
    void sevenWorkingDaysSkipWeekendsAndHolidays() {
        // Friday 14 August 2026; Monday 17 (Independence Day) and Tuesday 25 (Maulid) are holidays.
        LocalDate friday = LocalDate.of(2026, 8, 14);
        assertThat(WorkingDays.add(friday, 7, Set.of())).isEqualTo(LocalDate.of(2026, 8, 25));
        assertThat(WorkingDays.add(friday, 7, AUGUST_2026)).isEqualTo(LocalDate.of(2026, 8, 27));
        assertThat(WorkingDays.between(friday, LocalDate.of(2026, 8, 27), AUGUST_2026)).isEqualTo(7);
        assertThat(WorkingDays.between(friday, friday, AUGUST_2026)).isZero();
        assertThat(WorkingDays.between(friday, LocalDate.of(2026, 8, 16), AUGUST_2026)).as("a weekend is no working day").isZero();
    }

    @Test
    void aFileIsAcceptedOnlyWhenItsFirstBytesAreWhatItsExtensionSays() {
        assertThat(FileSignature.byFileName("akta.PDF")).contains(FileSignature.PDF);
        assertThat(FileSignature.byFileName("ktp.jpeg")).contains(FileSignature.JPEG);
        assertThat(FileSignature.byFileName("ktp.jpg")).contains(FileSignature.JPEG);
        assertThat(FileSignature.byFileName("kk.png")).contains(FileSignature.PNG);
        assertThat(FileSignature.byFileName("surat.docx")).isEmpty();
        assertThat(FileSignature.byFileName("tanpa-ekstensi")).isEmpty();

        assertThat(FileSignature.PDF.matches(ClaimsFixtures.PDF)).isTrue();
        assertThat(FileSignature.PNG.matches(ClaimsFixtures.PNG)).isTrue();
        assertThat(FileSignature.JPEG.matches(ClaimsFixtures.JPEG)).isTrue();
        assertThat(FileSignature.PDF.matches(ClaimsFixtures.PNG)).isFalse();
        assertThat(FileSignature.PNG.matches(ClaimsFixtures.JPEG)).isFalse();
        assertThat(FileSignature.JPEG.matches("<html>%PDF-".getBytes())).isFalse();
        assertThat(FileSignature.PDF.matches(" %PDF-1.4".getBytes())).as("the signature must open the file").isFalse();
        assertThat(FileSignature.PNG.matches(new byte[]{(byte) 0x89, 'P'})).isFalse();
    }

    @Test
    void anAccidentIsLateWhenReportedMoreThanTwiceTwentyFourHoursAfterItWithoutATimeFromTheEndOfTheDay() {
        LocalDate accident = LocalDate.of(2026, 3, 2);
        OffsetDateTime justInTime = OffsetDateTime.of(2026, 3, 4, 10, 0, 0, 0, ZoneOffset.ofHours(7));
        assertThat(ClaimFiling.lateReport(accident, Optional.of(LocalTime.of(10, 0)), justInTime, 48)).isFalse();
        assertThat(ClaimFiling.lateReport(accident, Optional.of(LocalTime.of(9, 59)), justInTime, 48)).isTrue();
        assertThat(ClaimFiling.lateReport(accident, Optional.empty(), justInTime, 48)).isFalse();
        assertThat(ClaimFiling.lateReport(accident, Optional.empty(), justInTime.plusDays(1), 48)).isTrue();
    }

    @Test
    void uploadedFileNamesLoseTheirPathAndControlCharacters() {
        assertThat(ClaimFiling.safeFileName("C:\\Users\\budi\\akta kematian.pdf")).isEqualTo("akta kematian.pdf");
        assertThat(ClaimFiling.safeFileName("../../etc/\"passwd\u0000.png")).isEqualTo("passwd.png");
        assertThat(ClaimFiling.safeFileName("a".repeat(300) + ".pdf")).hasSize(160).endsWith(".pdf");
        assertThat(ClaimFiling.safeFileName(null)).isEqualTo("dokumen");
    }
}
