package id.payung.sponsorship;

/** Who pays a funding program's premiums (DOMAIN.md "Who pays"). */
public enum FundingKind {
    /** ASN sponsors, by monthly deduction from their TPP. */
    ASN_TPP,
    /** The regional budget pays for a cohort, within a budget ceiling and a quota. */
    APBD_COHORT,
    /** A company or person pays for chosen workers, usually 6 to 12 months. */
    CSR,
    /** The worker pays. */
    SELF
}
