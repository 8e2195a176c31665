package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registration and roster pages (dev-no-auth: the developer actor, provisioning off). */
@PayungIntegrationTest
@AutoConfigureMockMvc
class AsnPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;

    @Test
    void theRegistrationPageListsPemdaThenOpdsAndExplainsARefusedNipInIndonesianKeepingWhatWasTyped() throws Exception {
        var magelang = SponsorshipFixtures.pemda(administration, opds, "33.71", "KC-MAGELANG");
        mvc.perform(get("/asn/registration"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pendaftaran ASN"), containsString("Kota Magelang"))));
        mvc.perform(get("/asn/registration").param("tenantId", magelang.tenant().toString()))
                .andExpect(content().string(allOf(containsString("Dinas Tenaga Kerja"), containsString("Dinas Kesehatan"))));
        mvc.perform(post("/asn/registration").with(csrf()).param("tenantId", magelang.tenant().toString())
                        .param("opdId", magelang.disnaker().id().toString()).param("nip", "198002302005011001").param("birthDate", "1980-02-28"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("bukan tanggal lahir yang ada"),
                        containsString("value=\"198002302005011001\""))));
        mvc.perform(post("/asn/registration").with(csrf()).param("tenantId", magelang.tenant().toString())
                        .param("opdId", magelang.disnaker().id().toString()).param("nip", "198002282005011001").param("birthDate", "1980-02-28"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/asn/registration"));
    }

    @Test
    void aRefusedCsvUploadShowsEveryBadLine() throws Exception {
        var magelang = SponsorshipFixtures.pemda(administration, opds, "33.71", "KC-MAGELANG");
        var file = new MockMultipartFile("file", "asn.csv", "text/csv",
                "nip,nama,kode_opd\n123,Budi Santoso,DISNAKER\n198503152010011001,Ani Susanti,XYZ\n".getBytes());
        mvc.perform(multipart("/tenants/" + magelang.tenant() + "/asn-roster/import").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Baris 2"), containsString("Baris 3"),
                        containsString("tepat 18 angka"), containsString("Kode OPD &#39;XYZ&#39; bukan OPD aktif"),
                        containsString("tidak ada satu baris pun yang disimpan"))));
    }
}
