package id.payung.reporting;

import id.payung.enrollment.WorkerCoverageStatus;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.SystemWork.ActorAuthentication;
import id.payung.platform.TenantId;
import id.payung.reporting.ReportingFixtures.Pemda;
import id.payung.sponsorship.AsnRegistration;
import id.payung.sponsorship.AsnRoster;
import id.payung.sponsorship.FundingKind;
import id.payung.sponsorship.SponsorshipEvents.DeductionListApproved;
import id.payung.sponsorship.SponsorshipEvents.FundingProgramCreated;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.support.SignedTestTokens;
import id.payung.support.SignedTestTokens.Token;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.Regions;
import id.payung.tenancy.TenantAdministration;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who sees which dashboard, with sign-in on: the API with Keycloak-shaped bearer tokens (docs/permissions.md),
 * the pages with a signed-in person. Pemda A (Kota Binjai) and B (Kota Tebing Tinggi) of two BPJS offices;
 * in A a head of the Dinkes and an ASN sponsor of the Disnaker, linked to their NIP. Also the exports
 * (formulas neutralised, the PDF one page) and bad input.
 */
@SpringBootTest(properties = "payung.keycloak.provisioning=disabled")
@AutoConfigureMockMvc
@Import(SignedTestTokens.class)
class ReportingAccessTests {

    static final YearMonth NOW = Periods.current();
    static final String A = "1275", B = "1276";
    static final String FORMULA_OPD = "=HYPERLINK(\"http://evil.example\",\"klik\")";

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired Regions regions;
    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired WorkerCoverageStatus coverageStatus;
    @Autowired AsnRoster roster;
    @Autowired AsnRegistration asnRegistration;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired JdbcTemplate jdbc;

    record World(Pemda a, Pemda b, UUID coveredInA, UUID sponsoredInA, UUID formulaOpd, UUID headLink, UUID sponsorLink) {
    }

    static World world;

    @BeforeEach
    void twoPemda() {
        if (world != null) return;
        Instant since = Instant.now();
        Pemda a = ReportingFixtures.pemda(administration, opds, regions, "12.75", "KC-BINJAI", "25", 40);
        Pemda b = ReportingFixtures.pemda(administration, opds, regions, "12.76", "KC-TEBING", "10", 10);
        UUID covered = ReportingFixtures.register(registration, a.tenant(), a.village1(), "OJEK");
        UUID sponsored = ReportingFixtures.register(registration, a.tenant(), a.otherDistrictVillage(), "ART");
        ReportingFixtures.verify(lifecycle, a, covered);
        ReportingFixtures.activate(coverageStatus, a.tenant(), List.of(covered), NOW.minusMonths(1));
        UUID inB = ReportingFixtures.register(registration, b.tenant(), b.village1(), "PETANI");
        ReportingFixtures.verify(lifecycle, b, inB);
        ReportingFixtures.activate(coverageStatus, b.tenant(), List.of(inB), NOW);
        Opd formula = SystemWork.call("test", () -> opds.register(a.tenant(), new OpdDetails("FORMULA", FORMULA_OPD)));
        UUID headLink = link(a, a.dinkes(), "198003152005011001", "1980-03-15", subject("opd-head." + A));
        UUID sponsorLink = link(a, a.disnaker(), "199007222015032002", "1990-07-22", subject("asn-sponsor." + A));
        UUID asnProgram = UUID.randomUUID();
        ReportingFixtures.publish(transactionManager, publisher,
                new FundingProgramCreated(a.tenant(), asnProgram, FundingKind.ASN_TPP),
                new SponsorshipStarted(a.tenant(), UUID.randomUUID(), asnProgram, sponsored, sponsorLink, a.disnaker().id().value(), NOW),
                new DeductionListApproved(a.tenant(), UUID.randomUUID(), a.disnaker().id().value(), NOW, 1, 1, 16_800));
        ReportingFixtures.awaitReadModels(jdbc, since);
        world = new World(a, b, covered, sponsored, formula.id().value(), headLink, sponsorLink);
    }

