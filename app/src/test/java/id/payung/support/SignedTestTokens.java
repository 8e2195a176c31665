package id.payung.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.payung.platform.internal.security.PayungTokenValidator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens shaped like Keycloak's, signed by a key only this test JVM knows. The application verifies
 * them with the production validator (issuer and audience); only the signing key is the test's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedTestTokens {

    public static final String ISSUER = "http://127.0.0.1:8180/realms/payung";
    public static final String AUDIENCE = "payung-api";
    private static final KeyPair KEYS = generate();
    private static final KeyPair FOREIGN_KEYS = generate();

    @Bean
    @Primary
    JwtDecoder testKeyJwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(PayungTokenValidator.of(ISSUER, AUDIENCE));
        return decoder;
    }

    /** A valid token for a person with the given realm roles, organization aliases and claims. */
    public static Token person(String username, List<String> roles, List<String> organizations) {
        return new Token(username, roles, organizations, Map.of(), ISSUER, AUDIENCE, Duration.ofMinutes(5), false);
    }

    public record Token(String username, List<String> roles, List<String> organizations, Map<String, Object> extra,
                        String issuer, String audience, Duration validFor, boolean foreignKey) {

        public Token withClaim(String name, Object value) {
            var claims = new java.util.HashMap<>(extra);
            claims.put(name, value);
            return new Token(username, roles, organizations, claims, issuer, audience, validFor, foreignKey);
        }

        public Token issuedBy(String otherIssuer) {
            return new Token(username, roles, organizations, extra, otherIssuer, audience, validFor, foreignKey);
        }

        public Token forAudience(String otherAudience) {
            return new Token(username, roles, organizations, extra, issuer, otherAudience, validFor, foreignKey);
        }

        public Token expired() {
            return new Token(username, roles, organizations, extra, issuer, audience, Duration.ofMinutes(-10), foreignKey);
        }

        public Token signedByAnotherKey() {
            return new Token(username, roles, organizations, extra, issuer, audience, validFor, true);
        }

        public String bearer() {
            Instant now = Instant.now();
            var claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).audience(audience).subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                    .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(validFor)))
                    .claim("preferred_username", username).claim("name", username)
                    .claim("roles", roles).claim("realm_access", Map.of("roles", roles));
            if (!organizations.isEmpty()) claims.claim("organization", organizations);
            extra.forEach(claims::claim);
            try {
                var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
                jwt.sign(new RSASSASigner((foreignKey ? FOREIGN_KEYS : KEYS).getPrivate()));
                return "Bearer " + jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
