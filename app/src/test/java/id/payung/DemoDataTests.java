package id.payung;

import id.payung.enrollment.Nik;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo workers' made-up NIKs are valid and agree with their birth date and sex. */
class DemoDataTests {

    @Test
    void everyDemoWorkerHasAValidNikMatchingHisBirthDateAndSex() {
        for (String[] worker : DemoData.DEMO_WORKERS) {
            String nik = "327201" + worker[1] + "0001";
            assertThat(Nik.problemWith(nik, Nik.today(), code -> true)).as(worker[0]).isEmpty();
            Nik parsed = Nik.parse(nik, Nik.today(), code -> true);
            assertThat(parsed.birthDate()).as(worker[0]).isEqualTo(LocalDate.parse(DemoData.demoBirthDate(worker[1])));
            assertThat(parsed.sex().name()).as(worker[0]).isEqualTo(worker[2]);
        }
    }
}
