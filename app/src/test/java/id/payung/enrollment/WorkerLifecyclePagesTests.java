package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The worker page's verification, deactivation and reactivation forms (dev-no-auth: the developer actor). */
@PayungIntegrationTest
@AutoConfigureMockMvc
class WorkerLifecyclePagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;
    @Autowired WorkerRegistration registration;

    @Test
    void theWorkerPageVerifiesWithAKpjThenEndsTheWorkerExplainingRefusalsInIndonesian() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = Acting.as(operator(kediri), () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE))).worker();
        String page = "/tenants/" + kediri + "/workers/" + worker.id();

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Verifikasi dengan KPJ"), containsString("Pindah domisili"))));
        mvc.perform(post(page + "/verification").with(csrf()).param("kpj", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nomor KPJ tidak sesuai format")));
        String kpj = WorkerLifecycleTests.newKpj();
        mvc.perform(post(page + "/verification").with(csrf()).param("kpj", kpj))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Terverifikasi"), containsString("Diverifikasi"),
                        containsString(kpj), not(containsString("Verifikasi dengan KPJ")))));

        mvc.perform(post(page + "/deactivation").with(csrf()).param("status", "ENDED").param("reason", "LAINNYA")
                        .param("note", "").param("date", Nik.today().plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tanggal tidak boleh setelah hari ini"),
                        containsString("Isian ini wajib diisi"))));
        mvc.perform(post(page + "/deactivation").with(csrf()).param("status", "ENDED").param("reason", "MENINGGAL")
                        .param("date", Nik.today().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Berakhir"), containsString("Diakhiri"),
                        not(containsString("Nonaktifkan / akhiri")))));
    }

    @Test
    void anInactiveWorkerIsReactivatedFromHisPageWithAReason() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = Acting.as(operator(kediri), () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE))).worker();
        String page = "/tenants/" + kediri + "/workers/" + worker.id();
        mvc.perform(get(page)).andExpect(content().string(not(containsString("Aktifkan kembali"))));
        mvc.perform(post(page + "/deactivation").with(csrf()).param("status", "INACTIVE").param("reason", "BERHENTI_BEKERJA")
                        .param("date", Nik.today().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page)).andExpect(content().string(containsString("Aktifkan kembali")));

        mvc.perform(post(page + "/reactivation").with(csrf()).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Isian ini wajib diisi")));
        mvc.perform(post(page + "/reactivation").with(csrf()).param("reason", "Kembali bekerja sebagai ojek"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Diaktifkan kembali"), containsString("Kembali bekerja sebagai ojek"),
                        not(containsString("Aktifkan kembali</h2>")))));
    }
}
