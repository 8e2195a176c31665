package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** BPJS staff's verification page (dev-no-auth: the developer actor). */
@PayungIntegrationTest
@AutoConfigureMockMvc
class WorkerVerificationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;
    @Autowired WorkerRegistration registration;

    @Test
    void exportUploadAndLookupFromTheVerificationPage() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = Acting.as(operator(kediri), () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE))).worker();
        String base = "/tenants/" + kediri + "/workers";
        mvc.perform(get(base)).andExpect(content().string(containsString(base + "/verification")));
        mvc.perform(get(base + "/verification")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Unggah hasil BPJS"), containsString("Di mana NIK terdaftar?"))));
        mvc.perform(get(base + "/verification-batch")).andExpect(status().isOk())
                .andExpect(content().string(containsString(worker.id() + "," + worker.nik())));

        mvc.perform(multipart(base + "/verification-results").file(new MockMultipartFile("file", "hasil.csv", "text/csv",
                        ("nik,kpj\n" + manNik() + "," + WorkerLifecycleTests.newKpj() + "\n").getBytes())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tidak ada yang diterapkan: 1 masalah."),
                        containsString("Tidak ada pekerja dengan NIK ini di pemda ini."))));
        mvc.perform(multipart(base + "/verification-results").file(new MockMultipartFile("file", "hasil.csv", "text/csv",
                        ("nik,kpj\n" + worker.nik() + "," + WorkerLifecycleTests.newKpj() + "\n").getBytes())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Diterapkan: 1 pekerja diverifikasi, 0 ditolak BPJS.")));

        mvc.perform(post(base + "/membership-lookup").with(csrf()).param("nik", worker.nik()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Terdaftar di Kota Kediri")));
        mvc.perform(post(base + "/membership-lookup").with(csrf()).param("nik", manNik()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Belum terdaftar di program mana pun.")));
    }
}
