package id.payung.claims;

import id.payung.PayungIntegrationTest;
import id.payung.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.time.YearMonth;
import java.util.UUID;

import static id.payung.claims.ClaimsFixtures.today;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The report form (worker found by NIK by POST), the claim's page with its calculation and forms, the list. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class ClaimPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ClaimsFixtures fixtures;

    @Test
    void aReportIsFiledFromTheWorkersNikAndItsClaimPageShowsTheCalculationLineByLine() throws Exception {
        TenantId pekalongan = fixtures.pekalongan();
        UUID worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(40), YearMonth.from(today()));
        String base = "/tenants/" + pekalongan + "/claims";

        mvc.perform(get(base + "/new")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cari pekerja dengan NIK"), containsString("name=\"viewport\""))));
        mvc.perform(post(base + "/new/worker").with(csrf()).param("nik", "12"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("NIK terdiri dari tepat 16 angka")));
        mvc.perform(post(base + "/new/worker").with(csrf()).param("nik", ClaimsFixtures.workerNik()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("tidak ditemukan di pemda ini")));
        // the form, with the heirs of the registration filled in
        mvc.perform(get(base + "/new").param("workerId", worker.toString())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Slamet Riyadi"), containsString("value=\"Sri Wahyuni\""),
                        containsString("JKM: meninggal bukan karena kerja"), containsString("Surat keterangan kematian"),
                        containsString("Perguruan tinggi/pelatihan"))));

        String heirNik = ClaimsFixtures.heirNik();
        mvc.perform(post(base).with(csrf()).param("workerId", worker.toString()).param("kind", "JKM_DEATH")
                        .param("incidentDate", today().plusDays(2).toString()).param("incidentPlace", "Rumah")
                        .param("description", "Meninggal dunia di rumah.")
                        .param("beneficiaries[0].name", "Sri Wahyuni").param("beneficiaries[0].relationship", "SPOUSE")
                        .param("beneficiaries[0].nik", heirNik).param("beneficiaries[0].bankName", "")
                        .param("beneficiaries[0].accountNumber", "0123456789"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kejadian tidak boleh terjadi sesudah hari ini."),
                        containsString("Isi nama bank penerima ke-1"), containsString(">Meninggal dunia di rumah.</textarea>"),
                        containsString("value=\"0123456789\""))));

        String location = mvc.perform(post(base).with(csrf()).param("workerId", worker.toString()).param("kind", "JKM_DEATH")
                        .param("incidentDate", today().minusDays(1).toString()).param("incidentPlace", "Rumah")
                        .param("description", "Meninggal dunia di rumah.")
                        .param("beneficiaries[0].name", "Sri Wahyuni").param("beneficiaries[0].relationship", "SPOUSE")
                        .param("beneficiaries[0].nik", heirNik).param("beneficiaries[0].bankName", "BRI")
                        .param("beneficiaries[0].accountNumber", "0123456789")
                        .param("children[0].name", "Dewi Lestari").param("children[0].nik", ClaimsFixtures.childNik())
                        .param("children[0].birthDate", "2015-06-12").param("children[0].schoolLevel", "SD"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Santunan sekaligus JKM"), containsString("Rp20.000.000"),
                        containsString("24 bulan x Rp500.000, dibayar sekaligus"), containsString("Anak ke-1, jenjang SD"),
                        containsString("Rp43.500.000"), containsString("Dilaporkan"), containsString("Surat keterangan kematian"),
                        not(containsString(heirNik)))));
        mvc.perform(get(location).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("JKM lump sum"), containsString("24 months x Rp500,000, paid at once"))));

        // a refused upload explains itself on the claim's page; an accepted one is listed
        mvc.perform(multipart(location + "/documents").file(new MockMultipartFile("file", "akta.pdf", "application/pdf", ClaimsFixtures.PNG))
                        .param("documentType", "DEATH_CERTIFICATE").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Isi berkas bukan PDF")));
        mvc.perform(multipart(location + "/documents").file(new MockMultipartFile("file", "akta.pdf", "application/pdf", ClaimsFixtures.PDF))
                        .param("documentType", "DEATH_CERTIFICATE").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(location));
        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(content().string(containsString("akta.pdf")));
        // BPJS's check, listed missing documents
        mvc.perform(post(location + "/document-check").with(csrf()).param("missing", "KTP_HEIRS").param("note", "KTP istri belum ada"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dokumen yang diminta BPJS"), containsString("KTP istri belum ada"))));
        mvc.perform(post(location + "/document-check").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Dokumen wajib belum ada: Kartu peserta (KPJ)")));

        mvc.perform(get(base)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ringkasan klaim pemda"), containsString(location.substring(location.lastIndexOf('/') + 1)))));
        mvc.perform(get("/claims/queue")).andExpect(status().isOk()).andExpect(content().string(containsString("Antrean klaim BPJS")));
        mvc.perform(get("/claims")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/claims/queue"));
    }
}
