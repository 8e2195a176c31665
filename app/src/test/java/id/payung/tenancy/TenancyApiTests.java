package id.payung.tenancy;

import id.payung.PayungIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tenancy JSON API as an integration would use it, on the real database. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class TenancyApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void onboardsACityWithKindNameAndProvinceFollowingFromTheRegionCode() throws Exception {
        onboard("35.78", "KC-SURABAYA")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/tenants/")))
                .andExpect(jsonPath("$.kind").value("KOTA"))
                .andExpect(jsonPath("$.name").value("Kota Surabaya"))
                .andExpect(jsonPath("$.provinceName").value("Jawa Timur"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.bpjsOffice.code").value("KC-SURABAYA"));
        mvc.perform(get("/api/v1/tenants").param("q", "surabaya"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].regionCode").value("35.78"));
    }

    @Test
    void onboardsAProvinceAndARegencyAcceptingCodesWithoutDots() throws Exception {
        onboard("51", "KC-DENPASAR").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PROVINSI")).andExpect(jsonPath("$.name").value("Provinsi Bali"));
        onboard("3507", "KC-MALANG").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("KABUPATEN")).andExpect(jsonPath("$.regionCode").value("35.07"));
    }

    @Test
    void refusesADuplicatePemdaWithoutChangingTheFirst() throws Exception {
        onboard("35.79", "KC-BATU").andExpect(status().isCreated());
        onboard("35.79", "KC-OTHER")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-already-onboarded"))
                .andExpect(jsonPath("$.detail").value(containsString("Kota Batu")));
        mvc.perform(get("/api/v1/tenants").param("q", "35.79"))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].bpjsOffice.code").value("KC-BATU"));
    }

    @Test
    void refusesMalformedUnknownAndNonPemdaRegionCodesWithSpecificProblemsAndStoresNothing() throws Exception {
        onboard("32.7x", "KC-X")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].type").value("https://payung.id/problems/malformed-region-code"));
        onboard("99.98", "KC-X")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/unknown-region-code"));
        onboard("32.72.01", "KC-X")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/region-not-a-pemda"));
        mvc.perform(get("/api/v1/tenants").param("q", "KC-X")).andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void reportsEveryInvalidFieldAtOnceInTheRequestedLanguage() throws Exception {
        mvc.perform(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("""
                                {"regionCode": "", "bpjsOfficeCode": "kc sukabumi!", "bpjsOfficeName": "x",
                                 "coverageTargetPercent": 120.555, "potentialWorkers": -1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors", hasSize(5)))
                .andExpect(jsonPath("$.errors[?(@.field == 'coverageTargetPercent')].message")
                        .value(hasItem(containsString("at most 100"))));
        mvc.perform(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/malformed-request"))
                .andExpect(jsonPath("$.title").value("Permintaan tidak dapat dibaca"));
    }

    @Test
    void aSuspendedPemdaRefusesEveryWriteAndKeepsItsDataUntilReactivated() throws Exception {
        String id = idOf(onboard("35.10", "KC-BANYUWANGI").andExpect(status().isCreated()));
        mvc.perform(put("/api/v1/tenants/{id}/target", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"coverageTargetPercent\": 20, \"potentialWorkers\": 500000}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tenants/{id}/suspension", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Perjanjian kerja sama berakhir\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"));

        mvc.perform(put("/api/v1/tenants/{id}/target", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"coverageTargetPercent\": 50, \"potentialWorkers\": 1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-suspended"));
        mvc.perform(put("/api/v1/tenants/{id}/bpjs-office", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"KC-OTHER\", \"name\": \"Kantor lain\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/tenants/{id}/opds", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"DISNAKER\", \"name\": \"Dinas Tenaga Kerja\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/tenants/{id}/suspension", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"lagi\"}")).andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/tenants/{id}", id))
                .andExpect(jsonPath("$.coverageTargetPercent").value(20.0))
                .andExpect(jsonPath("$.bpjsOffice.code").value("KC-BANYUWANGI"));
        mvc.perform(get("/api/v1/tenants/{id}/opds", id)).andExpect(jsonPath("$.totalItems").value(0));

        mvc.perform(delete("/api/v1/tenants/{id}/suspension", id))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post("/api/v1/tenants/{id}/opds", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"DISNAKER\", \"name\": \"Dinas Tenaga Kerja\"}")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/tenants/{id}/history", id))
                .andExpect(jsonPath("$[0].action").value("opd.registered"))
                .andExpect(jsonPath("$[1].action").value("tenant.reactivated"))
                .andExpect(jsonPath("$[2].action").value("tenant.suspended"));
    }

    @Test
    void keepsTheOpdListWithUniqueCodesSearchPagingAndDeactivation() throws Exception {
        String id = idOf(onboard("35.15", "KC-SIDOARJO").andExpect(status().isCreated()));
        for (String[] opd : new String[][]{{"disnaker", "Dinas Tenaga Kerja"}, {"DINKES", "Dinas Kesehatan"},
                {"BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"}}) {
            mvc.perform(post("/api/v1/tenants/{id}/opds", id).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\": \"" + opd[0] + "\", \"name\": \"" + opd[1] + "\"}")).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/tenants/{id}/opds", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"DISNAKER\", \"name\": \"Dinas Lain\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/opd-code-taken"));
        mvc.perform(post("/api/v1/tenants/{id}/opds", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"DISNAKER2\", \"name\": \"dinas tenaga kerja\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/opd-name-taken"));

        mvc.perform(get("/api/v1/tenants/{id}/opds", id).param("size", "2"))
                .andExpect(jsonPath("$.items", hasSize(2))).andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items[0].name").value("Badan Pengelolaan Keuangan dan Aset Daerah"));
        String dinkes = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/tenants/{id}/opds", id).param("q", "kesehatan"))
                .andExpect(jsonPath("$.items", hasSize(1))).andReturn().getResponse().getContentAsString(), "$.items[0].id");

        mvc.perform(put("/api/v1/tenants/{id}/opds/{opd}", id, dinkes).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"DINKES\", \"name\": \"Dinas Kesehatan dan KB\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Dinas Kesehatan dan KB"));
        mvc.perform(post("/api/v1/tenants/{id}/opds/{opd}/deactivation", id, dinkes))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/tenants/{id}/opds", id)).andExpect(jsonPath("$.totalItems").value(2));
        mvc.perform(get("/api/v1/tenants/{id}/opds", id).param("includeInactive", "true")).andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    void refusesMalformedIdsAndOversizedPages() throws Exception {
        mvc.perform(get("/api/v1/tenants/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/malformed-tenant-id"));
        mvc.perform(get("/api/v1/tenants").param("size", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/invalid-page"));
        mvc.perform(get("/api/v1/tenants").param("status", "GONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/invalid-parameter"));
    }

    @Test
    void looksUpRegionsAndPublishesTheOpenApiDescription() throws Exception {
        mvc.perform(get("/api/v1/regions/32.72"))
                .andExpect(jsonPath("$.name").value("Kota Sukabumi")).andExpect(jsonPath("$.level").value("REGENCY"));
        mvc.perform(get("/api/v1/regions/3272/children")).andExpect(jsonPath("$", hasSize(7)));
        mvc.perform(get("/api/v1/regions/99")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/regions")).andExpect(jsonPath("$", hasSize(38)));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Payung API"))
                .andExpect(jsonPath("$.paths['/api/v1/tenants'].post").exists());
    }

    private ResultActions onboard(String regionCode, String office) throws Exception {
        return mvc.perform(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).content("""
                {"regionCode": "%s", "bpjsOfficeCode": "%s", "bpjsOfficeName": "BPJS Ketenagakerjaan %s"}"""
                .formatted(regionCode, office, office)));
    }

    private static String idOf(ResultActions created) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
