package id.payung.claims;

import java.util.Optional;

/** Filters of a claims list: by status, by kind, only those past the payment deadline. */
public record ClaimQuery(Optional<ClaimStatus> status, Optional<ClaimKind> kind, boolean overdueOnly) {

    public static ClaimQuery all() {
        return new ClaimQuery(Optional.empty(), Optional.empty(), false);
    }
}
