package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's program pages, the ranking with the policy form, the roster's XLSX upload (dev-no-auth: the developer). */
@PayungIntegrationTest
@AutoConfigureMockMvc
class SponsorshipPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void theOperatorCreatesAProgramAddsWorkersAndSeesWhyABadListIsRefused() throws Exception {
        var bima = new SponsorshipWorld(context, "52.72", "KC-BIMA");
        String base = "/tenants/" + bima.tenant + "/funding-programs";
        mvc.perform(get(base)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Program pembiayaan"), containsString("Kohort APBD"),
                        containsString("name=\"viewport\""))));
        mvc.perform(post(base).with(csrf()).param("kind", "APBD_COHORT").param("name", "Kohort Bima").param("firstPeriod", thisMonth().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kohort APBD perlu bulan terakhir"), containsString("Isian ini wajib diisi."),
                        containsString("value=\"Kohort Bima\""))));
        String name = "Kohort Bima " + UUID.randomUUID().toString().substring(0, 6);
        String location = mvc.perform(post(base).with(csrf()).param("kind", "APBD_COHORT").param("name", name)
                        .param("firstPeriod", thisMonth().toString()).param("lastPeriod", thisMonth().plusMonths(11).toString())
                        .param("budgetCeiling", "Rp 2.016.000").param("workerQuota", "10"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();

        UUID worker = bima.registerWorker("PETANI");
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString("Sisa kuota"), containsString("Rp2.016.000"),
                        containsString("Daftar NIK"), containsString(worker.toString()))));
        mvc.perform(post(location + "/workers").with(csrf()).param("workerIds", worker.toString()).param("firstPeriod", thisMonth().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "Diminta 1 pekerja: 1 ditambahkan, 0 sudah dibiayai program ini, 0 sudah berakhir (tidak ditambahkan)."));
        var list = new MockMultipartFile("file", "nik.csv", "text/csv", ("nik\n" + bima.manNik() + "\nabc\n").getBytes());
        mvc.perform(multipart(location + "/workers/from-nik-list").file(list).with(csrf()).param("firstPeriod", thisMonth().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Baris 2"), containsString("Tidak ada pekerja dengan NIK ini di pemda ini."),
                        containsString("Baris 3"), containsString("Bukan NIK (16 angka)."), containsString("tidak ada pekerja yang ditambahkan"))));
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Budi Santoso"), containsString("Akhiri"))));
        mvc.perform(get(location).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Funded workers"), containsString("Quota left"))));
    }

    @Test
    void theRankingPageShowsThePolicyAndExplainsABadOne() throws Exception {
        var dompu = new SponsorshipWorld(context, "52.05", "KC-DOMPU");
        String page = "/tenants/" + dompu.tenant + "/opd-participation";
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Partisipasi ASN per OPD"), containsString("Dinas Kesehatan"),
                        containsString("Belum ada kebijakan sponsor"))));
        mvc.perform(post("/tenants/" + dompu.tenant + "/sponsorship-policy").with(csrf()).param("validFrom", "2020-01").param("minimumWorkers", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("sudah lewat")));
        mvc.perform(post("/tenants/" + dompu.tenant + "/sponsorship-policy").with(csrf())
                        .param("validFrom", thisMonth().toString()).param("minimumWorkers", "2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Setiap ASN mensponsori paling sedikit 2 pekerja")));
    }

    @Test
    void theRosterTakesAnXlsxUpload() throws Exception {
        var sumbawa = new SponsorshipWorld(context, "52.04", "KC-SUMBAWA");
        String nip = SponsorshipWorld.nip();
        var file = new MockMultipartFile("file", "asn.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                AsnRosterXlsxTests.xlsx(List.of(List.of("nip", "nama", "kode_opd"), List.of(nip, "Sumbawa Roster", "DINKES"))));
        mvc.perform(multipart("/tenants/" + sumbawa.tenant + "/asn-roster/import").file(file).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "1 baris dibaca, 1 disimpan."));
        mvc.perform(get("/tenants/" + sumbawa.tenant + "/asn-roster")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sumbawa Roster"), containsString(".xlsx"))));
        var old = new MockMultipartFile("file", "asn.xls", "application/vnd.ms-excel", new byte[]{1, 2, 3});
        mvc.perform(multipart("/tenants/" + sumbawa.tenant + "/asn-roster/import").file(old).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("simpan dulu sebagai .xlsx"), not(containsString("Exception")))));
    }
}
