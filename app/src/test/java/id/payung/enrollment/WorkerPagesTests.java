package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.platform.TenantId;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registration form, the list with its NIK search by POST, and the worker's page. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class WorkerPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    @Test
    void aRefusedFormExplainsEachFieldInIndonesianAndKeepsWhatWasTypedAnAcceptedOneShowsTheWorker() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String base = "/tenants/" + kediri + "/workers";
        mvc.perform(get(base + "/new")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pendaftaran pekerja"), containsString("Guru ngaji"),
                        containsString("Rp1.000.000 (JKK Rp10.000)"), containsString("name=\"heirs[2].nik\""),
                        containsString("name=\"viewport\""))));

        String nik = manNik();
        mvc.perform(post(base).with(csrf()).param("nik", nik).param("name", "Budi Santoso").param("birthDate", "1990-05-18")
                        .param("sex", "MALE").param("address", "Jl. Mawar 3").param("villageCode", "35.72.01.1001")
                        .param("occupationCode", "PETANI").param("heirs[0].name", "Siti"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tanggal lahir tidak sama dengan tanggal lahir dalam NIK"),
                        containsString("tidak berada di wilayah Kota Kediri"), containsString("Pilih hubungan ahli waris ke-1"),
                        containsString("value=\"Budi Santoso\""), containsString("value=\"Siti\""))));

        String heirNik = womanNik();
        String location = mvc.perform(post(base).with(csrf()).param("nik", nik).param("name", "Budi Santoso")
                        .param("birthDate", "1990-05-17").param("sex", "MALE").param("address", "Jl. Mawar 3")
                        .param("villageCode", KEDIRI_VILLAGE).param("occupationCode", "MARBOT").param("incomeLevelCode", "L02")
                        .param("heirs[0].name", "Siti Aminah").param("heirs[0].relationship", "SPOUSE").param("heirs[0].nik", heirNik)
                        .param("heirs[1].name", "").param("heirs[1].relationship", "").param("heirs[1].nik", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Budi Santoso"), containsString("Garin / marbot"),
                        containsString("Rp1.500.000"), containsString("Siti Aminah"), containsString("Suami/istri"),
                        containsString("Didaftarkan"), not(containsString(heirNik)))));

        mvc.perform(get(base).param("name", "budi").param("occupationCode", "MARBOT"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Budi Santoso"), not(containsString(nik)),
                        containsString(nik.substring(0, 6) + "********"))));
        mvc.perform(post(base + "/nik-search").with(csrf()).param("nik", nik))
                .andExpect(status().isOk()).andExpect(content().string(containsString(location.substring(location.lastIndexOf('/') + 1))));
        mvc.perform(post(base + "/nik-search").with(csrf()).param("nik", "123"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("NIK terdiri dari tepat 16 angka")));
        // registering the same NIK again leads to the existing worker
        mvc.perform(post(base).with(csrf()).param("nik", nik).param("name", "Budi Santoso")
                        .param("birthDate", "1990-05-17").param("sex", "MALE").param("address", "Jl. Mawar 3")
                        .param("villageCode", KEDIRI_VILLAGE).param("occupationCode", "MARBOT")
                        .param("heirs[0].name", "Siti Aminah").param("heirs[0].relationship", "SPOUSE").param("heirs[0].nik", womanNik()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(location));
    }
}
