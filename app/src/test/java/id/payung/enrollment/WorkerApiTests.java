package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.platform.TenantId;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static id.payung.enrollment.EnrollmentFixtures.BLITAR_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workers API (dev-no-auth: the developer actor), with RFC 9457 problems for refusals. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class WorkerApiTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    @Test
    void registersAWorkerThenGivesBackTheSameOneAndListsHimWithTheNikMasked() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String nik = manNik();
        String id = com.jayway.jsonpath.JsonPath.read(register(kediri, nik, KEDIRI_VILLAGE)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/tenants/" + kediri + "/workers/")))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.birthDate").value("1990-05-17"))
                .andExpect(jsonPath("$.incomeLevelCode").value("L01"))
                .andExpect(jsonPath("$.declaredIncome").value(1_000_000))
                .andExpect(jsonPath("$.jkkPremium").value(10_000))
                .andExpect(jsonPath("$.heirs[0].relationship").value("SPOUSE"))
                .andExpect(jsonPath("$.history[0].action").value("REGISTERED"))
                .andReturn().getResponse().getContentAsString(), "$.id");

        register(kediri, nik, KEDIRI_VILLAGE).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));

        mvc.perform(get("/api/v1/tenants/" + kediri + "/workers").param("occupation", "OJEK").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(id)))
                .andExpect(content().string(not(containsString(nik))))
                .andExpect(content().string(containsString(nik.substring(0, 6) + "********" + nik.substring(14))));
        mvc.perform(post("/api/v1/tenants/" + kediri + "/workers/nik-search").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\": \"" + nik + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/tenants/" + kediri + "/workers/" + id))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nik").value(nik));
        mvc.perform(get("/api/v1/tenants/" + kediri + "/workers/reference-data"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.occupations[*].code", hasItem("GURU_NGAJI")))
                .andExpect(jsonPath("$.incomeLevels[0].income").value(1_000_000));
    }

    @Test
    void aNikOfAnotherProgramIsAConflictWithoutDetailAndBadInputListsEveryField() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        String nik = manNik();
        register(kediri, nik, KEDIRI_VILLAGE).andExpect(status().isCreated());
        register(blitar, nik, BLITAR_VILLAGE)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/registered-elsewhere"))
                .andExpect(jsonPath("$.detail").value(containsString("already registered in another program")))
                .andExpect(content().string(not(containsString("Kediri"))))
                .andExpect(content().string(not(containsString(kediri.toString()))));

        mvc.perform(post("/api/v1/tenants/" + kediri + "/workers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"nik": "35710131029000", "name": "Budi", "birthDate": "1990-02-31", "sex": "MALE", "address": "Jl. Mawar",
                         "villageCode": "%s", "occupationCode": "ASTRONAUT", "heirs": [{"name": "Siti"}]}""".formatted(BLITAR_VILLAGE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("nik")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("birthDate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("villageCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("occupationCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("heirs[0].nik")))
                .andExpect(jsonPath("$.errors[*].type", hasItem("https://payung.id/problems/village-outside-pemda")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("NIK terdiri dari tepat 16 angka.")));
        mvc.perform(post("/api/v1/tenants/" + kediri + "/workers/nik-search").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\": \"" + manNik() + "\"}"))
                .andExpect(status().isNotFound());
    }

    private ResultActions register(TenantId tenant, String nik, String village) throws Exception {
        return mvc.perform(post("/api/v1/tenants/" + tenant + "/workers").contentType(MediaType.APPLICATION_JSON).content("""
                {"nik": "%s", "name": "Budi Santoso", "birthDate": "1990-05-17", "sex": "MALE", "address": "Jl. Mawar 3",
                 "villageCode": "%s", "phone": "081234567890", "occupationCode": "OJEK",
                 "heirs": [{"name": "Siti Aminah", "relationship": "SPOUSE", "nik": "%s"}]}""".formatted(nik, village, womanNik())));
    }
}
