package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cycle's pages, in Bahasa Indonesia and in English (dev-no-auth: the developer actor). */
@PayungIntegrationTest
@AutoConfigureMockMvc
class CyclePagesTests extends CycleTestSupport {

    private static final YearMonth JAN = YearMonth.of(2026, 1);

    @Autowired MockMvc mvc;

    @Test
    void anOperatorRunsTheCycleFollowsItApprovesIssuesAndSeesARefusedPaymentFileRowByRow() throws Exception {
        var p = pemda("12.78", "KC-GUNUNGSITOLI");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(t, false, JAN);
        UUID cohort = f.program(t, "APBD_COHORT", true, JAN, null);
        var sponsor = f.sponsor(t, p.disnaker(), "sponsor-" + t, "Rahmat Hidayat");
        f.fund(t, asn, UUID.randomUUID(), JAN, null, sponsor, 1_000_000, false);
        UUID cohortWorker = UUID.randomUUID();
        f.fund(t, cohort, cohortWorker, JAN, null, null, 1_000_000, false);
        String base = "/tenants/" + t;

        mvc.perform(get(base + "/contribution-cycle").param("period", "2026-08"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Siklus iuran bulanan"), containsString("Jalankan siklus 2026-08"))));
        mvc.perform(post(base + "/contribution-cycle/runs").with(csrf()).param("period", "2026-13"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Periode harus berformat TTTT-BB")));
        mvc.perform(post(base + "/contribution-cycle/runs").with(csrf()).param("period", "2026-08"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString(base + "/contribution-cycle/runs/")));
        CycleRun run = SystemWork.call("test", () -> cycle.runs(t, "2026-08")).getFirst();
        mvc.perform(get(base + "/contribution-cycle/runs/" + run.id()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Jalannya siklus 2026-08")));
        eventually(() -> assertThat(SystemWork.call("test", () -> cycle.run(t, run.id())).finished()).isTrue());
        mvc.perform(get(base + "/contribution-cycle/runs/" + run.id()).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Cycle run 2026-08"), containsString("Completed"))));

        mvc.perform(get(base + "/deduction-lists").param("period", "2026-08"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Dinas Tenaga Kerja"), containsString("Menunggu persetujuan"))));
        DeductionList list = SystemWork.call("test", () -> lists.ofPeriod(t, "2026-08")).getFirst();
        mvc.perform(get(base + "/deduction-lists/" + list.id()))
                .andExpect(content().string(allOf(containsString(sponsor.nip()), containsString("Rahmat Hidayat"), containsString("Setujui daftar ini"))));
        mvc.perform(post(base + "/deduction-lists/" + list.id() + "/approval").with(csrf()).param("revision", "7"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("telah dihitung ulang")));
        mvc.perform(post(base + "/deduction-lists/" + list.id() + "/approval").with(csrf()).param("revision", String.valueOf(list.revision())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/deduction-lists/export").param("period", "2026-08").param("format", "CSV"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("potongan-tpp-2026-08.csv")))
                .andExpect(content().string(containsString(sponsor.nip())));

        mvc.perform(post(base + "/invoices").with(csrf()).param("programId", cohort.toString()).param("period", "2026-08"))
                .andExpect(status().is3xxRedirection());
        Invoice invoice = SystemWork.call("test", () -> invoices.list(t, "2026-08")).getFirst();
        mvc.perform(get(base + "/invoices/" + invoice.id()))
                .andExpect(content().string(allOf(containsString(invoice.number()), containsString("Catat pembayaran sisa tagihan"))));
        mvc.perform(post(base + "/invoices/" + invoice.id() + "/payments").with(csrf()).param("amount", "1").param("reference", "TRF-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("tidak sama dengan sisa tagihan")));

        var file = new MockMultipartFile("file", "bayar.csv", "text/csv", ("nomor_tagihan,periode,id_pekerja,jumlah\n"
                + invoice.number() + ",2026-08," + cohortWorker + ",1\n" + invoice.number() + ",2026-08,xyz,16800\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(base + "/payments").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 baris bermasalah; tidak ada pembayaran yang dicatat"), containsString("Rp1 tidak sama dengan iuran terutang Rp16.800"),
                        containsString("&#39;xyz&#39; bukan id pekerja"))));
        mvc.perform(get(base + "/payments").param("lang", "en")).andExpect(content().string(containsString("Upload BPJS&#39;s payment confirmation")));

        mvc.perform(get(base + "/double-funding").param("period", "2026-08")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pendanaan ganda")));
        mvc.perform(get(base + "/contribution-settings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tata letak ekspor daftar potongan untuk BPKAD")));
        mvc.perform(post(base + "/contribution-settings").with(csrf()).param("reactivationRule", "NEW_PAID_MONTH").param("csvSeparator", ";")
                        .param("position.NIP", "1").param("position.NAMA", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Urutan 1 dipakai oleh kolom NIP dan NAMA")));
        mvc.perform(get(base + "/contribution-cycle").param("period", "2026-08").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Monthly contribution cycle"), containsString(invoice.number()))));
    }
}
