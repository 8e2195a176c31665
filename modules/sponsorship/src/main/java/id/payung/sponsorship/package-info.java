/**
 * Who pays for a worker's cover: the ASN roster and ASN self-registration, funding programs
 * ({@link id.payung.sponsorship.FundingPrograms}: ASN/TPP, APBD cohort, CSR, self), ASN sponsorships with
 * the sponsor's stored consent to the TPP deduction ({@link id.payung.sponsorship.AsnSponsorships}),
 * cohorts within quota and budget ceiling ({@link id.payung.sponsorship.ProgramEnrolment}), the OPD
 * ranking ({@link id.payung.sponsorship.OpdParticipation}) and the ledger of paid months
 * ({@link id.payung.sponsorship.CoverageLedger}).
 * The monthly cycle ({@link id.payung.sponsorship.MonthlyCycle}): premiums due, OPD deduction lists
 * ({@link id.payung.sponsorship.DeductionLists}), invoices to BPJS ({@link id.payung.sponsorship.Invoices}),
 * payments ({@link id.payung.sponsorship.Payments}), lapse and double funding (docs/contribution-cycle.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sponsorship")
package id.payung.sponsorship;
