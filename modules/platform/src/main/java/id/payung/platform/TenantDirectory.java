package id.payung.platform;

import java.util.Optional;

/**
 * What the platform must know about tenants to decide who may reach them. Implemented by the tenancy
 * module, which keeps these facts.
 */
public interface TenantDirectory {

    /** Whether the BPJS office administers the tenant. */
    boolean isAdministeredBy(TenantId tenant, String bpjsOfficeCode);

    /** The tenant behind a Keycloak organization alias (the region code's digits), if onboarded. */
    Optional<TenantId> tenantOfOrganization(String organizationAlias);
}
