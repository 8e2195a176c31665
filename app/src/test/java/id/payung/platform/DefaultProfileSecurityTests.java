package id.payung.platform;

import id.payung.support.SignedTestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The default (production) profile: pages need a Keycloak sign-in, the API a bearer token. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class DefaultProfileSecurityTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiAnswersNothingWithoutABearerToken() throws Exception {
        mvc.perform(get("/api/v1/tenants")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tenants")).andExpect(status().isUnauthorized());
        // The API description is for signed-in people (Swagger UI runs in their session).
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
    }

    @Test
    void pagesSendTheBrowserToKeycloakWithPkce() throws Exception {
        mvc.perform(get("/tenants")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection())
                .andExpect(header -> {
                    String location = header.getResponse().getRedirectedUrl();
                    org.assertj.core.api.Assertions.assertThat(location)
                            .startsWith("http://127.0.0.1:8180/realms/payung/protocol/openid-connect/auth")
                            .contains("client_id=payung-web", "code_challenge_method=S256", "code_challenge=")
                            .doesNotContain("prompt=create");
                });
        mvc.perform(get("/oauth2/authorization/keycloak").param("register", ""))
                .andExpect(header -> org.assertj.core.api.Assertions.assertThat(header.getResponse().getRedirectedUrl())
                        .contains("prompt=create"));
    }

    @Test
    void theLandingPageHealthAndStylesheetArePublic() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sign-in\"")))
                .andExpect(content().string(containsString("Daftar sebagai ASN")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/css/payung.css")).andExpect(status().isOk());
    }

    @Test
    void tokensFromAnotherIssuerForAnotherAudienceExpiredOrForgedAreRefused() throws Exception {
        var staff = SignedTestTokens.person("bpjs.test", java.util.List.of("bpjs-staff"), java.util.List.of())
                .withClaim("bpjs_office", "KC-TEST");
        mvc.perform(get("/api/v1/tenants").header("Authorization", staff.bearer())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/tenants").header("Authorization", staff.issuedBy("http://127.0.0.1:8180/realms/other").bearer()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tenants").header("Authorization", staff.forAudience("account").bearer()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tenants").header("Authorization", staff.expired().bearer()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tenants").header("Authorization", staff.signedByAnotherKey().bearer()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tenants").header("Authorization", "Bearer not.a.token"))
                .andExpect(status().isUnauthorized());
    }
}
