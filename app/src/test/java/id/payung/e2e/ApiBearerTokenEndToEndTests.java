package id.payung.e2e;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.payung.support.RealKeycloak;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrations call the running Payung's API with bearer tokens from the real Keycloak: only tokens of our
 * realm, meant for Payung's API, get in, and they see what their holder may see.
 */
@PayungEndToEndTest
class ApiBearerTokenEndToEndTests {

    @Test
    void bpjsStaffListOnlyThePemdaOfTheirOffice() {
        HttpResponse<String> response = get("/api/v1/tenants?size=100", RealKeycloak.accessToken("bpjs.sukabumi"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> regionCodes = JsonPath.read(response.body(), "$.items[*].regionCode");
        List<String> offices = JsonPath.read(response.body(), "$.items[*].bpjsOffice.code");
        assertThat(regionCodes).contains(E2e.KOTA_SUKABUMI.regionCode(), E2e.KAB_SUKABUMI.regionCode())
                .doesNotContain(E2e.KAB_DHARMASRAYA.regionCode(), E2e.PROV_SUMSEL.regionCode());
        assertThat(offices).containsOnly("KC-SUKABUMI");
    }

    @Test
    void aPemdaOfAnotherOfficeOrAnotherPemdaIsRefusedAndTellsNothing() {
        HttpResponse<String> otherOffice = get("/api/v1/tenants/" + E2e.KAB_DHARMASRAYA.tenantId(), RealKeycloak.accessToken("bpjs.sukabumi"));
        assertThat(otherOffice.statusCode()).isIn(403, 404);
        assertThat(otherOffice.body()).doesNotContain("Dharmasraya").doesNotContain(E2e.KAB_DHARMASRAYA.bpjsOffice());

        HttpResponse<String> otherPemda = get("/api/v1/tenants/" + E2e.KAB_SUKABUMI.tenantId(), RealKeycloak.accessToken("asn.kotasukabumi"));
        assertThat(otherPemda.statusCode()).isIn(403, 404);
        assertThat(otherPemda.body()).doesNotContain("Kabupaten Sukabumi");
    }

    @Test
    void noTokenIsUnauthorized() {
        assertThat(get("/api/v1/tenants", null).statusCode()).isEqualTo(401);
    }

    @Test
    void garbageIsUnauthorized() {
        assertThat(get("/api/v1/tenants", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/tenants", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").statusCode()).isEqualTo(401);
    }

    @Test
    void aGenuineTokenOfOurRealmMeantForAnotherAudienceIsUnauthorized() {
        // payung-admin's service account: signed by the realm, right issuer, audience realm-management
        String token = E2eKeycloak.adminServiceAccountToken();
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"" + RealKeycloak.REALM_URL + "\"").doesNotContain("payung-api");

        assertThat(get("/api/v1/tenants", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        Instant now = Instant.now();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(RealKeycloak.REALM_URL).audience("payung-api").subject(UUID.randomUUID().toString())
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("roles", List.of("bpjs-staff")).claim("bpjs_office", "KC-SUKABUMI")
                        .claim("preferred_username", "bpjs.sukabumi").build());
        forged.sign(new RSASSASigner(key));

        assertThat(get("/api/v1/tenants", forged.serialize()).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(E2e.APP + path)).header("Accept", "application/json").GET();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return E2eKeycloak.send(request);
    }
}
