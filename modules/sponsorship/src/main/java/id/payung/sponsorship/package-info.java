/**
 * Who pays for a worker's cover (ASN sponsors by TPP deduction, APBD cohorts, CSR, self) and the
 * monthly cycle: premiums due, OPD deduction lists, invoices to BPJS, payments. Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sponsorship")
package id.payung.sponsorship;
