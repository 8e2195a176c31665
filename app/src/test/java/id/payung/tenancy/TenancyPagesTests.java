package id.payung.tenancy;

import id.payung.PayungIntegrationTest;
import id.payung.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The server-rendered pages: Bahasa Indonesia by default, English on request, nothing typed is lost. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class TenancyPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    @Test
    void listsPemdaInIndonesianAndInEnglishOnRequest() throws Exception {
        TestTenants.ensureOnboarded(administration, "63.71", "KC-BANJARMASIN");
        mvc.perform(get("/tenants").param("q", "Banjarmasin"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kota Banjarmasin"), containsString("Daftarkan pemda"),
                        containsString("Mode pengembangan tanpa login"))));
        mvc.perform(get("/tenants").param("q", "Banjarmasin").param("lang", "en"))
                .andExpect(content().string(containsString("Onboard a pemda")));
        mvc.perform(get("/tenants").param("q", "no such pemda at all"))
                .andExpect(content().string(containsString("Belum ada pemda yang cocok.")));
    }

    @Test
    void aRefusedOnboardingShowsEveryReasonAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/tenants").with(csrf())
                        .param("regionCode", "63.7x").param("bpjsOfficeCode", "KC-BANJARBARU")
                        .param("bpjsOfficeName", "").param("coverageTargetPercent", "abc").param("potentialWorkers", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("bukan kode wilayah Kemendagri"),
                        containsString("Nama kantor BPJS harus 3-120 karakter"),
                        containsString("value=\"63.7x\""),
                        containsString("value=\"KC-BANJARBARU\""))));
    }

    @Test
    void onboardingFromTheFormLeadsToThePemdaPageWhereOpdsAreAdded() throws Exception {
        String location = mvc.perform(post("/tenants").with(csrf())
                        .param("regionCode", "63.72").param("bpjsOfficeCode", "KC-BANJARBARU")
                        .param("bpjsOfficeName", "BPJS Ketenagakerjaan Banjarbaru")
                        .param("coverageTargetPercent", "22,5").param("potentialWorkers", "120.000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/tenants/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(content().string(allOf(containsString("Kota Banjarbaru"),
                containsString("22,50 %"), containsString("120.000"), containsString("Belum ada OPD"))));
        mvc.perform(post(location + "/opds").with(csrf()).param("code", "disnaker").param("name", "Dinas Tenaga Kerja"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/opds").with(csrf()).param("code", "DISNAKER").param("name", "Dinas Lain"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kode DISNAKER sudah dipakai oleh Dinas Tenaga Kerja")));
        mvc.perform(get(location)).andExpect(content().string(allOf(containsString("value=\"DISNAKER\""),
                containsString("opd.registered"))));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/tenants").param("regionCode", "63.03")).andExpect(status().isForbidden());
    }
}
