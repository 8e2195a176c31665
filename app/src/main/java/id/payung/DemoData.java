package id.payung;

import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;
import id.payung.sponsorship.AsnRegistration;
import id.payung.sponsorship.AsnRoster;
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
    private final WorkerLifecycle lifecycle;

    DemoData(TenantAdministration administration, OpdRegistry opds, Regions regions, AsnRoster roster,
             AsnRegistration registration, WorkerRegistration workers, WorkerLifecycle lifecycle) {
        this.workers = workers;
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
        if (administration.find(id).isPresent()) return;
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

    private static String titleCase(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
