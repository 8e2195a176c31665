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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static id.payung.enrollment.WorkerApiPermissionMatrixTests.BLITAR_ALIAS;
import static id.payung.enrollment.WorkerApiPermissionMatrixTests.KEDIRI_ALIAS;
import static id.payung.enrollment.WorkerApiPermissionMatrixTests.bpjs;
import static id.payung.enrollment.WorkerApiPermissionMatrixTests.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The verification and deactivation endpoints with Keycloak-shaped bearer tokens. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class WorkerVerificationApiTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;
    @Autowired id.payung.platform.TenantTransactions transactions;
    @Autowired id.payung.platform.AuditTrail audit;

    TenantId kediri;

    @BeforeEach
    void twoPemda() {
        kediri = EnrollmentFixtures.kediri(administration);
        EnrollmentFixtures.blitar(administration);
    }

    @Test
    void onlyBpjsStaffOfTheAdministeringOfficeVerifyAndBadKpjsAreProblems() throws Exception {
        String worker = registerWorker();
        expect(verify(worker, WorkerLifecycleTests.newKpj()), member(KEDIRI_ALIAS, "disnaker-operator"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(verify(worker, WorkerLifecycleTests.newKpj()), member(KEDIRI_ALIAS, "asn-sponsor"), 403);
        expect(verify(worker, WorkerLifecycleTests.newKpj()), member(BLITAR_ALIAS, "disnaker-operator"), 403);
        expect(verify(worker, WorkerLifecycleTests.newKpj()), bpjs("KC-BLITAR"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"));
        expect(verify(worker, "12-34"), bpjs("KC-KEDIRI"), 400)
                .andExpect(content().string(containsString("kpj-format")));

        String kpj = WorkerLifecycleTests.newKpj();
        expect(verify(worker, kpj), bpjs("KC-KEDIRI"), 200)
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.kpj").value(kpj));
        expect(verify(worker, WorkerLifecycleTests.newKpj()), bpjs("KC-KEDIRI"), 409)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/worker-status-change-refused"));
        String other = registerWorker();
        expect(verify(other, kpj), bpjs("KC-KEDIRI"), 409)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/kpj-taken"));
        expect(get("/api/v1/tenants/{id}/workers/{w}", kediri, worker), bpjs("KC-KEDIRI"), 200)
                .andExpect(jsonPath("$.history[0].action").value("VERIFIED"));
    }

    @Test
    void operatorsAndBpjsStaffDeactivateOthersMayNot() throws Exception {
        String worker = registerWorker();
        String today = Nik.today().toString();
        expect(deactivate(worker, "INACTIVE", "MENINGGAL", today), member(KEDIRI_ALIAS, "asn-sponsor"), 403);
        expect(deactivate(worker, "INACTIVE", "MENINGGAL", today), member(KEDIRI_ALIAS, "kepala-daerah"), 403);
        expect(deactivate(worker, "INACTIVE", "MENINGGAL", today), member(BLITAR_ALIAS, "disnaker-operator"), 403);
        expect(deactivate(worker, "INACTIVE", "MENINGGAL", today), bpjs("KC-BLITAR"), 403);
        expect(deactivate(worker, "INACTIVE", "MENINGGAL", Nik.today().plusDays(3).toString()),
                member(KEDIRI_ALIAS, "disnaker-operator"), 400)
                .andExpect(content().string(containsString("deactivation-date-future")));

        expect(deactivate(worker, "INACTIVE", "BERHENTI_BEKERJA", today), member(KEDIRI_ALIAS, "disnaker-operator"), 200)
                .andExpect(jsonPath("$.status").value("INACTIVE"))
                .andExpect(content().string(not(containsString("nik"))));
        expect(deactivate(worker, "ENDED", "MENINGGAL", today), bpjs("KC-KEDIRI"), 200)
                .andExpect(jsonPath("$.status").value("ENDED"));
    }

    @Test
    void operatorsAndBpjsStaffReactivateAnInactiveWorkerWithAReasonOthersMayNot() throws Exception {
        String worker = registerWorker();
        String today = Nik.today().toString();
        expect(reactivate(worker, "Bekerja lagi"), member(KEDIRI_ALIAS, "disnaker-operator"), 409)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/worker-status-change-refused"));
        expect(deactivate(worker, "INACTIVE", "BERHENTI_BEKERJA", today), member(KEDIRI_ALIAS, "disnaker-operator"), 200);
        expect(reactivate(worker, "Bekerja lagi"), member(KEDIRI_ALIAS, "asn-sponsor"), 403);
        expect(reactivate(worker, "Bekerja lagi"), member(BLITAR_ALIAS, "disnaker-operator"), 403);
        expect(reactivate(worker, "Bekerja lagi"), bpjs("KC-BLITAR"), 403);
        expect(reactivate(worker, " "), member(KEDIRI_ALIAS, "disnaker-operator"), 400)
                .andExpect(content().string(containsString("enrollment-required")));

        expect(reactivate(worker, "Bekerja lagi"), bpjs("KC-KEDIRI"), 200)
                .andExpect(jsonPath("$.status").value("REGISTERED"));
        expect(get("/api/v1/tenants/{id}/workers/{w}", kediri, worker), bpjs("KC-KEDIRI"), 200)
                .andExpect(jsonPath("$.history[0].action").value("REACTIVATED"));
    }

    @Test
    void theBatchExportIsForBpjsStaffAndABadResultFileIsA422WithItsRows() throws Exception {
        registerWorker();
        expect(get("/api/v1/tenants/{id}/workers/verification-batch", kediri), bpjs("KC-KEDIRI"), 200)
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("worker_id,nik,nama,tanggal_lahir")));
        expect(get("/api/v1/tenants/{id}/workers/verification-batch", kediri), member(KEDIRI_ALIAS, "disnaker-operator"), 403);
        expect(get("/api/v1/tenants/{id}/workers/verification-batch", kediri), bpjs("KC-BLITAR"), 403);
        expect(post("/api/v1/tenants/{id}/workers/verification-results", kediri).contentType("text/csv")
                .content("nik,kpj\n" + manNik() + "," + WorkerLifecycleTests.newKpj() + "\n"), bpjs("KC-KEDIRI"), 422)
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].problem").value("verification-batch-unknown-nik"));
        String worker = registerWorker();
        String nik = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/tenants/{id}/workers/{w}", kediri, worker)
                .header("Authorization", bpjs("KC-KEDIRI").bearer())).andReturn().getResponse().getContentAsString(), "$.nik");
        mvc.perform(multipart("/api/v1/tenants/{id}/workers/verification-results", kediri)
                .file(new MockMultipartFile("file", "hasil.csv", "text/csv",
                        ("nik,kpj\n" + nik + "," + WorkerLifecycleTests.newKpj() + "\n").getBytes()))
                        .header("Authorization", bpjs("KC-KEDIRI").bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true)).andExpect(jsonPath("$.verified").value(1));
    }

    @Test
    void onlyBpjsStaffLearnWhereANikIsRegisteredAndTheLookupIsAudited() throws Exception {
        String worker = registerWorker();
        String nik = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/tenants/{id}/workers/{w}", kediri, worker)
                .header("Authorization", bpjs("KC-KEDIRI").bearer())).andReturn().getResponse().getContentAsString(), "$.nik");
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        // BPJS staff working in Blitar learn that the person is a member in Kediri
        mvc.perform(post("/api/v1/tenants/{id}/workers/membership-lookup", blitar).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\": \"" + nik + "\"}").header("Authorization", bpjs("KC-BLITAR").bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.pemdaName").value(containsString("Kediri")));
        mvc.perform(post("/api/v1/tenants/{id}/workers/membership-lookup", blitar).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\": \"" + manNik() + "\"}").header("Authorization", bpjs("KC-BLITAR").bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.registered").value(false));
        expect(post("/api/v1/tenants/{id}/workers/membership-lookup", blitar).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nik\": \"12\"}"), bpjs("KC-BLITAR"), 400);
        // who may not: the operators of either pemda, BPJS staff of an office not administering the asking pemda
        expect(post("/api/v1/tenants/{id}/workers/membership-lookup", blitar).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nik\": \"" + nik + "\"}"), member(BLITAR_ALIAS, "disnaker-operator"), 403)
                .andExpect(content().string(not(containsString("Kediri"))));
        expect(post("/api/v1/tenants/{id}/workers/membership-lookup", kediri).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nik\": \"" + nik + "\"}"), member(KEDIRI_ALIAS, "disnaker-operator"), 403);
        expect(post("/api/v1/tenants/{id}/workers/membership-lookup", blitar).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nik\": \"" + nik + "\"}"), bpjs("KC-KEDIRI"), 403)
                .andExpect(content().string(not(containsString("Kediri"))));
        var entries = id.payung.support.Acting.as(EnrollmentFixtures.operator(blitar),
                () -> transactions.readInTenant(blitar, () -> audit.recent(20)));
        org.assertj.core.api.Assertions.assertThat(entries).anySatisfy(e ->
                org.assertj.core.api.Assertions.assertThat(e.action()).isEqualTo("worker.membership-lookup"));
        org.assertj.core.api.Assertions.assertThat(entries.toString()).doesNotContain(nik);
    }

    private String registerWorker() throws Exception {
        String body = mvc.perform(post("/api/v1/tenants/{id}/workers", kediri).contentType(MediaType.APPLICATION_JSON).content("""
                        {"nik": "%s", "name": "Budi Santoso", "birthDate": "1990-05-17", "sex": "MALE", "address": "Jl. Mawar 3",
                         "villageCode": "%s", "occupationCode": "PETANI",
                         "heirs": [{"name": "Siti Aminah", "relationship": "SPOUSE", "nik": "%s"}]}""".formatted(manNik(), KEDIRI_VILLAGE, womanNik()))
                        .header("Authorization", member(KEDIRI_ALIAS, "disnaker-operator").bearer()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.id");
    }

    private MockHttpServletRequestBuilder verify(String worker, String kpj) {
        return post("/api/v1/tenants/{id}/workers/{w}/verification", kediri, worker).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kpj\": \"" + kpj + "\"}");
    }

    private MockHttpServletRequestBuilder deactivate(String worker, String status, String reason, String date) {
        return post("/api/v1/tenants/{id}/workers/{w}/deactivation", kediri, worker).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"%s\", \"reason\": \"%s\", \"date\": \"%s\"}".formatted(status, reason, date));
    }

    private MockHttpServletRequestBuilder reactivate(String worker, String reason) {
        return post("/api/v1/tenants/{id}/workers/{w}/reactivation", kediri, worker).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"%s\"}".formatted(reason));
    }

    private ResultActions expect(MockHttpServletRequestBuilder request, Token token, int status) throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }
}
