package id.payung.enrollment.persistence;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The national one-membership register (ADR 0006), reached only through its two SECURITY DEFINER
 * functions, which answer for the tenant of the current transaction and never name another tenant.
 */
@Repository
public class NationalMembership {

    public enum Standing { FREE, MINE, ELSEWHERE }

    private final DSLContext db;

    NationalMembership(DSLContext db) {
        this.db = db;
    }

    /** Free, held by this tenant, or held elsewhere; changes nothing. */
    public Standing of(byte[] nikHmac) {
        return Standing.valueOf(db.fetchValue(DSL.field("enrollment.membership_of({0})", String.class, DSL.val(nikHmac))));
    }

    /** Claims the person for this tenant if free; rolls back with the transaction. */
    public Standing claim(byte[] nikHmac) {
        return Standing.valueOf(db.fetchValue(DSL.field("enrollment.claim_membership({0})", String.class, DSL.val(nikHmac))));
    }

    /** Gives the person back if this tenant holds him (a worker ended); false when it did not. */
    public boolean release(byte[] nikHmac) {
        return Boolean.TRUE.equals(db.fetchValue(DSL.field("enrollment.release_membership({0})", Boolean.class, DSL.val(nikHmac))));
    }

    /** The name of the pemda holding the person, if any; only in the registry scope, only for BPJS staff. */
    public java.util.Optional<String> ownerName(byte[] nikHmac) {
        return java.util.Optional.ofNullable(db.fetchValue(DSL.field("enrollment.membership_owner_name({0})", String.class, DSL.val(nikHmac))));
    }
}
