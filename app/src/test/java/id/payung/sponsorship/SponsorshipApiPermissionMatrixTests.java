package id.payung.sponsorship;

import com.jayway.jsonpath.JsonPath;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantTransactions;
import id.payung.support.SignedTestTokens;
import id.payung.support.SignedTestTokens.Token;
import id.payung.tenancy.OpdId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static id.payung.sponsorship.persistence.jooq.Tables.ASN_ACCOUNT_LINK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sponsorship API's rows of docs/permissions.md with Keycloak-shaped bearer tokens: the roles that
 * may, roles that may not, a person of another pemda and BPJS staff of another office.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class SponsorshipApiPermissionMatrixTests {

    static final String GIANYAR = "5104";
    static final String KLUNGKUNG = "5105";
    static final String PROBLEMS = "https://payung.id/problems/";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired TenantTransactions transactions;
    @Autowired DSLContext db;

    SponsorshipWorld gianyar;

    @BeforeEach
    void twoPemdaAnAsnProgramAndLinkedAccounts() {
        gianyar = new SponsorshipWorld(context, "51.04", "KC-GIANYAR");
        new SponsorshipWorld(context, "51.05", "KC-KLUNGKUNG");
        gianyar.asnProgram(false);
        link(member(GIANYAR, "asn-sponsor"), gianyar.dinkes.id());
        link(member(GIANYAR, "opd-head"), gianyar.disnaker.id());
    }

    /** An approved account link for the token's subject, written as the roster approval would (Keycloak is not running here). */
    void link(Token token, OpdId opd) {
        String subject = UUID.nameUUIDFromBytes(token.username().getBytes()).toString();
        SystemWork.run("test", () -> transactions.inTenant(gianyar.tenant, () -> {
            if (db.fetchExists(ASN_ACCOUNT_LINK, ASN_ACCOUNT_LINK.SUBJECT.eq(subject))) return;
            String nip = SponsorshipWorld.nip();
            db.insertInto(ASN_ACCOUNT_LINK).set(ASN_ACCOUNT_LINK.TENANT_ID, gianyar.tenant.value())
                    .set(ASN_ACCOUNT_LINK.LINK_ID, UUID.randomUUID()).set(ASN_ACCOUNT_LINK.SUBJECT, subject)
                    .set(ASN_ACCOUNT_LINK.NIP, nip).set(ASN_ACCOUNT_LINK.OPD_ID, opd.value()).set(ASN_ACCOUNT_LINK.STATUS, "APPROVED")
                    .set(ASN_ACCOUNT_LINK.DECIDED_BY, "roster").set(ASN_ACCOUNT_LINK.DECIDED_AT, java.time.OffsetDateTime.now()).execute();
        }));
    }

    static Token member(String alias, String role) {
        return SignedTestTokens.person(role + "." + alias, List.of(role), List.of(alias));
    }

    static Token bpjs(String office) {
        return SignedTestTokens.person("bpjs." + office, List.of("bpjs-staff"), List.of()).withClaim("bpjs_office", office);
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder createProgram() {
        return json(post("/api/v1/tenants/{t}/funding-programs", gianyar.tenant), """
                {"kind": "APBD_COHORT", "name": "Kohort %s", "budgetCeiling": 1000000000, "workerQuota": 1000,
                 "firstPeriod": "%s", "lastPeriod": "%s"}""".formatted(UUID.randomUUID(), thisMonth(), thisMonth().plusMonths(11)));
    }

    @Test
    void fundingPrograms() throws Exception {
        String created = expect(createProgram(), member(GIANYAR, "disnaker-operator"), 201)
                .andExpect(jsonPath("$.countsAsApbd").value(true)).andExpect(jsonPath("$.budgetCeiling").value(1_000_000_000))
                .andReturn().getResponse().getContentAsString();
        String programId = JsonPath.read(created, "$.id");
        expect(createProgram(), member(GIANYAR, "kepala-daerah"), 403).andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        expect(createProgram(), member(GIANYAR, "asn-sponsor"), 403);
        expect(createProgram(), bpjs("KC-GIANYAR"), 403);
        expect(createProgram(), member(KLUNGKUNG, "disnaker-operator"), 403)
                .andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-access-denied"))
                .andExpect(content().string(not(containsString("Gianyar"))));
        expect(createProgram(), bpjs("KC-KLUNGKUNG"), 403);
        expect(json(post("/api/v1/tenants/{t}/funding-programs", gianyar.tenant), "{\"kind\": \"CSR\", \"name\": \"x\"}"),
                member(GIANYAR, "disnaker-operator"), 400)
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-input"))
                .andExpect(jsonPath("$.errors[?(@.field == 'donorName')].type").value(PROBLEMS + "sponsorship-required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Nama program harus 3-150 karakter."));

        for (Token reader : List.of(member(GIANYAR, "disnaker-operator"), member(GIANYAR, "kepala-daerah"), bpjs("KC-GIANYAR"))) {
            expect(get("/api/v1/tenants/{t}/funding-programs", gianyar.tenant), reader, 200);
            expect(get("/api/v1/tenants/{t}/funding-programs/{p}", gianyar.tenant, programId), reader, 200)
                    .andExpect(jsonPath("$.quotaLeft").value(1000));
        }
        expect(get("/api/v1/tenants/{t}/funding-programs", gianyar.tenant), member(GIANYAR, "asn-sponsor"), 403);
        expect(get("/api/v1/tenants/{t}/funding-programs", gianyar.tenant), member(GIANYAR, "opd-head"), 403);
        expect(get("/api/v1/tenants/{t}/funding-programs", gianyar.tenant), member(KLUNGKUNG, "kepala-daerah"), 403);

        // Adding workers: the operator may; a bad NIK list answers every bad line.
        String nik = gianyar.manNik();
        UUID worker = gianyar.registerWorker(nik, "PETANI");
        Supplier<MockHttpServletRequestBuilder> add = () -> json(post("/api/v1/tenants/{t}/funding-programs/{p}/fundings", gianyar.tenant, programId),
                "{\"workerIds\": [\"%s\"], \"firstPeriod\": \"%s\"}".formatted(worker, thisMonth()));
        expect(add, member(GIANYAR, "kepala-daerah"), 403);
        expect(add, member(GIANYAR, "disnaker-operator"), 200).andExpect(jsonPath("$.added").value(1));
        expect(json(post("/api/v1/tenants/{t}/funding-programs/{p}/fundings/from-nik-list", gianyar.tenant, programId),
                "{\"niks\": [\"%s\", \"123\", \"%s\"], \"firstPeriod\": \"%s\"}".formatted(nik, gianyar.manNik(), thisMonth())),
                member(GIANYAR, "disnaker-operator"), 400)
                .andExpect(jsonPath("$.type").value(PROBLEMS + "nik-list-refused"))
                .andExpect(jsonPath("$.lines", hasSize(2)))
                .andExpect(jsonPath("$.lines[0].line").value(2))
                .andExpect(jsonPath("$.lines[1].type").value(PROBLEMS + "nik-list-unknown"))
                .andExpect(content().string(not(containsString(nik))));
        expect(get("/api/v1/tenants/{t}/funding-programs/{p}/fundings", gianyar.tenant, programId), bpjs("KC-GIANYAR"), 200)
                .andExpect(jsonPath("$.items[0].workerName").value("Budi Santoso"));
        expect(get("/api/v1/tenants/{t}/funding-programs/{p}/fundings", gianyar.tenant, programId), member(GIANYAR, "kepala-daerah"), 403);
    }

    @Test
    void sponsorshipPolicyAndOpdParticipation() throws Exception {
        Supplier<MockHttpServletRequestBuilder> set = () -> json(post("/api/v1/tenants/{t}/sponsorship-policy", gianyar.tenant),
                "{\"validFrom\": \"%s\", \"minimumWorkers\": 1}".formatted(thisMonth().plusMonths(1)));
        expect(set, member(GIANYAR, "disnaker-operator"), 403);
        expect(set, member(KLUNGKUNG, "kepala-daerah"), 403).andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-access-denied"));
        expect(set, member(GIANYAR, "kepala-daerah"), 201).andExpect(jsonPath("$.minimumWorkers").value(1));
        expect(json(post("/api/v1/tenants/{t}/sponsorship-policy", gianyar.tenant), "{\"validFrom\": \"2020-01\", \"minimumWorkers\": \"99\"}")
                        .header("Accept-Language", "en"), member(GIANYAR, "kepala-daerah"), 400)
                .andExpect(jsonPath("$.errors[?(@.field == 'validFrom')].type").value(PROBLEMS + "policy-month-past"))
                .andExpect(jsonPath("$.errors[?(@.field == 'minimumWorkers')].message")
                        .value("The minimum number of workers per ASN must be a whole number from 0 to 20."));
        expect(get("/api/v1/tenants/{t}/sponsorship-policy?month={m}", gianyar.tenant, thisMonth().plusMonths(1)), member(GIANYAR, "asn-sponsor"), 200)
                .andExpect(jsonPath("$.inForce.minimumWorkers").value(1));

        expect(get("/api/v1/tenants/{t}/opd-participation", gianyar.tenant), member(GIANYAR, "kepala-daerah"), 200)
                .andExpect(jsonPath("$[0].rank").value(1));
        expect(get("/api/v1/tenants/{t}/opd-participation", gianyar.tenant), member(GIANYAR, "disnaker-operator"), 200);
        expect(get("/api/v1/tenants/{t}/opd-participation", gianyar.tenant), bpjs("KC-GIANYAR"), 200);
        expect(get("/api/v1/tenants/{t}/opd-participation", gianyar.tenant), member(GIANYAR, "asn-sponsor"), 403);
        expect(get("/api/v1/tenants/{t}/opd-participation", gianyar.tenant), member(KLUNGKUNG, "kepala-daerah"), 403);
        expect(get("/api/v1/tenants/{t}/opd-participation/mine", gianyar.tenant), member(GIANYAR, "opd-head"), 200)
                .andExpect(jsonPath("$.standing.opdName").value("Dinas Tenaga Kerja"));
        expect(get("/api/v1/tenants/{t}/opd-participation/mine", gianyar.tenant), member(GIANYAR, "kepala-daerah"), 403);
        expect(get("/api/v1/tenants/{t}/opd-participation/mine", gianyar.tenant), member(KLUNGKUNG, "opd-head"), 403);
    }

    @Test
    void mySponsorships() throws Exception {
        String nik = gianyar.manNik();
        gianyar.registerWorker(nik, "ART");
        String proposal = "\"mode\": \"EXISTING\", \"nik\": \"%s\", \"relationship\": \"ART\", \"firstPeriod\": \"%s\"".formatted(nik, thisMonth());
        Supplier<MockHttpServletRequestBuilder> preview = () -> json(post("/api/v1/tenants/{t}/my-sponsorships/consent-preview", gianyar.tenant), "{" + proposal + "}");
        expect(preview, member(GIANYAR, "disnaker-operator"), 403);
        expect(preview, member(KLUNGKUNG, "asn-sponsor"), 403).andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-access-denied"));
        expect(preview, SignedTestTokens.person("unlinked." + GIANYAR, List.of("asn-sponsor"), List.of(GIANYAR)), 403)
                .andExpect(jsonPath("$.type").value(PROBLEMS + "no-approved-link"));
        String shown = expect(preview, member(GIANYAR, "asn-sponsor"), 200)
                .andExpect(jsonPath("$.schedule", hasSize(12)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String sha = JsonPath.read(shown, "$.sha256");

        Supplier<MockHttpServletRequestBuilder> start = () -> json(post("/api/v1/tenants/{t}/my-sponsorships", gianyar.tenant),
                "{" + proposal + ", \"consentSha256\": \"%s\", \"consentGiven\": true}".formatted(sha));
        expect(json(post("/api/v1/tenants/{t}/my-sponsorships", gianyar.tenant), "{" + proposal + ", \"consentSha256\": \"%s\"}".formatted(sha)),
                member(GIANYAR, "asn-sponsor"), 400).andExpect(jsonPath("$.errors[0].field").value("consent"));
        String started = expect(start, member(GIANYAR, "asn-sponsor"), 201)
                .andReturn().getResponse().getContentAsString();
        String fundingId = JsonPath.read(started, "$.id");
        expect(start, member(GIANYAR, "asn-sponsor"), 409).andExpect(jsonPath("$.type").value(PROBLEMS + "funding-overlaps"));

        expect(get("/api/v1/tenants/{t}/my-sponsorships", gianyar.tenant), member(GIANYAR, "asn-sponsor"), 200)
                .andExpect(jsonPath("$.workers", hasSize(1))).andExpect(jsonPath("$.deductions", hasSize(12)));
        expect(get("/api/v1/tenants/{t}/my-sponsorships", gianyar.tenant), member(GIANYAR, "disnaker-operator"), 403);
        expect(get("/api/v1/tenants/{t}/my-sponsorships/{f}/consent", gianyar.tenant, fundingId), member(GIANYAR, "asn-sponsor"), 200)
                .andExpect(jsonPath("$.sha256").value(sha));
        // The OPD head is an ASN of the pemda too, but not this worker's sponsor.
        expect(get("/api/v1/tenants/{t}/my-sponsorships/{f}/consent", gianyar.tenant, fundingId),
                SignedTestTokens.person("opd-head." + GIANYAR, List.of("opd-head", "asn-sponsor"), List.of(GIANYAR)), 404);
        expect(json(post("/api/v1/tenants/{t}/my-sponsorships/{f}/end", gianyar.tenant, fundingId), "{\"fromPeriod\": \"%s\"}".formatted(thisMonth())),
                member(GIANYAR, "asn-sponsor"), 200).andExpect(jsonPath("$.cancelled").value(true));
    }

    @Test
    void rosterImport() throws Exception {
        byte[] sheet = AsnRosterXlsxTests.xlsx(List.of(List.of("nip", "nama", "kode_opd"), List.of(SponsorshipWorld.nip(), "Ketut Roster", "DINKES")));
        var file = new MockMultipartFile("file", "asn.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet);
        expect(multipart("/api/v1/tenants/{t}/asn-roster/import", gianyar.tenant).file(file), member(GIANYAR, "asn-sponsor"), 403);
        expect(multipart("/api/v1/tenants/{t}/asn-roster/import", gianyar.tenant).file(file), member(GIANYAR, "disnaker-operator"), 200)
                .andExpect(jsonPath("$.stored").value(1));
        var bad = new MockMultipartFile("file", "asn.csv", "text/csv", "nip,nama,kode_opd\n123,Ab,XYZ\n".getBytes());
        expect(multipart("/api/v1/tenants/{t}/asn-roster/import", gianyar.tenant).file(bad), member(GIANYAR, "disnaker-operator"), 400)
                .andExpect(jsonPath("$.rows", hasSize(3))).andExpect(jsonPath("$.rows[0].line").value(2));
        expect(get("/api/v1/tenants/{t}/asn-roster?q=Ketut", gianyar.tenant), member(GIANYAR, "disnaker-operator"), 200)
                .andExpect(jsonPath("$.items[0].name").value("Ketut Roster"));
    }

    private ResultActions expect(Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> request, Token token, int status) throws Exception {
        return expect(request.get(), token, status);
    }

    /** A request builder collects headers: use each one once. */
    private ResultActions expect(AbstractMockHttpServletRequestBuilder<?> request, Token token, int status) throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }
}
