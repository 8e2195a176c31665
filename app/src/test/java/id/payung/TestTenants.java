package id.payung;

import id.payung.platform.RegionCode;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.tenancy.TenantAdministration;
import id.payung.tenancy.TenantAdministration.OnboardTenant;

/** Onboards test pemda through the real service; each test class uses its own region codes. */
public final class TestTenants {

    public static TenantId ensureOnboarded(TenantAdministration administration, String regionCode, String officeCode) {
        TenantId id = TenantAdministration.tenantIdFor(RegionCode.parse(regionCode));
        return SystemWork.call("test", () -> {
            if (administration.find(id).isEmpty()) {
                administration.onboard(new OnboardTenant(regionCode, officeCode, "Kantor " + officeCode, null, null));
            }
            return id;
        });
    }

    private TestTenants() {
    }
}
