package id.payung.platform.internal.security;

import id.payung.platform.IdentityProvisioning;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses how identity provisioning runs: against Keycloak's Admin API, or explicitly switched off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class IdentityProvisioningConfiguration {

    @Bean
    IdentityProvisioning identityProvisioning(KeycloakAdminProperties properties) {
        if (properties.provisioning() == KeycloakAdminProperties.Provisioning.DISABLED) {
            LoggerFactory.getLogger(IdentityProvisioning.class)
                    .warn("Identity provisioning is DISABLED: organizations, memberships and roles are not written to Keycloak");
            return new DisabledIdentityProvisioning();
        }
        if (properties.adminClientSecret() == null || properties.adminClientSecret().isBlank()) {
            throw new IllegalStateException("payung.keycloak.admin-client-secret (PAYUNG_KEYCLOAK_ADMIN_CLIENT_SECRET) is required "
                    + "while payung.keycloak.provisioning=keycloak");
        }
        return new KeycloakIdentityProvisioning(properties);
    }
}
