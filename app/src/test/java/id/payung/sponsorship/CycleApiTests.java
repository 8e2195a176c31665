package id.payung.sponsorship;

import com.jayway.jsonpath.JsonPath;
import id.payung.TestTenants;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.SignedTestTokens;
import id.payung.support.SignedTestTokens.Token;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.TenantAdministration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cycle's API with Keycloak-shaped bearer tokens: who may do what, in which pemda, and the problem documents. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class CycleApiTests {

    static final String BANDUNG = "3273";
    static final String CIREBON = "3274";
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final String JUL = "2026-07";

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired TenantTransactions transactions;
    @Autowired DSLContext db;

    static Token member(String alias, String role) {
        return SignedTestTokens.person(role + "." + alias, List.of(role), List.of(alias));
    }

    static Token bpjs(String office) {
        return SignedTestTokens.person("bpjs." + office, List.of("bpjs-staff"), List.of()).withClaim("bpjs_office", office);
    }

    /** The subject SignedTestTokens gives a username. */
    static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }

    @Test
    void theCycleFromRunToPaymentThroughTheApiWithItsPermissions() throws Exception {
        var p = SponsorshipFixtures.pemda(administration, opds, "32.73", "KC-BANDUNG");
        TestTenants.ensureOnboarded(administration, "32.74", "KC-CIREBON");
        TenantId t = p.tenant();
        var f = new CycleFixtures(transactions, db);
        UUID asn = f.asnProgram(t, false, JAN);
        UUID cohort = f.program(t, "APBD_COHORT", true, JAN, null);
        var headNaker = f.sponsor(t, p.disnaker(), subjectOf("kadis.naker"), "Kepala Disnaker");
        var headKes = f.sponsor(t, p.dinkes(), subjectOf("kadis.kes"), "Kepala Dinkes");
        f.fund(t, asn, UUID.randomUUID(), JAN, null, headNaker, 1_000_000, false);
        UUID cohortWorker = UUID.randomUUID();
        f.fund(t, cohort, cohortWorker, JAN, null, null, 1_000_000, false);
        Token operator = member(BANDUNG, "disnaker-operator");
        Token kadisNaker = SignedTestTokens.person("kadis.naker", List.of("opd-head", "asn-sponsor"), List.of(BANDUNG));
        Token kadisKes = SignedTestTokens.person("kadis.kes", List.of("opd-head", "asn-sponsor"), List.of(BANDUNG));
        String base = "/api/v1/tenants/" + t;

        // starting: only the pemda's operator; bad periods are problems
        expect(post(base + "/contribution-cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"" + JUL + "\"}"),
                member(BANDUNG, "asn-sponsor"), 403).andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(post(base + "/contribution-cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"" + JUL + "\"}"),
                member(CIREBON, "disnaker-operator"), 403).andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"));
        String future = YearMonth.now(ZoneId.of("Asia/Jakarta")).plusMonths(1).toString();
        expect(post(base + "/contribution-cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"" + future + "\"}"),
                operator, 422).andExpect(jsonPath("$.type").value("https://payung.id/problems/period-in-future"));
        String location = expect(post(base + "/contribution-cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"" + JUL + "\"}"),
                operator, 202).andExpect(jsonPath("$.period").value(JUL)).andReturn().getResponse().getHeader("Location");
        waitForCompletion(location, operator);
        expect(get(location), bpjs("KC-BANDUNG"), 200).andExpect(jsonPath("$.duesTotal").value(2));
        expect(get(location), bpjs("KC-CIREBON"), 403);

        // lists: the operator sees every OPD's, a head his own; only the head of the list's OPD approves
        expect(get(base + "/deduction-lists?period=" + JUL), operator, 200).andExpect(jsonPath("$", hasSize(1)));
        expect(get(base + "/deduction-lists?period=" + JUL), kadisKes, 200).andExpect(jsonPath("$", hasSize(0)));
        String listJson = expect(get(base + "/deduction-lists?period=" + JUL), kadisNaker, 200)
                .andExpect(jsonPath("$[0].opdName").value("Dinas Tenaga Kerja")).andReturn().getResponse().getContentAsString();
        String listId = JsonPath.read(listJson, "$[0].id");
        expect(get(base + "/deduction-lists/" + listId), kadisNaker, 200).andExpect(jsonPath("$.lines.items[0].nip").value(headNaker.nip()))
                .andExpect(jsonPath("$.mayApprove").value(true));
        expect(post(base + "/deduction-lists/" + listId + "/approval").contentType(MediaType.APPLICATION_JSON).content("{\"revision\":1}"),
                kadisKes, 403).andExpect(jsonPath("$.type").value("https://payung.id/problems/not-head-of-list-opd"));
        expect(post(base + "/deduction-lists/" + listId + "/approval").contentType(MediaType.APPLICATION_JSON).content("{}"),
                kadisNaker, 400).andExpect(jsonPath("$.type").value("https://payung.id/problems/revision-required"));
        expect(post(base + "/deduction-lists/" + listId + "/approval").contentType(MediaType.APPLICATION_JSON).content("{\"revision\":1}"),
                kadisNaker, 200).andExpect(jsonPath("$.status").value("APPROVED"));
        expect(get(base + "/deduction-lists/export?period=" + JUL + "&format=XLSX"), operator, 200)
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        expect(get(base + "/deduction-lists/export?period=" + JUL + "&format=PDF"), operator, 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/export-format-unknown"));

        // invoices: issued by the operator, read by BPJS staff of the office
        expect(post(base + "/invoices").contentType(MediaType.APPLICATION_JSON).content("{\"programId\":\"" + cohort + "\",\"period\":\"" + JUL + "\"}"),
                bpjs("KC-BANDUNG"), 403);
        String invoiceJson = expect(post(base + "/invoices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programId\":\"" + cohort + "\",\"period\":\"" + JUL + "\"}"), operator, 201)
                .andExpect(jsonPath("$.amount").value(16_800)).andReturn().getResponse().getContentAsString();
        String invoiceId = JsonPath.read(invoiceJson, "$.id");
        String number = JsonPath.read(invoiceJson, "$.number");
        expect(get(base + "/invoices?period=" + JUL), bpjs("KC-BANDUNG"), 200).andExpect(jsonPath("$", hasSize(1)));
        expect(get(base + "/invoices?period=" + JUL), bpjs("KC-CIREBON"), 403);
        expect(get(base + "/invoices/" + invoiceId + "/lines"), bpjs("KC-BANDUNG"), 200)
                .andExpect(content().string(containsString(number + "," + JUL + "," + cohortWorker + ",16800")));
        expect(get(base + "/invoices"), member(BANDUNG, "kepala-daerah"), 403);

        // payments: a bad file is a 422 listing every row, a good one pays
        var bad = new MockMultipartFile("file", "bayar.csv", "text/csv",
                ("nomor_tagihan,periode,id_pekerja,jumlah\n" + number + "," + JUL + "," + cohortWorker + ",9999\n").getBytes(StandardCharsets.UTF_8));
        expect(multipart(base + "/payments").file(bad), bpjs("KC-BANDUNG"), 422)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/payment-file-refused"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].line").value(2))
                .andExpect(jsonPath("$.rows[0].type").value("https://payung.id/problems/payment-row-amount-mismatch"));
        var good = new MockMultipartFile("file", "bayar.csv", "text/csv",
                ("nomor_tagihan,periode,id_pekerja,jumlah\n" + number + "," + JUL + "," + cohortWorker + ",16800\n").getBytes(StandardCharsets.UTF_8));
        expect(multipart(base + "/payments").file(good), member(BANDUNG, "opd-head"), 403);
        expect(multipart(base + "/payments").file(good), bpjs("KC-BANDUNG"), 201).andExpect(jsonPath("$[0].workers").value(1));
        expect(multipart(base + "/payments").file(good), bpjs("KC-BANDUNG"), 409)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/payment-file-already-recorded"));
        expect(get(base + "/invoices/" + invoiceId), operator, 200).andExpect(jsonPath("$.paidAmount").value(16_800));

        // settings and double funding
        expect(put(base + "/contribution-settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reactivationRule\":\"NEW_PAID_MONTH\",\"csvSeparator\":\";\",\"columns\":[{\"column\":\"NIP\",\"header\":\"NIP\"},{\"column\":\"GAJI\"}]}"),
                operator, 400).andExpect(content().string(containsString("layout-column-unknown")));
        expect(put(base + "/contribution-settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reactivationRule\":\"NEW_PAID_MONTH\",\"csvSeparator\":\";\",\"columns\":[{\"column\":\"NIP\",\"header\":\"NIP\"}]}"),
                member(BANDUNG, "opd-head"), 403);
        expect(put(base + "/contribution-settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reactivationRule\":\"NEW_PAID_MONTH\",\"csvSeparator\":\";\",\"columns\":[{\"column\":\"NIP\",\"header\":\"NIP\"}]}"),
                operator, 200).andExpect(jsonPath("$.layout", hasSize(1)));
        expect(get(base + "/double-funding?period=" + JUL), bpjs("KC-BANDUNG"), 200).andExpect(jsonPath("$.inPemda.totalItems").value(0));
        expect(get(base + "/double-funding?period=" + JUL), member(BANDUNG, "asn-sponsor"), 403);
        expect(post(base + "/contribution-periods/" + JUL + "/closure"), operator, 200).andExpect(jsonPath("$.closed").value(true));
        expect(post(base + "/contribution-cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"" + JUL + "\"}"),
                operator, 409).andExpect(jsonPath("$.type").value("https://payung.id/problems/period-closed"));
    }

    private void waitForCompletion(String location, Token token) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            String body = expect(get(location), token, 200).andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(body, "$.status");
            if (!status.equals("RUNNING")) {
                assertThat(status).isEqualTo("COMPLETED");
                return;
            }
            if (System.nanoTime() > end) throw new AssertionError("run still running: " + body);
            Thread.sleep(100);
        }
    }

    private ResultActions expect(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, Token token,
                                 int status) throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }
}
