package id.payung.platform;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a tenant (one pemda). Always a canonical UUID, so it is safe to render into SQL. */
public record TenantId(UUID value) {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    /** Parses a tenant id from text, such as a path segment; refuses anything but a canonical UUID. */
    public static TenantId parse(String text) {
        if (text == null || !CANONICAL_UUID.matcher(text.toLowerCase()).matches()) {
            throw new DomainProblem(PlatformProblem.MALFORMED_TENANT_ID, text);
        }
        return new TenantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
