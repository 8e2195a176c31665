package id.payung.e2e;

import id.payung.platform.RegionCode;
import id.payung.tenancy.TenantAdministration;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Constants and demo facts of the end-to-end suite (see infra/keycloak/README.md, DemoData). */
final class E2e {

    /** Payung's port in the suite; the dev realm lists its redirect URIs (infra/keycloak/dev/build-dev-realm.py). */
    static final int APP_PORT = 18080;
    static final String APP = "http://127.0.0.1:" + APP_PORT;
    static final String KEYCLOAK = id.payung.support.RealKeycloak.URL;
    /** Generous: two cores run Keycloak, Payung, PostgreSQL and Chromium at once. */
    static final Duration WAIT = Duration.ofSeconds(30);

    static final Set<String> PAYUNG_ROLES = Set.of("bpjs-staff", "kepala-daerah", "opd-head", "asn-sponsor", "disnaker-operator");

    /** A demo pemda: Keycloak organization alias, region code, and its name in the demo realm. */
    record Pemda(String regionCode, String name, String bpjsOffice) {
        String tenantId() {
            return TenantAdministration.tenantIdFor(RegionCode.parse(regionCode)).toString();
        }
    }

    static final Pemda KOTA_SUKABUMI = new Pemda("32.72", "Kota Sukabumi", "KC-SUKABUMI");
    static final Pemda KAB_SUKABUMI = new Pemda("32.02", "Kabupaten Sukabumi", "KC-SUKABUMI");
    static final Pemda KAB_DHARMASRAYA = new Pemda("13.10", "Kabupaten Dharmasraya", "KC-DHARMASRAYA");
    static final Pemda PROV_SUMSEL = new Pemda("16", "Provinsi Sumatera Selatan", "KC-PALEMBANG");

    /** A demo user of the dev realm: his display name (the {@code name} claim), Payung roles, and pemda if bound to one. */
    record DemoUser(String username, String displayName, Set<String> roles, Pemda pemda) {
        boolean isBpjsStaff() {
            return roles.contains("bpjs-staff");
        }

        @Override
        public String toString() {
            return username + " " + roles;
        }
    }

    static DemoUser bpjs(String username, String officeName) {
        return new DemoUser(username, "Staf BPJS " + officeName, Set.of("bpjs-staff"), null);
    }

    static DemoUser kepala(Pemda p, String slug) {
        return new DemoUser("kepala." + slug, "Kepala Daerah " + p.name(), Set.of("kepala-daerah"), p);
    }

    static DemoUser opd(Pemda p, String slug) {
        return new DemoUser("opd." + slug, "Kepala OPD " + p.name(), Set.of("opd-head", "asn-sponsor"), p);
    }

    static DemoUser asn(Pemda p, String slug) {
        return new DemoUser("asn." + slug, "ASN " + p.name(), Set.of("asn-sponsor"), p);
    }

    static DemoUser operator(Pemda p, String slug) {
        return new DemoUser("operator." + slug, "Operator Disnaker " + p.name(), Set.of("disnaker-operator"), p);
    }

    /** One demo user per Payung role, spread over the four demo pemda and two BPJS offices. */
    static List<DemoUser> onePerRole() {
        return List.of(
                bpjs("bpjs.palembang", "Kantor Cabang Palembang"),
                kepala(KOTA_SUKABUMI, "kotasukabumi"),
                opd(KAB_DHARMASRAYA, "kabdharmasraya"),
                asn(KAB_SUKABUMI, "kabsukabumi"),
                operator(PROV_SUMSEL, "provsumsel"));
    }

    private E2e() {
    }
}
