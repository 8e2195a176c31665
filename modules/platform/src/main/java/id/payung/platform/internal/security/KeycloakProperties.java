package id.payung.platform.internal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Payung's Keycloak realm is and how Payung is registered there. Endpoints are derived from the
 * realm URL rather than discovered, so Payung starts even while Keycloak is still starting.
 *
 * @param url          base URL of Keycloak, e.g. {@code http://127.0.0.1:8180}
 * @param realm        the realm, {@code payung}
 * @param clientId     the browser client ({@code payung-web}, authorization code with PKCE)
 * @param clientSecret its secret
 * @param audience     the audience every API token must carry ({@code payung-api})
 */
@ConfigurationProperties("payung.keycloak")
record KeycloakProperties(String url, String realm, String clientId, String clientSecret, String audience) {

    KeycloakProperties {
        url = url == null ? "http://127.0.0.1:8180" : url.replaceAll("/+$", "");
        realm = realm == null ? "payung" : realm;
        clientId = clientId == null ? "payung-web" : clientId;
        audience = audience == null ? "payung-api" : audience;
    }

    String issuer() {
        return url + "/realms/" + realm;
    }

    String endpoint(String path) {
        return issuer() + "/protocol/openid-connect/" + path;
    }
}
