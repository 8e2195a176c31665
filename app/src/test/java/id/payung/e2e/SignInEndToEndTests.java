package id.payung.e2e;

import id.payung.e2e.E2e.DemoUser;
import id.payung.support.RealKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out through Keycloak's own pages in a real Chromium: every role's home, a wrong
 * password, and a sign-out that ends both the Payung and the Keycloak session.
 */
@PayungEndToEndTest
@ExtendWith(RequiresChromium.class)
class SignInEndToEndTests {

    @RegisterExtension
    final Browser browser = new Browser();

    static List<DemoUser> onePerRole() {
        return E2e.onePerRole();
    }

    @Test
    void theLandingPageOffersSignInAndRegistrationInBahasaIndonesiaOrEnglish() {
        browser.open("/");
        assertThat(browser.visible("a#sign-in").getDomAttribute("href")).endsWith("/oauth2/authorization/keycloak");
        assertThat(browser.visible("a#register").getDomAttribute("href")).endsWith("/oauth2/authorization/keycloak?register");
        assertThat(browser.htmlLang()).isEqualTo("id");
        assertThat(browser.shows("span#signed-in-as")).as("nobody is signed in").isFalse();

        browser.open("/?lang=en");
        assertThat(browser.htmlLang()).isEqualTo("en");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePerRole")
    void eachRoleSignsInOnKeycloaksPageAndLandsOnAHomeMadeForHisRoles(DemoUser user) {
        browser.signIn(user.username());

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.visible("span#signed-in-as").getText()).contains(user.displayName());
        assertThat(browser.htmlLang()).isEqualTo("id");
        assertThat(browser.attributes("section[data-role]", "data-role"))
                .as("one section per Payung role he holds, and none for roles he lacks")
                .containsExactlyInAnyOrderElementsOf(user.roles());

        assertThat(browser.shows("a[data-menu=\"api\"]")).as("API menu").isTrue();
        assertThat(browser.shows("a[data-menu=\"tenants\"]")).as("pemda list menu (BPJS staff only)").isEqualTo(user.isBpjsStaff());
        assertThat(browser.shows("a[data-menu=\"my-pemda\"]")).as("my pemda menu (people bound to one pemda)").isEqualTo(!user.isBpjsStaff());
        if (user.isBpjsStaff()) {
            String tenants = browser.driver().findElement(By.cssSelector("a[data-menu=\"tenants\"]")).getDomAttribute("href");
            assertThat(tenants).endsWith("/tenants");
            assertThat(browser.status("/tenants")).isEqualTo(200);
        } else {
            String myPemda = browser.driver().findElement(By.cssSelector("a[data-menu=\"my-pemda\"]")).getDomAttribute("href");
            assertThat(myPemda).endsWith("/tenants/" + user.pemda().tenantId());
            assertThat(browser.status("/tenants/" + user.pemda().tenantId())).isEqualTo(200);
        }

        browser.open("/?lang=en");
        assertThat(browser.htmlLang()).isEqualTo("en");
        assertThat(browser.visible("span#signed-in-as").getText()).contains(user.displayName());
    }

    @Test
    void aWrongPasswordShowsKeycloaksErrorAndOpensNoPayungSession() {
        // kepala.provsumsel is used for nothing else: one failure, then a good sign-in that resets the counter,
        // stays far below the brute-force lock (5 failures).
        String username = "kepala.provsumsel";
        browser.open("/tenants");
        browser.signInOnKeycloak(username, "Salah#Sandi-2025");

        var error = browser.visible("#input-error-password, #input-error, .kc-feedback-text");
        assertThat(error.getText()).as("Keycloak's message").isNotBlank();
        assertThat(browser.url()).startsWith(E2e.KEYCLOAK + "/realms/payung/");
        assertThat(browser.status("/tenants")).as("no Payung session: a protected page sends to sign-in").isEqualTo(302);

        browser.open("/tenants").signInOnKeycloak(username, RealKeycloak.DEMO_PASSWORD).waitForPayung();
        assertThat(browser.path()).isEqualTo("/tenants");
    }

    @Test
    void afterFiveWrongPasswordsTheAccountIsLockedAndEvenTheRightPasswordOpensNoSession() {
        // A throw-away account, so the lock (realm brute-force protection) touches no other test.
        String username = id.payung.support.KeycloakAdmin.freshUsername("kunci");
        String userId = id.payung.support.KeycloakAdmin.createUser(username);
        try {
            browser.open("/tenants");
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.signInOnKeycloak(username, "Salah#Sandi-" + attempt);
                browser.visible("#input-error-password, #input-error, .kc-feedback-text");
            }
            browser.signInOnKeycloak(username, RealKeycloak.DEMO_PASSWORD);
            var message = browser.visible("#input-error-password, #input-error, .kc-feedback-text");
            assertThat(message.getText()).as("Keycloak refuses the locked account with a message").isNotBlank();
            assertThat(browser.url()).startsWith(E2e.KEYCLOAK + "/realms/payung/");
            assertThat(browser.status("/tenants")).as("no Payung session for a locked account").isEqualTo(302);
        } finally {
            id.payung.support.KeycloakAdmin.deleteUser(userId);
        }
    }

    @Test
    void signingOutEndsThePayungAndTheKeycloakSession() {
        browser.signIn("asn.kotasukabumi");
        browser.visible("span#signed-in-as");

        browser.visible("form#sign-out button, form#sign-out input[type=submit]").click();

        browser.until(ExpectedConditions.urlToBe(E2e.APP + "/"));
        browser.visible("a#sign-in");
        assertThat(browser.shows("span#signed-in-as")).isFalse();

        browser.open("/tenants").waitForKeycloakLogin();
        assertThat(browser.keycloakAsksForUsername())
                .as("Keycloak asks who you are again instead of sending you silently back in").isTrue();
    }
}
