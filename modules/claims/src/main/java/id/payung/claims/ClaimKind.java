package id.payung.claims;

/** What a claim is for (DOMAIN.md "Benefits and claims"). */
public enum ClaimKind {
    /** Death not from work: JKM. */
    JKM_DEATH,
    /** Death from a work accident: JKK. */
    JKK_DEATH,
    /** A work accident the worker survived: JKK (care, temporary incapacity, disability). */
    JKK_ACCIDENT
}
