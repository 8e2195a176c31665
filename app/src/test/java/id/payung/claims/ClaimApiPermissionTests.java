package id.payung.claims;

import com.jayway.jsonpath.JsonPath;
import id.payung.platform.TenantId;
import id.payung.support.SignedTestTokens;
import id.payung.support.SignedTestTokens.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static id.payung.claims.ClaimsFixtures.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The claims API's rows of docs/permissions.md with Keycloak-shaped bearer tokens: roles that may, roles
 * that may not, a person of another pemda and BPJS staff of another office; problem documents for bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class ClaimApiPermissionTests {

    static final String PEKALONGAN_ALIAS = "3375";
    static final String TEGAL_ALIAS = "3376";

    @Autowired MockMvc mvc;
    @Autowired ClaimsFixtures fixtures;

    TenantId pekalongan;
    UUID worker;

    @BeforeEach
    void aPaidWorker() {
        pekalongan = fixtures.pekalongan();
        fixtures.tegal();
        worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(12), YearMonth.from(today()));
    }

    static Token member(String alias, String role) {
        return SignedTestTokens.person(role + "." + alias, List.of(role), List.of(alias));
    }

    static Token bpjs(String office) {
        return SignedTestTokens.person("bpjs." + office, List.of("bpjs-staff"), List.of()).withClaim("bpjs_office", office);
    }

    private MockHttpServletRequestBuilder report(String kind) {
        return post("/api/v1/tenants/{t}/claims", pekalongan).contentType(MediaType.APPLICATION_JSON).content("""
                {"workerId": "%s", "kind": "%s", "incidentDate": "%s", "incidentPlace": "Rumah duka",
                 "description": "Meninggal dunia karena sakit di rumah.",
                 "beneficiaries": [{"name": "Sri Wahyuni", "relationship": "SPOUSE", "nik": "%s", "bankName": "BRI",
                                    "accountNumber": "0123456789"}]}""".formatted(worker, kind, today().minusDays(1),
                ClaimsFixtures.heirNik()));
    }

    private ResultActions expect(AbstractMockHttpServletRequestBuilder<?> request, Token token, int status) throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }

    private String reported(Token token) throws Exception {
        return JsonPath.read(expect(report("JKM_DEATH"), token, 201).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private AbstractMockHttpServletRequestBuilder<?> upload(String claimId, String type, String name, byte[] content) {
        return multipart("/api/v1/tenants/{t}/claims/{id}/documents", pekalongan, claimId)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content)).param("documentType", type);
    }

    @Test
    void reportingAndReading() throws Exception {
        expect(report("JKM_DEATH"), member(PEKALONGAN_ALIAS, "kepala-daerah"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(report("JKM_DEATH"), member(PEKALONGAN_ALIAS, "opd-head"), 403);
        expect(report("JKM_DEATH"), member(TEGAL_ALIAS, "disnaker-operator"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"))
                .andExpect(content().string(not(containsString("Pekalongan"))));
        expect(report("JKM_DEATH"), bpjs(ClaimsFixtures.TEGAL_OFFICE), 403);
        // an ASN reports only for the workers he registered
        expect(report("JKM_DEATH"), member(PEKALONGAN_ALIAS, "asn-sponsor"), 404);

        String id = JsonPath.read(expect(report("JKM_DEATH"), member(PEKALONGAN_ALIAS, "disnaker-operator"), 201)
                .andExpect(header().string("Location", containsString("/claims/")))
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.total").value(42_000_000))
                .andExpect(jsonPath("$.calculation[0].rule").value("Santunan sekaligus JKM"))
                .andExpect(jsonPath("$.calculation[1].basis").value("24 bulan x Rp500.000, dibayar sekaligus"))
                .andExpect(jsonPath("$.eligibility.incidentMonthPaid").value(true))
                .andReturn().getResponse().getContentAsString(), "$.id");
        expect(report("JKK_DEATH"), bpjs(ClaimsFixtures.PEKALONGAN_OFFICE), 409)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/death-already-claimed"));

        String claim = "/api/v1/tenants/{t}/claims/{id}";
        expect(get(claim, pekalongan, id), member(PEKALONGAN_ALIAS, "disnaker-operator"), 200)
                .andExpect(jsonPath("$.beneficiaries[0].accountNumber").value("0123456789"));
        expect(get(claim, pekalongan, id).header("Accept-Language", "en"), bpjs(ClaimsFixtures.PEKALONGAN_OFFICE), 200)
                .andExpect(jsonPath("$.calculation[1].basis").value("24 months x Rp500,000, paid at once"));
        expect(get(claim, pekalongan, id), member(PEKALONGAN_ALIAS, "kepala-daerah"), 403);
        expect(get(claim, pekalongan, id), member(PEKALONGAN_ALIAS, "asn-sponsor"), 404)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/claim-not-found"));
        expect(get(claim, pekalongan, id), member(TEGAL_ALIAS, "disnaker-operator"), 403);
        expect(get(claim, pekalongan, id), bpjs(ClaimsFixtures.TEGAL_OFFICE), 403);

        String list = "/api/v1/tenants/{t}/claims";
        expect(get(list, pekalongan), member(PEKALONGAN_ALIAS, "kepala-daerah"), 200)
                .andExpect(jsonPath("$.items[*].id", hasItem(id)))
                .andExpect(content().string(not(containsString("Sri Wahyuni"))))
                .andExpect(content().string(not(containsString("0123456789"))));
        expect(get(list, pekalongan), member(PEKALONGAN_ALIAS, "opd-head"), 403);
        expect(get(list, pekalongan), member(TEGAL_ALIAS, "kepala-daerah"), 403);
        expect(get(list + "?status=BOGUS", pekalongan), member(PEKALONGAN_ALIAS, "disnaker-operator"), 400);
        expect(get(list + "/overview", pekalongan), member(PEKALONGAN_ALIAS, "kepala-daerah"), 200)
                .andExpect(jsonPath("$.total").isNumber());
        expect(get(list + "/overview", pekalongan), member(PEKALONGAN_ALIAS, "asn-sponsor"), 403);
        expect(get(list + "/reference-data", pekalongan), member(PEKALONGAN_ALIAS, "disnaker-operator"), 200)
                .andExpect(jsonPath("$.maxDocumentBytes").value(5_242_880))
                .andExpect(jsonPath("$.checklists.JKK_ACCIDENT[?(@.type == 'POLICE_REPORT')].requirement").value(hasItem("TRAFFIC")));
    }

    @Test
    void badInputIsAProblemDocumentNamingEachField() throws Exception {
        expect(post("/api/v1/tenants/{t}/claims", pekalongan).contentType(MediaType.APPLICATION_JSON).content("""
                {"workerId": "%s", "kind": "JKM_DEATH", "incidentDate": "%s", "incidentPlace": "Rumah",
                 "description": "Meninggal dunia.", "beneficiaries": [{"name": "Sri", "relationship": "SPOUSE"}]}"""
                .formatted(worker, today().plusDays(3))), member(PEKALONGAN_ALIAS, "disnaker-operator"), 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("incidentDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("beneficiaries[0].nik")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("beneficiaries[0].bankName")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Kejadian tidak boleh terjadi sesudah hari ini.")));
        expect(post("/api/v1/tenants/{t}/claims", pekalongan).contentType(MediaType.APPLICATION_JSON).content("""
                {"workerId": "%s", "kind": "JKM_DEATH"}""".formatted(UUID.randomUUID())),
                member(PEKALONGAN_ALIAS, "disnaker-operator"), 404)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/worker-not-found"));
    }

    @Test
    void documentsPaymentAndTheirRoles() throws Exception {
        Token operator = member(PEKALONGAN_ALIAS, "disnaker-operator");
        Token staff = bpjs(ClaimsFixtures.PEKALONGAN_OFFICE);
        String id = reported(operator);

        expect(upload(id, "DEATH_CERTIFICATE", "akta.pdf", ClaimsFixtures.PNG), operator, 400)
                .andExpect(jsonPath("$.errors[0].type").value("https://payung.id/problems/file-content-mismatch"));
        expect(upload(id, "DEATH_CERTIFICATE", "akta.pdf", ClaimsFixtures.PDF), member(PEKALONGAN_ALIAS, "kepala-daerah"), 403);
        expect(upload(id, "DEATH_CERTIFICATE", "akta.pdf", ClaimsFixtures.PDF), member(TEGAL_ALIAS, "disnaker-operator"), 403);
        String documentId = null;
        for (String type : List.of("KPJ_CARD", "KTP_WORKER", "KTP_HEIRS", "DEATH_CERTIFICATE", "FAMILY_CARD", "HEIR_STATEMENT", "BANK_BOOK")) {
            documentId = JsonPath.read(expect(upload(id, type, type.toLowerCase() + ".pdf", ClaimsFixtures.PDF), operator, 201)
                    .andReturn().getResponse().getContentAsString(), "$.id");
        }
        String document = "/api/v1/tenants/{t}/claims/{id}/documents/{d}";
        expect(get(document, pekalongan, id, documentId), staff, 200)
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().bytes(ClaimsFixtures.PDF));
        expect(get(document, pekalongan, id, documentId), operator, 200);
        expect(get(document, pekalongan, id, documentId), member(PEKALONGAN_ALIAS, "asn-sponsor"), 403);
        expect(get(document, pekalongan, id, documentId), member(PEKALONGAN_ALIAS, "kepala-daerah"), 403);
        expect(get(document, pekalongan, id, documentId), member(TEGAL_ALIAS, "disnaker-operator"), 403);
        expect(get(document, pekalongan, id, documentId), bpjs(ClaimsFixtures.TEGAL_OFFICE), 403);
        expect(get("/api/v1/tenants/{t}/claims/{id}", pekalongan, id), staff, 200)
                .andExpect(jsonPath("$.history[*].action", hasItem("claim.document-opened")))
                .andExpect(jsonPath("$.history[*].action", hasItem("claim.document-open-refused")));

        String base = "/api/v1/tenants/{t}/claims/{id}";
        MockHttpServletRequestBuilder check = post(base + "/document-check", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content("{}");
        expect(check, operator, 403);
        expect(post(base + "/document-check", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content("{}"), staff, 200)
                .andExpect(jsonPath("$.status").value("COMPLETE")).andExpect(jsonPath("$.dueOn").isNotEmpty());
        expect(post(base + "/decision", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVE\"}"),
                operator, 403);
        expect(post(base + "/decision", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVE\"}"),
                staff, 200).andExpect(jsonPath("$.approvedAmount").value(42_000_000));
        String reference = "{\"reference\": \"SP2D-" + id.substring(0, 8) + "\"}";
        expect(post(base + "/payment", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content(reference), operator, 403);
        expect(post(base + "/payment", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content(reference),
                bpjs(ClaimsFixtures.TEGAL_OFFICE), 403);
        expect(post(base + "/payment", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content(reference), staff, 201)
                .andExpect(jsonPath("$.recorded").value(true)).andExpect(jsonPath("$.payout.amount").value(42_000_000));
        expect(post(base + "/payment", pekalongan, id).contentType(MediaType.APPLICATION_JSON).content(reference), staff, 200)
                .andExpect(jsonPath("$.recorded").value(false));
        expect(post(base + "/payment", pekalongan, id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference\": \"LAIN-" + id.substring(0, 8) + "\"}"), staff, 409)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/claim-already-paid"));
        expect(get("/api/v1/tenants/{t}/claims/{id}", pekalongan, id), operator, 200)
                .andExpect(jsonPath("$.status").value("PAID")).andExpect(jsonPath("$.payouts.length()").value(1));
    }
}
