package id.payung.platform;

/**
 * Answers which BPJS office administers a tenant. Implemented by the tenancy module, which keeps
 * that fact; the platform uses it to decide whether BPJS staff may reach a tenant.
 */
public interface TenantOffices {

    boolean isAdministeredBy(TenantId tenant, String bpjsOfficeCode);
}
