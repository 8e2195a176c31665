package id.payung.sponsorship;

import id.payung.TestTenants;
import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.TenantAdministration;

import java.util.Optional;

/** A pemda with OPDs DISNAKER and DINKES, set up through the real services. */
record SponsorshipFixtures(TenantId tenant, Opd disnaker, Opd dinkes) {

    static SponsorshipFixtures pemda(TenantAdministration administration, OpdRegistry opds, String regionCode, String office) {
        TenantId tenant = TestTenants.ensureOnboarded(administration, regionCode, office);
        return SystemWork.call("test", () -> {
            var existing = opds.active(tenant);
            Opd disnaker = existing.stream().filter(o -> o.code().equals("DISNAKER")).findFirst()
                    .orElseGet(() -> opds.register(tenant, new OpdDetails("DISNAKER", "Dinas Tenaga Kerja")));
            Opd dinkes = existing.stream().filter(o -> o.code().equals("DINKES")).findFirst()
                    .orElseGet(() -> opds.register(tenant, new OpdDetails("DINKES", "Dinas Kesehatan")));
            return new SponsorshipFixtures(tenant, disnaker, dinkes);
        });
    }

    Actor operator() {
        return Acting.person("operator-" + tenant, Optional.of(tenant), Role.DISNAKER_OPERATOR);
    }

    Actor opdHead(String subject) {
        return Acting.person(subject, Optional.of(tenant), Role.OPD_HEAD, Role.ASN_SPONSOR);
    }
}
