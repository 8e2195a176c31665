package id.payung.platform.internal.security;

import id.payung.platform.DomainProblem;
import id.payung.platform.IdentityProvisioning;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.support.KeycloakAdmin;
import id.payung.support.RealKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provisioning through the Admin API of the real dev Keycloak, as the payung-admin service account. */
class KeycloakIdentityProvisioningTests {

    static IdentityProvisioning provisioning;

    @BeforeAll
    static void keycloak() {
        RealKeycloak.ensureRunning();
        provisioning = new KeycloakIdentityProvisioning(new KeycloakAdminProperties(RealKeycloak.URL, "payung", "payung-admin",
                KeycloakAdmin.ADMIN_CLIENT_SECRET, KeycloakAdminProperties.Provisioning.KEYCLOAK));
    }

    @Test
    void createsAnOrganizationOnceWithItsAttributesAndFindsItAgainByAlias() {
        String id = provisioning.createOrganization("9998", "Pemda Uji Provisioning",
                Map.of("region_code", "99.98", "kind", "KOTA", "bpjs_office", "KC-UJI")).orElseThrow();
        try {
            String organization = KeycloakAdmin.organization(id);
            assertThat(organization).contains("\"alias\":\"9998\"", "\"name\":\"Pemda Uji Provisioning\"",
                    "\"region_code\":[\"99.98\"]", "\"kind\":[\"KOTA\"]", "\"bpjs_office\":[\"KC-UJI\"]");
            // Idempotent: the same alias again (as a retried event would) yields the same organization.
            assertThat(provisioning.createOrganization("9998", "Pemda Uji Provisioning", Map.of("region_code", "99.98"))).contains(id);
            // A fresh instance (after a restart) knows no ids and still finds it rather than creating another.
            var afterRestart = new KeycloakIdentityProvisioning(new KeycloakAdminProperties(RealKeycloak.URL, "payung", "payung-admin",
                    KeycloakAdmin.ADMIN_CLIENT_SECRET, null));
            assertThat(afterRestart.createOrganization("9998", "Pemda Uji Provisioning", Map.of("region_code", "99.98"))).contains(id);
            assertThat(KeycloakAdmin.organizationsWithRegionCode("99.98")).containsOnlyOnce("\"alias\":\"9998\"");
        } finally {
            KeycloakAdmin.deleteOrganization(id);
        }
    }

    @Test
    void anExistingDemoOrganizationIsFoundNotDuplicated() {
        String existing = KeycloakAdmin.firstId(KeycloakAdmin.organizationsWithRegionCode("32.72"));
        assertThat(existing).isNotNull();
        assertThat(provisioning.createOrganization("3272", "Kota Sukabumi", Map.of("region_code", "32.72"))).contains(existing);
    }

    @Test
    void memberAndRoleGrantedTwiceShowUpOnceInAFreshToken() {
        String username = KeycloakAdmin.freshUsername("uji.prov");
        String user = KeycloakAdmin.createUser(username);
        String organization = provisioning.createOrganization("9997", "Pemda Uji Anggota", Map.of("region_code", "99.97")).orElseThrow();
        try {
            assertThat(KeycloakAdmin.claims(RealKeycloak.accessToken(username))).doesNotContain("\"organization\"")
                    .doesNotContain("asn-sponsor");

            provisioning.addMember("9997", user);
            provisioning.addMember("9997", user);
            provisioning.grantRealmRole(user, Role.ASN_SPONSOR);
            provisioning.grantRealmRole(user, Role.ASN_SPONSOR);

            assertThat(KeycloakAdmin.claims(RealKeycloak.accessToken(username)))
                    .contains("\"organization\":[\"9997\"]", "\"roles\":[\"asn-sponsor\"]");
        } finally {
            KeycloakAdmin.deleteUser(user);
            KeycloakAdmin.deleteOrganization(organization);
        }
    }

    @Test
    void anUnknownOrganizationOrUnreachableKeycloakIsReportedNotIgnored() {
        assertThatThrownBy(() -> provisioning.addMember("9996", "00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.IDENTITY_UNAVAILABLE));
        var nowhere = new KeycloakIdentityProvisioning(new KeycloakAdminProperties("http://127.0.0.1:9", "payung", "payung-admin",
                "secret", null));
        assertThatThrownBy(() -> nowhere.grantRealmRole("00000000-0000-0000-0000-000000000000", Role.ASN_SPONSOR))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.IDENTITY_UNAVAILABLE));
    }
}
