/**
 * Who pays for a worker's cover (ASN sponsors by TPP deduction, APBD cohorts, CSR, self) and the
 * monthly cycle ({@link id.payung.sponsorship.MonthlyCycle}): premiums due, OPD deduction lists
 * ({@link id.payung.sponsorship.DeductionLists}), invoices to BPJS ({@link id.payung.sponsorship.Invoices}),
 * payments ({@link id.payung.sponsorship.Payments}) into the {@link id.payung.sponsorship.CoverageLedger},
 * lapse and double funding (docs/contribution-cycle.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sponsorship")
package id.payung.sponsorship;
