package id.payung;

import id.payung.platform.RegionCode;
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
import java.util.List;

/**
 * The pemda of the source articles, with their OPDs, loaded through the same services a user calls.
 * Idempotent: a pemda that is already onboarded is left as it is.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoPemda(String regionCode, String officeCode, String officeName, String targetPercent, long potentialWorkers,
                     boolean kecamatanAsOpd) {
    }

    static final List<DemoPemda> PEMDA = List.of(
            new DemoPemda("32.72", "KC-SUKABUMI", "BPJS Ketenagakerjaan Kantor Cabang Sukabumi", "22.5", 48_000, true),
            new DemoPemda("32.02", "KC-SUKABUMI", "BPJS Ketenagakerjaan Kantor Cabang Sukabumi", "17", 612_000, false),
            new DemoPemda("13.10", "KC-DHARMASRAYA", "BPJS Ketenagakerjaan Kantor Cabang Dharmasraya", "30", 74_000, false),
            new DemoPemda("16", "KC-PALEMBANG", "BPJS Ketenagakerjaan Kantor Cabang Palembang", "35.68", 1_900_000, false));

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

    private final TenantAdministration administration;
    private final OpdRegistry opds;
    private final Regions regions;

    DemoData(TenantAdministration administration, OpdRegistry opds, Regions regions) {
        this.administration = administration;
        this.opds = opds;
        this.regions = regions;
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
        log.info("Demo pemda loaded: {} ({})", tenant.name(), tenant.regionCode());
    }

    private static String titleCase(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
