package id.payung.platform;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of Keycloak, as Payung knows them. */
public enum Role {
    BPJS_STAFF("bpjs-staff"),
    KEPALA_DAERAH("kepala-daerah"),
    OPD_HEAD("opd-head"),
    ASN_SPONSOR("asn-sponsor"),
    DISNAKER_OPERATOR("disnaker-operator");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static Optional<Role> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(name)).findFirst();
    }
}
