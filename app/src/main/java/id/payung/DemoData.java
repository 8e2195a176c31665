package id.payung;

import id.payung.enrollment.WorkerDirectory;
import id.payung.enrollment.WorkerImports;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Role;
import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;
import id.payung.sponsorship.AsnRegistration;
import id.payung.sponsorship.AsnRoster;
import id.payung.sponsorship.AsnSponsorships;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.FundingPrograms.ProgramDetails;
import id.payung.sponsorship.ProgramEnrolment;
import id.payung.tenancy.SponsorshipPolicies;
import id.payung.tenancy.Opd;
import id.payung.platform.SystemWork;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.Region;
import id.payung.tenancy.Regions;
import id.payung.tenancy.TenantAdministration;
import id.payung.tenancy.TenantAdministration.OnboardTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pemda of the source articles, with their OPDs, loaded through the same services a user calls.
 * Idempotent: a pemda that is already onboarded is left as it is.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoPemda(String regionCode, String officeCode, String officeName, String targetPercent, long potentialWorkers,
                     boolean kecamatanAsOpd, String loginSlug) {
    }

    static final List<DemoPemda> PEMDA = List.of(
            new DemoPemda("32.72", "KC-SUKABUMI", "BPJS Ketenagakerjaan Kantor Cabang Sukabumi", "22.5", 48_000, true, "kotasukabumi"),
            new DemoPemda("32.02", "KC-SUKABUMI", "BPJS Ketenagakerjaan Kantor Cabang Sukabumi", "17", 612_000, false, "kabsukabumi"),
            new DemoPemda("13.10", "KC-DHARMASRAYA", "BPJS Ketenagakerjaan Kantor Cabang Dharmasraya", "30", 74_000, false, "kabdharmasraya"),
            new DemoPemda("16", "KC-PALEMBANG", "BPJS Ketenagakerjaan Kantor Cabang Palembang", "35.68", 1_900_000, false, "provsumsel"));

    static final List<OpdDetails> COMMON_OPDS = List.of(
            new OpdDetails("SETDA", "Sekretariat Daerah"),
            new OpdDetails("SETWAN", "Sekretariat DPRD"),
            new OpdDetails("INSPEKTORAT", "Inspektorat"),
            new OpdDetails("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
            new OpdDetails("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"),
            new OpdDetails("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
            new OpdDetails("DISNAKER", "Dinas Tenaga Kerja"),
            new OpdDetails("DISDIK", "Dinas Pendidikan"),
            new OpdDetails("DINKES", "Dinas Kesehatan"),
            new OpdDetails("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
            new OpdDetails("DINSOS", "Dinas Sosial"),
            new OpdDetails("DISHUB", "Dinas Perhubungan"),
            new OpdDetails("DISKOMINFO", "Dinas Komunikasi dan Informatika"),
            new OpdDetails("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"),
            new OpdDetails("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
            new OpdDetails("SATPOLPP", "Satuan Polisi Pamong Praja"),
            new OpdDetails("RSUD", "Rumah Sakit Umum Daerah"));

    /** ASN of the Disnaker on each demo pemda's roster; the first two have demo logins (opd.*, asn.*). */
    static final List<String[]> DISNAKER_ROSTER = List.of(
            new String[]{"opd", "198003152005011001", "1980-03-15", "Kepala Dinas Tenaga Kerja"},
            new String[]{"asn", "199007222015032002", "1990-07-22", "Analis Ketenagakerjaan"},
            new String[]{null, "198811052012121003", null, "Pengantar Kerja"},
            new String[]{null, "199502282020122004", null, "Pengawas Ketenagakerjaan"});

    private final TenantAdministration administration;
    private final OpdRegistry opds;
    private final Regions regions;
    private final AsnRoster roster;
    private final AsnRegistration registration;
    private final WorkerRegistration workers;
    private final WorkerDirectory directory;
    private final FundingPrograms programs;
    private final ProgramEnrolment enrolment;
    private final AsnSponsorships sponsorships;
    private final SponsorshipPolicies policies;
    private final WorkerImports imports;
    private final WorkerLifecycle lifecycle;

    DemoData(TenantAdministration administration, OpdRegistry opds, Regions regions, AsnRoster roster,
             AsnRegistration registration, WorkerRegistration workers, WorkerDirectory directory, FundingPrograms programs,
             ProgramEnrolment enrolment, AsnSponsorships sponsorships, SponsorshipPolicies policies, WorkerImports imports,
             WorkerLifecycle lifecycle) {
        this.workers = workers;
        this.directory = directory;
        this.programs = programs;
        this.enrolment = enrolment;
        this.sponsorships = sponsorships;
        this.policies = policies;
        this.imports = imports;
        this.lifecycle = lifecycle;
        this.administration = administration;
        this.opds = opds;
        this.regions = regions;
        this.roster = roster;
        this.registration = registration;
    }

    /** The Keycloak user id the dev realm gives a demo login (infra/keycloak/dev/build-dev-realm.py). */
    static String demoUserId(String username) {
        return UUID.nameUUIDFromBytes(("payung-demo-user:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemWork.run("demo-data", () -> PEMDA.forEach(this::load));
        log.info("Payung is ready with its demo pemda; sign in with the demo logins of infra/keycloak/README.md");
    }

    private void load(DemoPemda pemda) {
        RegionCode code = RegionCode.parse(pemda.regionCode());
        var id = TenantAdministration.tenantIdFor(code);
        if (administration.find(id).isPresent()) {
            seedSponsorship(pemda, code, id);
            return;
        }
        var tenant = administration.onboard(new OnboardTenant(pemda.regionCode(), pemda.officeCode(), pemda.officeName(),
                new BigDecimal(pemda.targetPercent()), pemda.potentialWorkers()));
        COMMON_OPDS.forEach(opd -> opds.register(id, opd));
        if (pemda.kecamatanAsOpd()) {
            for (Region district : regions.children(code)) {
                opds.register(id, new OpdDetails("KEC-" + district.code().value().substring(6),
                        "Kecamatan " + titleCase(district.name())));
            }
        }
        seedDisnakerAsn(pemda, id);
        seedWorkers(code, id);
        seedSponsorship(pemda, code, id);
        if (pemda.regionCode().equals("13.10")) seedImport(code, id);
        log.info("Demo pemda loaded: {} ({})", tenant.name(), tenant.regionCode());
    }

    /**
     * Puts the Disnaker's ASN on the roster and registers the demo OPD head and ASN through the real
     * self-registration (their NIPs are on the roster, so they are approved at once): the OPD head can
     * then decide other ASN's requests for his OPD.
     */
    private void seedDisnakerAsn(DemoPemda pemda, TenantId tenant) {
        Opd disnaker = opds.list(tenant, "DISNAKER", false, PageRequest.of(0, 5)).items().stream()
                .filter(o -> o.code().equals("DISNAKER")).findFirst().orElseThrow();
        for (String[] asn : DISNAKER_ROSTER) {
            roster.add(tenant, new AsnRoster.EntryDetails(asn[1], asn[3], disnaker.id().toString()));
        }
        for (String[] asn : DISNAKER_ROSTER) {
            if (asn[0] == null) continue;
            String username = asn[0] + "." + pemda.loginSlug();
            Actor newcomer = new Actor(demoUserId(username), username, Set.of(), Optional.empty(), Optional.empty(), Actor.Kind.PERSON);
            try {
                SystemWork.callAs(newcomer, () -> registration.register(new AsnRegistration.Application(
                        tenant.toString(), disnaker.id().toString(), asn[1], asn[2])));
            } catch (DomainProblem identityUnavailable) {
                log.warn("Demo ASN link for {} not made ({}); is Keycloak running?", username, identityUnavailable.getMessage());
            }
        }
    }

    /** Fictional workers: name, birth date DDMMYY with +40 for women, sex, occupation. NIKs are made up but valid. */
    static final List<String[]> DEMO_WORKERS = List.of(
            new String[]{"Asep Saepudin", "120385", "MALE", "OJEK"},
            new String[]{"Euis Kurniasih", "470790", "FEMALE", "ART"},
            new String[]{"Dadang Suherman", "010178", "MALE", "PETANI"},
            new String[]{"Nining Suryani", "630882", "FEMALE", "PEDAGANG"},
            new String[]{"Ustaz Jajang Nurjaman", "150670", "MALE", "GURU_NGAJI"},
            new String[]{"Udin Syamsudin", "280965", "MALE", "MARBOT"});

    /** The ISO birth date a demo worker's DDMMYY (women +40, 20th century) stands for. */
    static String demoBirthDate(String ddmmyy) {
        int day = Integer.parseInt(ddmmyy.substring(0, 2));
        return "19" + ddmmyy.substring(4) + "-" + ddmmyy.substring(2, 4) + "-" + String.format("%02d", day > 40 ? day - 40 : day);
    }

    /**
     * A few registered workers in the pemda's first villages, through the real registration; BPJS has
     * verified the first three (KPJ recorded), so the dashboards show registered, verified and the
     * verification backlog. Cover (ACTIVE) follows payments of the sponsorship cycle.
     */
    private void seedWorkers(RegionCode pemdaCode, TenantId tenant) {
        Region district = regions.children(pemdaCode).getFirst();
        while (district.level() != RegionCode.Level.DISTRICT) district = regions.children(district.code()).getFirst();
        List<Region> villages = regions.children(district.code());
        String nikRegion = district.code().value().replace(".", "");
        for (int i = 0; i < DEMO_WORKERS.size(); i++) {
            String[] w = DEMO_WORKERS.get(i);
            String ddmmyy = w[1];
            String birthDate = demoBirthDate(ddmmyy);
            String heirNik = nikRegion + "010190" + String.format("%04d", 101 + i);
            var outcome = workers.register(tenant, new WorkerRegistration.Application(nikRegion + ddmmyy + String.format("%04d", 1 + i), w[0],
                    birthDate, w[2], "RT 0" + (1 + i) + " RW 02", villages.get(i % villages.size()).code().value(), null, w[3], null,
                    List.of(new WorkerRegistration.HeirDetails("Ahli Waris " + w[0].split(" ")[0], "SPOUSE", heirNik))));
            if (i < 3) {
                String kpj = "9" + String.format("%-4s", pemdaCode.value().replace(".", "")).replace(' ', '0') + String.format("%06d", 1 + i);
                lifecycle.verify(tenant, outcome.worker().id(), kpj);
            }
        }
    }

    /**
     * The funding side of the articles, once per pemda (also into a demo database made before it existed):
     * Kota Sukabumi's ASN sponsorship by TPP deduction, not counted as APBD so that the PP 50/2025 discount
     * applies in 2026, with the demo ASN sponsoring two demo workers under his consent and the mayor's
     * policy of one worker per ASN; Sumatera Selatan's APBD cohort; a CSR program in Dharmasraya.
     */
    private void seedSponsorship(DemoPemda pemda, RegionCode code, TenantId tenant) {
        var now = FundingPrograms.currentMonth();
        var existing = programs.list(tenant);
        // Each pemda's demo program is made once; other demo programs (the claims demo's) do not count.
        if (existing.stream().anyMatch(p -> p.kind() == id.payung.sponsorship.FundingKind.ASN_TPP
                || p.name().startsWith("Kohort APBD Pekerja Rentan Sumsel") || p.name().startsWith("CSR Peduli"))) return;
        switch (pemda.loginSlug()) {
            case "kotasukabumi" -> {
                programs.create(tenant, new ProgramDetails("ASN_TPP", "Sponsor ASN Kota Sukabumi (potongan TPP)", false,
                        null, null, null, now.toString(), null, null));
                policies.set(tenant, now.toString(), "1");
                sponsorAsDemoAsn(pemda, code, tenant, List.of(new String[]{"470790", "2", "ART"}, new String[]{"120385", "1", "OJEK_LANGGANAN"}));
            }
            case "provsumsel" -> {
                var cohort = programs.create(tenant, new ProgramDetails("APBD_COHORT", "Kohort APBD Pekerja Rentan Sumsel " + now.plusYears(1).getYear(),
                        true, "18144000000", "90000", null, now.toString(), now.plusYears(1).withMonth(12).toString(), null));
                enrolment.addWorkers(tenant, cohort.id(), demoWorkerIds(code, tenant), now.toString());
            }
            case "kabdharmasraya" -> {
                var csr = programs.create(tenant, new ProgramDetails("CSR", "CSR Peduli Guru Ngaji dan Garin Dharmasraya", false,
                        null, "50", "Yayasan Peduli Dharmasraya (fiktif)", now.toString(), null, "6"));
                List<UUID> all = demoWorkerIds(code, tenant);
                enrolment.addWorkers(tenant, csr.id(), all.subList(2, all.size()), now.toString());
            }
            default -> {
            }
        }
    }

    /** The demo ASN adds workers already registered in his pemda, reading and giving his consent like anyone. */
    private void sponsorAsDemoAsn(DemoPemda pemda, RegionCode code, TenantId tenant, List<String[]> workersToSponsor) {
        String username = "asn." + pemda.loginSlug();
        Actor asn = new Actor(demoUserId(username), username, Set.of(Role.ASN_SPONSOR), Optional.of(tenant), Optional.empty(), Actor.Kind.PERSON);
        String nikRegion = firstDistrictCode(code).replace(".", "");
        var locale = java.util.Locale.forLanguageTag("id");
        for (String[] w : workersToSponsor) {
            var proposal = new AsnSponsorships.Proposal("EXISTING", nikRegion + w[0] + String.format("%04d", Integer.parseInt(w[1])),
                    null, w[2], FundingPrograms.currentMonth().toString());
            try {
                SystemWork.callAs(asn, () -> {
                    var preview = sponsorships.preview(tenant, proposal, locale);
                    return sponsorships.start(tenant, proposal, preview.sha256(), true, locale);
                });
            } catch (DomainProblem noLink) {
                log.warn("Demo sponsorship of {} not made ({}); the demo ASN has no approved link", username, noLink.getMessage());
                return;
            }
        }
    }

    private List<UUID> demoWorkerIds(RegionCode code, TenantId tenant) {
        String nikRegion = firstDistrictCode(code).replace(".", "");
        List<String> niks = new java.util.ArrayList<>();
        for (int i = 0; i < DEMO_WORKERS.size(); i++) niks.add(nikRegion + DEMO_WORKERS.get(i)[1] + String.format("%04d", 1 + i));
        var found = directory.matchNiks(tenant, niks);
        return niks.stream().filter(found::containsKey).map(n -> found.get(n).workerId()).toList();
    }

    private String firstDistrictCode(RegionCode pemdaCode) {
        Region district = regions.children(pemdaCode).getFirst();
        while (district.level() != RegionCode.Level.DISTRICT) district = regions.children(district.code()).getFirst();
        return district.code().value();
    }

    /**
     * A small cohort file imported the way a Disnaker operator does (keep the good rows), with two bad rows,
     * so that the imports page shows a finished import and its report of rejected rows. Runs in the background.
     */
    private void seedImport(RegionCode pemdaCode, TenantId tenant) {
        Region district = regions.children(pemdaCode).getFirst();
        while (district.level() != RegionCode.Level.DISTRICT) district = regions.children(district.code()).getFirst();
        List<Region> villages = regions.children(district.code());
        String nikRegion = district.code().value().replace(".", "");
        String[] occupations = {"OJEK", "PETANI", "PEDAGANG", "GURU_NGAJI", "MARBOT", "BURUH_HARIAN"};
        StringBuilder csv = new StringBuilder(String.join(",", WorkerImports.HEADER)).append('\n');
        for (int i = 0; i < 40; i++) {
            String nik = nikRegion + "0101" + String.format("%02d", 70 + i % 20) + String.format("%04d", 201 + i);
            String birth = "19" + (70 + i % 20) + "-01-01";
            String occupation = i == 17 ? "PILOT" : occupations[i % occupations.length]; // row 19: unknown occupation
            if (i == 31) birth = "19" + (70 + i % 20) + "-01-02"; // row 33: birth date does not match the NIK
            csv.append(nik).append(",Peserta Kohort ").append(i + 1).append(',').append(birth).append(",L,Jorong ").append(i + 1)
                    .append(',').append(villages.get(i % villages.size()).code().value()).append(",,").append(occupation)
                    .append(",,Ahli Waris ").append(i + 1).append(",SPOUSE,").append(nikRegion).append("410190").append(String.format("%04d", 301 + i))
                    .append('\n');
        }
        imports.start(tenant, "kohort-apbd-2026.csv", new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                WorkerImports.Mode.KEEP_GOOD_ROWS);
    }

    private static String titleCase(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
