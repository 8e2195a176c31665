/**
 * The pemda that use Payung (tenants) with their region, administering BPJS office, coverage target
 * and potential workers; their OPDs; and the Kemendagri region reference data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package id.payung.tenancy;
