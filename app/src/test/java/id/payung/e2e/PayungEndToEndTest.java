package id.payung.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application as a user meets it: Payung on {@value E2e#APP_PORT} with the {@code demo} profile
 * (real sign-in, NOT dev-no-auth) on a throw-away embedded PostgreSQL, signing people in through the real
 * Keycloak of {@code infra/keycloak}. All end-to-end classes share this configuration, so Spring starts
 * Payung once for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("e2e")
@ExtendWith(E2eKeycloak.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.port=" + E2e.APP_PORT,
        "server.address=127.0.0.1",
        "payung.keycloak.url=" + id.payung.support.RealKeycloak.URL,
        // a fresh temporary database on a free port, whatever the demo profile keeps for people
        "payung.embedded-postgres.data-directory=",
        "payung.embedded-postgres.port=0",
        // Selenium warns that it has no CDP module for this Chromium; the suite uses WebDriver only
        "logging.level.org.openqa.selenium.devtools=ERROR",
        "logging.level.org.openqa.selenium.chromium=ERROR"})
@ActiveProfiles("demo")
public @interface PayungEndToEndTest {
}
