package id.payung.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without the dev-no-auth profile nothing but health and static assets is open. */
@SpringBootTest
@AutoConfigureMockMvc
class DefaultProfileSecurityTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theDefaultProfileOpensNoPageAndNoApi() throws Exception {
        mvc.perform(get("/api/v1/tenants")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tenants")).andExpect(status().isUnauthorized());
        mvc.perform(get("/tenants")).andExpect(status().isUnauthorized());
        mvc.perform(get("/")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthAndStylesheetStayReachable() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/css/payung.css")).andExpect(status().isOk());
    }
}
