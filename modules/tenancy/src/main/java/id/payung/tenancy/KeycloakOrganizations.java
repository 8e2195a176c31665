package id.payung.tenancy;

import id.payung.platform.IdentityProvisioning;
import id.payung.platform.SystemWork;
import id.payung.tenancy.TenancyEvents.TenantOnboarded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Every onboarded pemda gets its Organization in the Keycloak realm (alias = region code digits, name =
 * pemda name, attributes {@code region_code}, {@code kind}, {@code bpjs_office}), so its people can be
 * made members. Runs after the onboarding commits; the event publication registry retries it until it
 * succeeds, and a retry finds the organization made by an earlier attempt instead of making another.
 */
@Component
class KeycloakOrganizations {

    private final TenantAdministration administration;
    private final IdentityProvisioning provisioning;

    KeycloakOrganizations(TenantAdministration administration, IdentityProvisioning provisioning) {
        this.administration = administration;
        this.provisioning = provisioning;
    }

    @ApplicationModuleListener
    void on(TenantOnboarded event) {
        SystemWork.run("keycloak-organization", () -> {
            Tenant tenant = administration.get(event.tenantId());
            provisioning.createOrganization(TenantAdministration.organizationAlias(tenant.regionCode()), tenant.name(),
                    Map.of("region_code", tenant.regionCode().value(), "kind", tenant.kind().name(),
                            "bpjs_office", tenant.bpjsOfficeCode()));
        });
    }
}
