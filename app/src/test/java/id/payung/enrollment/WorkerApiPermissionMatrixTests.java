package id.payung.enrollment;

import id.payung.platform.TenantId;
import id.payung.support.SignedTestTokens;
import id.payung.support.SignedTestTokens.Token;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workers API's rows of docs/permissions.md with Keycloak-shaped bearer tokens: a role that may, a
 * role that may not, a person of another pemda and BPJS staff of another office.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class WorkerApiPermissionMatrixTests {

    static final String KEDIRI_ALIAS = "3571";
    static final String BLITAR_ALIAS = "3572";

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    TenantId kediri;

    @BeforeEach
    void twoPemda() {
        kediri = EnrollmentFixtures.kediri(administration);
        EnrollmentFixtures.blitar(administration);
    }

    static Token member(String alias, String role) {
        return SignedTestTokens.person(role + "." + alias, List.of(role), List.of(alias));
    }

    static Token bpjs(String office) {
        return SignedTestTokens.person("bpjs." + office, List.of("bpjs-staff"), List.of()).withClaim("bpjs_office", office);
    }

    @Test
    void registering() throws Exception {
        expect(register(), member(KEDIRI_ALIAS, "asn-sponsor"), 201);
        expect(register(), member(KEDIRI_ALIAS, "disnaker-operator"), 201);
        expect(register(), bpjs("KC-KEDIRI"), 201);
        expect(register(), member(KEDIRI_ALIAS, "kepala-daerah"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(register(), member(KEDIRI_ALIAS, "opd-head"), 403);
        expect(register(), member(BLITAR_ALIAS, "disnaker-operator"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"))
                .andExpect(content().string(not(containsString("Kediri"))));
        expect(register(), bpjs("KC-BLITAR"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"));
    }

    @Test
    void listingAndReading() throws Exception {
        expect(get("/api/v1/tenants/{id}/workers", kediri), member(KEDIRI_ALIAS, "disnaker-operator"), 200);
        expect(get("/api/v1/tenants/{id}/workers", kediri), bpjs("KC-KEDIRI"), 200);
        expect(get("/api/v1/tenants/{id}/workers", kediri), member(KEDIRI_ALIAS, "asn-sponsor"), 200);
        expect(get("/api/v1/tenants/{id}/workers", kediri), member(KEDIRI_ALIAS, "kepala-daerah"), 403);
        expect(get("/api/v1/tenants/{id}/workers", kediri), member(BLITAR_ALIAS, "disnaker-operator"), 403);
        expect(post("/api/v1/tenants/{id}/workers/nik-search", kediri).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nik\": \"" + manNik() + "\"}"), member(BLITAR_ALIAS, "disnaker-operator"), 403);
    }

    private MockHttpServletRequestBuilder register() {
        return post("/api/v1/tenants/{id}/workers", kediri).contentType(MediaType.APPLICATION_JSON).content("""
                {"nik": "%s", "name": "Budi Santoso", "birthDate": "1990-05-17", "sex": "MALE", "address": "Jl. Mawar 3",
                 "villageCode": "%s", "occupationCode": "PETANI",
                 "heirs": [{"name": "Siti Aminah", "relationship": "SPOUSE", "nik": "%s"}]}""".formatted(manNik(), KEDIRI_VILLAGE, womanNik()));
    }

    private ResultActions expect(MockHttpServletRequestBuilder request, Token token, int status) throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }
}
