package id.payung.sponsorship;

import id.payung.sponsorship.AsnRegistration.Application;
import id.payung.sponsorship.AsnRoster.EntryDetails;
import id.payung.support.Acting;
import id.payung.support.KeycloakAdmin;
import id.payung.support.RealKeycloak;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Self-registration end to end against the real Keycloak: accounts made through the Admin API sign in
 * afterwards with the pemda's organization and the asn-sponsor role in their token.
 */
@SpringBootTest
class AsnSelfRegistrationKeycloakTests {

    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired AsnRoster roster;
    @Autowired AsnRegistration registration;

    @BeforeAll
    static void keycloak() {
        RealKeycloak.ensureRunning();
    }

    @Test
    void fromTheRosterAtOnceAndByTheOpdHeadTheAsnGetsThePemdaAndTheRoleInAFreshToken() {
        String asnName = KeycloakAdmin.freshUsername("uji.asn");
        String applicantName = KeycloakAdmin.freshUsername("uji.pemohon");
        String asn = KeycloakAdmin.createUser(asnName);
        String applicant = KeycloakAdmin.createUser(applicantName);
        String organization = null;
        try {
            SponsorshipFixtures mataram = SponsorshipFixtures.pemda(administration, opds, "52.71", "KC-MATARAM");
            organization = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> KeycloakAdmin.firstId(KeycloakAdmin.organizationsWithRegionCode("52.71")), o -> o != null);
            String tenant = mataram.tenant().toString();
            String disnaker = mataram.disnaker().id().toString();

            // 1. On the roster: approved at once.
            Acting.run(mataram.operator(), () -> roster.add(mataram.tenant(), new EntryDetails("197705122003121002", "Lalu Ahmad", disnaker)));
            assertThat(KeycloakAdmin.claims(RealKeycloak.accessToken(asnName))).doesNotContain("asn-sponsor").doesNotContain("\"organization\"");
            var outcome = Acting.as(Acting.newcomer(asn), () -> registration.register(
                    new Application(tenant, disnaker, "197705122003121002", "1977-05-12")));
            assertThat(outcome.approved()).isTrue();
            assertThat(KeycloakAdmin.claims(RealKeycloak.accessToken(asnName)))
                    .contains("\"organization\":[\"5271\"]", "\"roles\":[\"asn-sponsor\"]");

            // 2. Not on the roster: nothing in Keycloak until the head of his OPD approves.
            var request = Acting.as(Acting.newcomer(applicant), () -> registration.register(
                    new Application(tenant, disnaker, "199208172019032001", "1992-08-17")));
            assertThat(request.approved()).isFalse();
            assertThat(KeycloakAdmin.claims(RealKeycloak.accessToken(applicantName))).doesNotContain("asn-sponsor").doesNotContain("\"organization\"");
            // The first ASN heads DISNAKER (his opd-head role comes from Keycloak; here the actor says so).
            Acting.run(mataram.opdHead(asn), () -> registration.approve(mataram.tenant(), request.link().id()));
            assertThat(KeycloakAdmin.claims(RealKeycloak.accessToken(applicantName)))
                    .contains("\"organization\":[\"5271\"]", "\"roles\":[\"asn-sponsor\"]");
        } finally {
            KeycloakAdmin.deleteUser(asn);
            KeycloakAdmin.deleteUser(applicant);
            if (organization != null) KeycloakAdmin.deleteOrganization(organization);
        }
    }
}
