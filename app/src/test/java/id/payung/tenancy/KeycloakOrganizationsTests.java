package id.payung.tenancy;

import id.payung.TestTenants;
import id.payung.platform.IdentityProvisioning;
import id.payung.platform.TenantId;
import id.payung.support.KeycloakAdmin;
import id.payung.support.RealKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Onboarding a pemda creates its Organization in the real Keycloak, once, whatever retries happen. */
@SpringBootTest
class KeycloakOrganizationsTests {

    @Autowired TenantAdministration administration;
    @Autowired KeycloakOrganizations listener;
    @Autowired IdentityProvisioning provisioning;

    @BeforeAll
    static void keycloak() {
        RealKeycloak.ensureRunning();
    }

    @Test
    void onboardingCreatesTheOrganizationWithAliasNameAndAttributesAndARetryAddsNoSecond() {
        assertThat(provisioning.isEnabled()).as("provisioning is on outside dev-no-auth").isTrue();
        String organization = null;
        try {
            TenantId id = TestTenants.ensureOnboarded(administration, "51.71", "KC-DENPASAR");
            organization = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> KeycloakAdmin.firstId(KeycloakAdmin.organizationsWithRegionCode("51.71")), o -> o != null);
            assertThat(KeycloakAdmin.organization(organization)).contains("\"alias\":\"5171\"", "\"name\":\"Kota Denpasar\"",
                    "\"region_code\":[\"51.71\"]", "\"kind\":[\"KOTA\"]", "\"bpjs_office\":[\"KC-DENPASAR\"]");

            // The registry redelivers an event whose listener did not complete: the same organization stays the only one.
            listener.on(new TenancyEvents.TenantOnboarded(id));
            assertThat(KeycloakAdmin.organizationsWithRegionCode("51.71")).containsOnlyOnce("\"alias\":\"5171\"");
        } finally {
            if (organization != null) KeycloakAdmin.deleteOrganization(organization);
        }
    }
}
