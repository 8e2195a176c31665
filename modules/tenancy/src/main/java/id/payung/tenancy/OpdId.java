package id.payung.tenancy;

import id.payung.platform.DomainProblem;

import java.util.Objects;
import java.util.UUID;

/** Identifies an OPD within its tenant. */
public record OpdId(UUID value) {

    public OpdId {
        Objects.requireNonNull(value, "opd id");
    }

    public static OpdId parse(String text) {
        try {
            return new OpdId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainProblem(TenancyProblem.OPD_NOT_FOUND);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