    /** Puts the NIP on the OPD's roster and lets the account register: linked at once. */
    UUID link(Pemda pemda, Opd opd, String nip, String birthDate, String subject) {
        SystemWork.callAs(ReportingFixtures.operator(pemda.tenant()), () -> roster.add(pemda.tenant(),
                new AsnRoster.EntryDetails(nip, "ASN " + nip.substring(14), opd.id().toString())));
        Actor newcomer = new Actor(subject, "newcomer", Set.of(), Optional.empty(), Optional.empty(), Actor.Kind.PERSON);
        return SystemWork.callAs(newcomer, () -> asnRegistration.register(new AsnRegistration.Application(pemda.tenant().toString(),
                opd.id().toString(), nip, birthDate))).link().id();
    }

    /** The subject SignedTestTokens gives a username. */
    static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }

    static Token member(String alias, String role) {
        return SignedTestTokens.person(role + "." + alias, List.of(role), List.of(alias));
    }

    static Token bpjs(String office) {
        return SignedTestTokens.person("bpjs." + office, List.of("bpjs-staff"), List.of()).withClaim("bpjs_office", office);
    }

    TenantId a() {
        return world.a().tenant();
    }

    TenantId b() {
        return world.b().tenant();
    }

    // ---- isolation ---------------------------------------------------------------------------------------------

    @Test
    void theHeadOfRegionSeesHisPemdasFiguresAndNoOtherPemdaSeesThem() throws Exception {
        expect(get("/api/v1/tenants/{t}/reporting/dashboard", a()), member(A, "kepala-daerah"), 200)
                .andExpect(jsonPath("$.pemda.name").value("Kota Binjai"))
                .andExpect(jsonPath("$.headline.covered").value(1))
                .andExpect(jsonPath("$.headline.potentialWorkers").value(40))
                .andExpect(jsonPath("$.headline.gapWorkers").value(9))
                .andExpect(jsonPath("$.headline.registered").value(1));
        for (String path : List.of("/dashboard", "/breakdowns/DISTRICT", "/trend", "/opd-ranking", "/contributions", "/claims", "/workers",
                "/exports/districts.csv", "/summary.pdf")) {
            expect(get("/api/v1/tenants/{t}/reporting" + path, a()), member(B, "kepala-daerah"), 403)
                    .andExpect(jsonPath("$.type").value("https://payung.id/problems/tenant-access-denied"))
                    .andExpect(content().string(allOf(not(containsString("Binjai")), not(containsString(world.coveredInA().toString())))));
        }
        // and B's head sees B's own
        expect(get("/api/v1/tenants/{t}/reporting/dashboard", b()), member(B, "kepala-daerah"), 200)
                .andExpect(jsonPath("$.pemda.name").value("Kota Tebing Tinggi")).andExpect(jsonPath("$.headline.covered").value(1));
        // BPJS staff of another office neither
        expect(get("/api/v1/tenants/{t}/reporting/dashboard", a()), bpjs("KC-TEBING"), 403);
        expect(get("/api/v1/tenants/{t}/reporting/dashboard", a()), bpjs("KC-BINJAI"), 200);
    }

    @Test
    void bpjsStaffCompareThePemdaOfTheirOfficeOnlyAndTheNationalOfficeSeesAll() throws Exception {
        expect(get("/api/v1/reporting/office"), bpjs("KC-BINJAI"), 200)
                .andExpect(jsonPath("$.pemda.length()").value(1))
                .andExpect(jsonPath("$.pemda[0].name").value("Kota Binjai"))
                .andExpect(jsonPath("$.pemda[0].covered").value(1))
                .andExpect(jsonPath("$.pemda[0].verificationBacklog").value(1))
                .andExpect(content().string(not(containsString("Tebing"))));
        expect(get("/api/v1/reporting/office").param("office", "KC-TEBING"), bpjs("KC-BINJAI"), 200)
                .andExpect(content().string(not(containsString("Tebing"))));
        expect(get("/api/v1/reporting/office"), member(A, "kepala-daerah"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(get("/api/v1/reporting/national"), bpjs("KC-BINJAI"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/national-view-forbidden"));
        expect(get("/api/v1/reporting/national"), member(A, "kepala-daerah"), 403);
        expect(get("/api/v1/reporting/national"), bpjs("KANTOR-PUSAT"), 200)
                .andExpect(content().string(allOf(containsString("Kota Binjai"), containsString("Kota Tebing Tinggi"))));
        expect(get("/api/v1/reporting/exports/office.csv"), bpjs("KC-TEBING"), 200)
                .andExpect(content().string(allOf(containsString("Kota Tebing Tinggi"), not(containsString("Binjai")))));
        expect(get("/api/v1/reporting/exports/national-pemda.csv"), bpjs("KC-TEBING"), 403);
    }

    // ---- roles ---------------------------------------------------------------------------------------------------

    @Test
    void eachRoleReachesItsOwnDashboard() throws Exception {
        String pemdaDashboard = "/api/v1/tenants/{t}/reporting/dashboard";
        expect(get(pemdaDashboard, a()), member(A, "disnaker-operator"), 200);
        expect(get(pemdaDashboard, a()), member(A, "opd-head"), 403).andExpect(jsonPath("$.type").value("https://payung.id/problems/forbidden"));
        expect(get(pemdaDashboard, a()), member(A, "asn-sponsor"), 403);

        // the OPD head: his OPD, not another
        expect(get("/api/v1/tenants/{t}/reporting/my-opd", a()), member(A, "opd-head"), 200)
                .andExpect(jsonPath("$.opd.name").value("Dinas Kesehatan"));
        expect(get("/api/v1/tenants/{t}/reporting/opds/{o}", a(), world.a().disnaker().id()), member(A, "opd-head"), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/not-head-of-this-opd"));
        expect(get("/api/v1/tenants/{t}/reporting/workers", a()).param("dimension", "OPD").param("key", world.a().disnaker().id().toString()),
                member(A, "opd-head"), 403);
        expect(get("/api/v1/tenants/{t}/reporting/workers", a()).param("dimension", "OPD").param("key", world.a().dinkes().id().toString()),
                member(A, "opd-head"), 200);
        expect(get("/api/v1/tenants/{t}/reporting/my-opd", a()), member(A, "kepala-daerah"), 403);
        // the head of region sees every OPD, with its rank and deduction list
        expect(get("/api/v1/tenants/{t}/reporting/opds/{o}", a(), world.a().disnaker().id()), member(A, "kepala-daerah"), 200)
                .andExpect(jsonPath("$.opd.rank").value(1))
                .andExpect(jsonPath("$.opd.sponsoredNow").value(1))
                .andExpect(jsonPath("$.deductions[0].amount").value(16_800));

        // the ASN sponsor: his own workers
        expect(get("/api/v1/tenants/{t}/reporting/sponsor", a()), member(A, "asn-sponsor"), 200)
                .andExpect(jsonPath("$.workers.length()").value(1))
                .andExpect(jsonPath("$.workers[0].workerId").value(world.sponsoredInA().toString()))
                .andExpect(jsonPath("$.opdName").value("Dinas Tenaga Kerja"))
                .andExpect(jsonPath("$.months[0].fundedWorkers").value(1))
                .andExpect(jsonPath("$.months[0].opdListApproved").value(true));
        expect(get("/api/v1/tenants/{t}/reporting/sponsor", a()),
                SignedTestTokens.person("asn.unlinked", List.of("asn-sponsor"), List.of(A)), 403)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/not-a-linked-sponsor"));
        expect(get("/api/v1/tenants/{t}/reporting/sponsor", a()), member(A, "kepala-daerah"), 403);
        expect(get("/api/v1/tenants/{t}/reporting/sponsor", a()), member(B, "asn-sponsor"), 403);

        // the rebuild: BPJS staff of the office
        expect(post("/api/v1/tenants/{t}/reporting/rebuild", a()), bpjs("KC-BINJAI"), 200).andExpect(jsonPath("$.workersSeen").value(2));
        expect(post("/api/v1/tenants/{t}/reporting/rebuild", a()), bpjs("KC-TEBING"), 403);
        expect(post("/api/v1/tenants/{t}/reporting/rebuild", a()), member(A, "kepala-daerah"), 403);
        expect(post("/api/v1/reporting/rebuild"), bpjs("KC-BINJAI"), 403);
    }

    // ---- bad input ---------------------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedWithAClearProblemAndNoDataFromElsewhere() throws Exception {
        Token head = member(A, "kepala-daerah");
        String dashboard = "/api/v1/tenants/{t}/reporting/dashboard";
        expect(get(dashboard, a()).param("period", "2026-13"), head, 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/period-malformed"));
        expect(get(dashboard, a()).param("period", "kemarin"), head, 400)
                .andExpect(jsonPath("$.detail").value(containsString("TTTT-BB")));
        expect(get(dashboard, a()).param("period", NOW.plusMonths(1).toString()), head, 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/period-outside-data"))
                .andExpect(jsonPath("$.firstPeriod").value(NOW.minusMonths(1).toString()))
                .andExpect(jsonPath("$.lastPeriod").value(NOW.toString()));
        expect(get(dashboard, a()).param("period", NOW.minusMonths(2).toString()).header("Accept-Language", "en"), head, 400)
                .andExpect(jsonPath("$.detail").value("There is no data for " + NOW.minusMonths(2) + ". This pemda has data from "
                        + NOW.minusMonths(1) + " to " + NOW + "."));

        // drilling into another pemda's areas, OPDs and programs
        String bDistrict = world.b().district1();
        expect(get("/api/v1/tenants/{t}/reporting/breakdowns/VILLAGE", a()).param("parent", bDistrict), head, 404)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/area-not-in-pemda"))
                .andExpect(content().string(not(containsString("Tebing"))));
        expect(get("/api/v1/tenants/{t}/reporting/workers", a()).param("dimension", "VILLAGE").param("key", world.b().village1()), head, 404);
        expect(get("/api/v1/tenants/{t}/reporting/workers", a()).param("dimension", "OPD").param("key", world.b().dinkes().id().toString()), head, 404)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/opd-not-in-pemda"));
        expect(get("/api/v1/tenants/{t}/reporting/opds/{o}", a(), world.b().dinkes().id()), head, 404);
        expect(get("/api/v1/tenants/{t}/reporting/workers", a()).param("dimension", "PROGRAM").param("key", UUID.randomUUID().toString()), head, 404)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/program-not-in-pemda"));
        expect(get("/api/v1/tenants/{t}/reporting/breakdowns/GENDER", a()), head, 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/dimension-unknown"));
        expect(get("/api/v1/tenants/{t}/reporting/workers", a()).param("status", "DEAD"), head, 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/reporting-status-unknown"));
        expect(get("/api/v1/tenants/{t}/reporting/exports/salaries.csv", a()), head, 404)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/export-unknown"));
        expect(get("/api/v1/tenants/{t}/reporting/exports/districts.docx", a()), head, 400)
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/export-format-unknown"));
        expect(get("/api/v1/tenants/{t}/reporting/dashboard", "not-a-tenant"), head, 400);

        // the same on a page, in Indonesian
        mvc.perform(get("/tenants/{t}/dashboard", a()).param("period", NOW.plusMonths(2).toString()).with(as(ReportingFixtures.member(a(), Role.KEPALA_DAERAH))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Periode di luar data"), containsString("Tidak ada data untuk periode " + NOW.plusMonths(2)))));
        mvc.perform(get("/tenants/{t}/dashboard/breakdown/VILLAGE", a()).param("parent", bDistrict).with(as(ReportingFixtures.member(a(), Role.KEPALA_DAERAH))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("bukan wilayah Kota Binjai"), not(containsString("Tebing")))));
        mvc.perform(get("/tenants/{t}/dashboard", a()).with(as(ReportingFixtures.member(b(), Role.KEPALA_DAERAH))))
                .andExpect(status().isForbidden()).andExpect(content().string(not(containsString("Binjai"))));
    }

    // ---- exports ---------------------------------------------------------------------------------------------------

    @Test
    void everyTableExportsAsCsvAndXlsxWithFormulasNeutralised() throws Exception {
        Token head = member(A, "kepala-daerah");
        String csv = expect(get("/api/v1/tenants/{t}/reporting/exports/opd-ranking.csv", a()), head, 200)
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")").contains("Dinas Tenaga Kerja");
        assertThat(csv.lines()).noneMatch(line -> line.contains(",=") || line.contains(",\"=") || line.startsWith("="));

        byte[] xlsx = expect(get("/api/v1/tenants/{t}/reporting/exports/opd-ranking.xlsx", a()), head, 200)
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            var cells = rows.flatMap(r -> r.stream().filter(java.util.Objects::nonNull)).toList();
            assertThat(cells).noneMatch(c -> c.getType() == CellType.FORMULA);
            assertThat(cells).filteredOn(c -> c.getText().contains("HYPERLINK"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.getType()).isEqualTo(CellType.STRING);
                        assertThat(c.getText()).startsWith("'=");
                    });
            assertThat(cells).anyMatch(c -> c.getType() == CellType.NUMBER);
        }

        // every table of the pemda, both formats
        for (String table : List.of("trend", "districts", "occupations", "programs", "opd-ranking", "contributions", "claims", "workers")) {
            for (String format : List.of("csv", "xlsx")) {
                expect(get("/api/v1/tenants/{t}/reporting/exports/{table}.{format}", a(), table, format), head, 200)
                        .andExpect(header().string("Content-Disposition", containsString("payung-" + table)));
            }
        }
        expect(get("/api/v1/tenants/{t}/reporting/exports/villages.csv", a()).param("parent", world.a().district1()), head, 200);
        expect(get("/api/v1/tenants/{t}/reporting/exports/opd-deductions.xlsx", a()).param("opdId", world.a().disnaker().id().toString()), head, 200);
        expect(get("/api/v1/tenants/{t}/reporting/exports/opd-trend.csv", a()).param("opdId", world.a().disnaker().id().toString()), head, 200);
        expect(get("/api/v1/tenants/{t}/reporting/exports/sponsor-workers.csv", a()), member(A, "asn-sponsor"), 200)
                .andExpect(content().string(containsString(world.sponsoredInA().toString())));
        expect(get("/api/v1/tenants/{t}/reporting/exports/sponsor-months.xlsx", a()), member(A, "asn-sponsor"), 200);
        String workers = expect(get("/api/v1/tenants/{t}/reporting/exports/workers.csv", a()).param("dimension", "VILLAGE")
                .param("key", world.a().village1()), head, 200).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(workers.lines()).hasSize(2).last().asString().startsWith(world.coveredInA().toString()).contains("ACTIVE");
    }

    @Test
    void theSummaryOfAPemdaForAMonthIsOnePdfPage() throws Exception {
        // many OPDs and areas must still fit one page
        SystemWork.run("test", () -> {
            for (int i = 0; i < 25; i++) opds.register(a(), new OpdDetails("EXTRA" + i + "-" + System.nanoTime() % 1000, "Badan Tambahan Nomor " + i + " " + System.nanoTime()));
        });
        byte[] pdf = expect(get("/api/v1/tenants/{t}/reporting/summary.pdf", a()), member(A, "kepala-daerah"), 200)
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Kota Binjai").contains("Ringkasan cakupan").contains("Dinas Tenaga Kerja");
        } finally {
            reader.close();
        }
        byte[] lastMonth = mvc.perform(get("/tenants/{t}/dashboard/summary.pdf", a()).param("period", NOW.minusMonths(1).toString())
                        .with(as(ReportingFixtures.member(a(), Role.KEPALA_DAERAH))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        PdfReader second = new PdfReader(lastMonth);
        assertThat(second.getNumberOfPages()).isEqualTo(1);
        second.close();
    }

    // ---- pages -------------------------------------------------------------------------------------------------------

    @Test
    void thePagesShowEachRoleItsDashboardWithChartsAndDrillDowns() throws Exception {
        Actor head = ReportingFixtures.member(a(), Role.KEPALA_DAERAH);
        String base = "/tenants/" + a() + "/dashboard";
        mvc.perform(get("/dashboard").with(as(head))).andExpect(redirectedUrl(base));
        mvc.perform(get(base).with(as(head))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dasbor cakupan"), containsString("Kota Binjai"),
                        containsString("data-figure=\"covered\">1<"), containsString("<svg class=\"chart\""),
                        containsString("Menurut kecamatan"), containsString("Peringkat OPD"),
                        containsString("/breakdown/VILLAGE?parent=" + world.a().district1()),
                        containsString("/export/districts.xlsx?period=" + NOW), containsString("summary.pdf?period=" + NOW),
                        containsString("=HYPERLINK(&quot;http://evil.example&quot;") /* escaped in the page, never markup */, not(containsString("<a href=\"http://evil")))));
        mvc.perform(get(base + "/breakdown/VILLAGE").param("parent", world.a().district1()).with(as(head)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/workers?dimension=VILLAGE&amp;key=" + world.a().village1())));
        mvc.perform(get(base + "/workers").param("dimension", "VILLAGE").param("key", world.a().village1()).with(as(head)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(world.coveredInA().toString().substring(0, 8))));

        Actor opdHead = new Actor(subject("opd-head." + A), "Kepala Dinkes", Set.of(Role.OPD_HEAD, Role.ASN_SPONSOR), Optional.of(a()),
                Optional.empty(), Actor.Kind.PERSON);
        mvc.perform(get("/dashboard").with(as(opdHead))).andExpect(redirectedUrl(base + "/my-opd"));
        mvc.perform(get(base + "/my-opd").with(as(opdHead))).andExpect(redirectedUrl(base + "/opds/" + world.a().dinkes().id()));
        mvc.perform(get(base + "/opds/" + world.a().dinkes().id()).with(as(opdHead))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dasbor OPD"), containsString("Dinas Kesehatan"))));
        mvc.perform(get(base).with(as(opdHead))).andExpect(status().isForbidden());

        Actor sponsor = new Actor(subject("asn-sponsor." + A), "ASN", Set.of(Role.ASN_SPONSOR), Optional.of(a()), Optional.empty(), Actor.Kind.PERSON);
        mvc.perform(get("/dashboard").with(as(sponsor))).andExpect(redirectedUrl(base + "/sponsor"));
        mvc.perform(get(base + "/sponsor").with(as(sponsor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sponsor saya"), containsString(world.sponsoredInA().toString().substring(0, 8)))));

        Actor staff = ReportingFixtures.bpjs("KC-BINJAI");
        mvc.perform(get("/dashboard").with(as(staff))).andExpect(redirectedUrl("/dashboard/office"));
        mvc.perform(get("/dashboard/office").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kota Binjai"), not(containsString("Tebing")))));
        mvc.perform(post(base + "/rebuild").with(csrf()).with(as(staff))).andExpect(redirectedUrl(base));
        Actor national = ReportingFixtures.bpjs("KANTOR-PUSAT");
        mvc.perform(get("/dashboard/national").param("lang", "en").with(as(national))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("National overview"), containsString("Kota Binjai"), containsString("Kota Tebing Tinggi"))));
    }

    private ResultActions expect(MockHttpServletRequestBuilder request, Token token, int status) throws Exception {
        return mvc.perform(request.header("Authorization", token.bearer())).andExpect(status().is(status));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
