package id.payung.platform.internal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Payung changes its Keycloak realm at run time: the confidential client {@code payung-admin}
 * (client credentials; its service account holds only {@code manage-organizations} and
 * {@code manage-users}) and whether provisioning is on at all.
 *
 * @param url               base URL of Keycloak, shared with the sign-in settings
 * @param realm             the realm
 * @param adminClientId     the admin client, {@code payung-admin}
 * @param adminClientSecret its secret
 * @param provisioning      {@code keycloak} (default) or {@code disabled} (only the {@code dev-no-auth} profile)
 */
@ConfigurationProperties("payung.keycloak")
record KeycloakAdminProperties(String url, String realm, String adminClientId, String adminClientSecret,
                               Provisioning provisioning) {

    enum Provisioning { KEYCLOAK, DISABLED }

    KeycloakAdminProperties {
        url = url == null ? "http://127.0.0.1:8180" : url.replaceAll("/+$", "");
        realm = realm == null ? "payung" : realm;
        adminClientId = adminClientId == null ? "payung-admin" : adminClientId;
        provisioning = provisioning == null ? Provisioning.KEYCLOAK : provisioning;
    }

    String tokenEndpoint() {
        return url + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    String adminApi() {
        return url + "/admin/realms/" + realm;
    }
}
