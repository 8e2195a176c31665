package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.support.Acting;
import id.payung.support.SignedTestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ASN sponsor's and the OPD head's pages, signed in as those people (sign-in on, the session's
 * principal set directly: Keycloak is not running here).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class SponsorPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    static RequestPostProcessor as(Actor actor) {
        return authentication(new TestingAuthenticationToken(actor, null, "ROLE_USER"));
    }

    @Test
    void theSponsorReadsTheConsentTicksItAndThenSeesHisWorkerAndTheDeductions() throws Exception {
        var lombok = new SponsorshipWorld(context, "52.01", "KC-LOMBOK-BARAT");
        lombok.asnProgram(false);
        var asn = lombok.asnLinkedInDatabase("Baiq Sponsor", lombok.dinkes, "sponsor-" + UUID.randomUUID());
        Actor sponsor = asn.actor(lombok.tenant);
        String nik = lombok.manNik();
        lombok.registerWorker(nik, "ART");
        String base = "/tenants/" + lombok.tenant + "/my-sponsorships";

        mvc.perform(get(base).with(as(sponsor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sponsor saya"), containsString("Baiq Sponsor"),
                        containsString("Anda belum mensponsori pekerja"), containsString("Yang akan dipotong dari TPP Anda"))));
        mvc.perform(get(base + "/new").with(as(sponsor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Asisten rumah tangga (ART)"), containsString("Pekerja baru"))));
        // A NIK typed wrong is explained and kept.
        mvc.perform(post(base + "/new").with(as(sponsor)).with(csrf()).param("mode", "EXISTING").param("nik", "12345")
                        .param("relationship", "ART").param("firstPeriod", thisMonth().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("NIK terdiri dari tepat 16 angka"), containsString("value=\"12345\""))));
        // Checking shows the consent text with its hash; saving without ticking is refused, ticking saves.
        String page = mvc.perform(post(base + "/new").with(as(sponsor)).with(csrf()).param("mode", "EXISTING").param("nik", nik)
                        .param("relationship", "ART").param("firstPeriod", thisMonth().toString()).param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Persetujuan pemotongan TPP"), containsString("Saya, Baiq Sponsor"),
                        containsString("Setujui dan simpan"), not(containsString(nik + ")")))))
                .andReturn().getResponse().getContentAsString();
        Matcher hash = Pattern.compile("name=\"consentSha256\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(hash.find()).isTrue();
        mvc.perform(post(base + "/new").with(as(sponsor)).with(csrf()).param("mode", "EXISTING").param("nik", nik)
                        .param("relationship", "ART").param("firstPeriod", thisMonth().toString()).param("action", "confirm")
                        .param("consentSha256", hash.group(1)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Centang pernyataan persetujuan")));
        mvc.perform(post(base + "/new").with(as(sponsor)).with(csrf()).param("mode", "EXISTING").param("nik", nik)
                        .param("relationship", "ART").param("firstPeriod", thisMonth().toString()).param("action", "confirm")
                        .param("consentSha256", hash.group(1)).param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base));
        mvc.perform(get(base).with(as(sponsor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Budi Santoso"), containsString("Lihat persetujuan"), containsString("Per pekerja"),
                        containsString("Rp" + String.format("%,d", SponsorshipWorld.expectedPremium(thisMonth(), false, false)).replace(',', '.')))));
        mvc.perform(get(base).with(as(sponsor)).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("What will be deducted from your TPP")));
    }

    @Test
    void theOpdHeadSeesHisOpdAndTheAsnNotTakingPartAndAnAsnWithoutALinkIsTold() throws Exception {
        var lotim = new SponsorshipWorld(context, "52.03", "KC-LOMBOK-TIMUR");
        var head = lotim.asnLinkedInDatabase("Kepala Disnaker Lotim", lotim.disnaker, "head-" + UUID.randomUUID());
        var idle = lotim.asnLinkedInDatabase("Belum Ikut Lotim", lotim.disnaker, "idle-" + UUID.randomUUID());
        Actor headActor = Acting.person(head.subject(), Optional.of(lotim.tenant), Role.OPD_HEAD, Role.ASN_SPONSOR);
        mvc.perform(get("/tenants/" + lotim.tenant + "/opd-participation/mine").with(as(headActor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Partisipasi OPD saya"), containsString("Dinas Tenaga Kerja"),
                        containsString(idle.nip()), containsString("Belum Ikut Lotim"), containsString("Peringkat"))));
        Actor unlinked = Acting.person("nobody-" + UUID.randomUUID(), Optional.of(lotim.tenant), Role.ASN_SPONSOR);
        mvc.perform(get("/tenants/" + lotim.tenant + "/my-sponsorships").with(as(unlinked)))
                .andExpect(content().string(containsString("Akun Anda belum terhubung dengan NIP yang disetujui")));
        Actor kepala = lotim.kepala();
        mvc.perform(get("/").with(as(kepala))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-link=\"participation\""), containsString("Program pembiayaan"))));
    }
}
