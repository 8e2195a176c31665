package id.payung;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on the embedded PostgreSQL (started once per test JVM), with sign-in switched
 * off ({@code dev-no-auth}) so tests choose their actor explicitly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("dev-no-auth")
public @interface PayungIntegrationTest {
}
