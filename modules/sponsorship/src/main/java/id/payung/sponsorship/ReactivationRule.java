package id.payung.sponsorship;

/**
 * How a worker whose cover lapsed (three unpaid months) becomes active again when a month of his is paid.
 * Cover itself is always per paid month and never retroactive (DOMAIN.md); the rule only decides the status.
 */
public enum ReactivationRule {
    /** Any newly paid month makes him active again (the default). */
    NEW_PAID_MONTH,
    /**
     * Only once he owes nothing up to his latest paid month (looking back twelve months): paying the
     * current month while the lapsed months stay unpaid keeps him inactive, though that month is covered.
     */
    ARREARS_CLEARED
}
