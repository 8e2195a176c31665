package id.payung.tenancy;

import id.payung.TestTenants;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The permission matrix of docs/permissions.md for the tenancy API, with Keycloak-shaped bearer tokens:
 * for every endpoint a role that may, a role that may not, and a person of another pemda, who gets 403
 * and learns nothing about the pemda.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class TenancyApiPermissionMatrixTests {

    static final String ALIAS_A = "7571";
    static final String ALIAS_B = "7501";

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    TenantId a;
    TenantId b;

    @BeforeEach
    void twoPemdaOfTwoOffices() {
        a = TestTenants.ensureOnboarded(administration, "75.71", "KC-GORONTALO");
        b = TestTenants.ensureOnboarded(administration, "75.01", "KC-LIMBOTO");
    }

    static Token member(String alias, String role) {
        return SignedTestTokens.person(role + "." + alias, List.of(role), List.of(alias));
    }

    static Token bpjs(String office) {
        return SignedTestTokens.person("bpjs." + office, List.of("bpjs-staff"), List.of()).withClaim("bpjs_office", office);
    }

    @Test
    void listingPemda() throws Exception {
        expect(get("/api/v1/tenants"), bpjs("KC-GORONTALO"), 200)
                .andExpect(jsonPath("$.items[*].regionCode", hasSize(1))).andExpect(jsonPath("$.items[0].regionCode").value("75.71"));
        expect(get("/api/v1/tenants"), member(ALIAS_B, "disnaker-operator"), 200)
                .andExpect(jsonPath("$.items[0].regionCode").value("75.01")).andExpect(jsonPath("$.totalItems").value(1));
        expect(get("/api/v1/tenants"), SignedTestTokens.person("nobody", List.of(), List.of()), 200)
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void onboarding() throws Exception {
        String body = "{\"regionCode\": \"75.02\", \"bpjsOfficeCode\": \"KC-BOALEMO\", \"bpjsOfficeName\": \"Kantor Cabang Boalemo\"}";
        expect(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).content(body), member(ALIAS_A, "kepala-daerah"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).content(body), bpjs("KC-BOALEMO"), 201);
    }

    @Test
    void readingAPemdaAndItsHistory() throws Exception {
        expect(get("/api/v1/tenants/{id}", a), member(ALIAS_A, "asn-sponsor"), 200);
        expect(get("/api/v1/tenants/{id}", a), bpjs("KC-GORONTALO"), 200);
        expect(get("/api/v1/tenants/{id}", a), member(ALIAS_B, "kepala-daerah"), 403)
                .andExpect(content().string(not(containsString("Gorontalo"))));
        expect(get("/api/v1/tenants/{id}", a), bpjs("KC-LIMBOTO"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"));
        expect(get("/api/v1/tenants/{id}/history", a), member(ALIAS_A, "disnaker-operator"), 200);
        expect(get("/api/v1/tenants/{id}/history", a), member(ALIAS_B, "disnaker-operator"), 403);
    }

    @Test
    void settingTheTarget() throws Exception {
        String body = "{\"coverageTargetPercent\": 22.5, \"potentialWorkers\": 120000}";
        expect(put("/api/v1/tenants/{id}/target", a).contentType(MediaType.APPLICATION_JSON).content(body), member(ALIAS_A, "kepala-daerah"), 200);
        expect(put("/api/v1/tenants/{id}/target", a).contentType(MediaType.APPLICATION_JSON).content(body), member(ALIAS_A, "asn-sponsor"), 403);
        expect(put("/api/v1/tenants/{id}/target", a).contentType(MediaType.APPLICATION_JSON).content(body), member(ALIAS_B, "kepala-daerah"), 403);
        expect(put("/api/v1/tenants/{id}/target", a).contentType(MediaType.APPLICATION_JSON).content(body), bpjs("KC-GORONTALO"), 200);
    }

    @Test
    void changingTheOfficeAndSuspending() throws Exception {
        String office = "{\"code\": \"KC-GORONTALO\", \"name\": \"BPJS Ketenagakerjaan Kantor Cabang Gorontalo\"}";
        expect(put("/api/v1/tenants/{id}/bpjs-office", a).contentType(MediaType.APPLICATION_JSON).content(office), member(ALIAS_A, "kepala-daerah"), 403);
        expect(put("/api/v1/tenants/{id}/bpjs-office", a).contentType(MediaType.APPLICATION_JSON).content(office), bpjs("KC-LIMBOTO"), 403);
        expect(put("/api/v1/tenants/{id}/bpjs-office", a).contentType(MediaType.APPLICATION_JSON).content(office), bpjs("KC-GORONTALO"), 200);

        String reason = "{\"reason\": \"Uji matriks izin\"}";
        expect(post("/api/v1/tenants/{id}/suspension", a).contentType(MediaType.APPLICATION_JSON).content(reason), member(ALIAS_A, "disnaker-operator"), 403);
        expect(post("/api/v1/tenants/{id}/suspension", a).contentType(MediaType.APPLICATION_JSON).content(reason), bpjs("KC-LIMBOTO"), 403);
        expect(post("/api/v1/tenants/{id}/suspension", a).contentType(MediaType.APPLICATION_JSON).content(reason), bpjs("KC-GORONTALO"), 200);
        expect(delete("/api/v1/tenants/{id}/suspension", a), member(ALIAS_A, "kepala-daerah"), 403);
        expect(delete("/api/v1/tenants/{id}/suspension", a), bpjs("KC-GORONTALO"), 200);
    }

    @Test
    void keepingOpds() throws Exception {
        String opd = "{\"code\": \"DISNAKER-%s\", \"name\": \"Dinas Tenaga Kerja %s\"}".formatted(System.nanoTime(), System.nanoTime());
        expect(post("/api/v1/tenants/{id}/opds", a).contentType(MediaType.APPLICATION_JSON).content(opd), member(ALIAS_A, "asn-sponsor"), 403);
        expect(post("/api/v1/tenants/{id}/opds", a).contentType(MediaType.APPLICATION_JSON).content(opd), member(ALIAS_B, "disnaker-operator"), 403);
        String created = expect(post("/api/v1/tenants/{id}/opds", a).contentType(MediaType.APPLICATION_JSON).content(opd),
                member(ALIAS_A, "disnaker-operator"), 201).andReturn().getResponse().getContentAsString();
        String opdId = com.jayway.jsonpath.JsonPath.read(created, "$.id");

        expect(get("/api/v1/tenants/{id}/opds", a), member(ALIAS_A, "asn-sponsor"), 200);
        expect(get("/api/v1/tenants/{id}/opds", a), member(ALIAS_B, "asn-sponsor"), 403);
        expect(get("/api/v1/tenants/{id}/opds/{opd}", a, opdId), member(ALIAS_B, "disnaker-operator"), 403);
        String rename = "{\"code\": \"DISNAKER-R%s\", \"name\": \"Dinas Tenaga Kerja R%s\"}".formatted(System.nanoTime(), System.nanoTime());
        expect(put("/api/v1/tenants/{id}/opds/{opd}", a, opdId).contentType(MediaType.APPLICATION_JSON).content(rename), member(ALIAS_A, "opd-head"), 403);
        expect(put("/api/v1/tenants/{id}/opds/{opd}", a, opdId).contentType(MediaType.APPLICATION_JSON).content(rename), bpjs("KC-GORONTALO"), 200);
        expect(post("/api/v1/tenants/{id}/opds/{opd}/deactivation", a, opdId), bpjs("KC-LIMBOTO"), 403);
        expect(post("/api/v1/tenants/{id}/opds/{opd}/deactivation", a, opdId), member(ALIAS_A, "disnaker-operator"), 200);
        expect(delete("/api/v1/tenants/{id}/opds/{opd}/deactivation", a, opdId), member(ALIAS_A, "disnaker-operator"), 200);
    }

    @Test
    void regionReferenceDataIsForEverySignedInCaller() throws Exception {
        expect(get("/api/v1/regions/75.71"), member(ALIAS_B, "asn-sponsor"), 200);
        mvc.perform(get("/api/v1/regions/75.71")).andExpect(status().isUnauthorized());
    }

    private org.springframework.test.web.servlet.ResultActions expect(MockHttpServletRequestBuilder request, Token token, int status)
            throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }
}
