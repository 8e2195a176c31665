package id.payung.platform.internal.security;

import id.payung.platform.Actor;
import id.payung.platform.SystemWork.ActorAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everybody signs in through Keycloak. Browsers use OIDC login (authorization code with PKCE) and a
 * session; integrations call {@code /api/**} with a bearer token whose issuer and audience are checked.
 * Either way the request carries a Payung {@link Actor}, and the services decide what it may do.
 * The {@code dev-no-auth} profile, for local development only, skips sign-in and says so on every page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
class SecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";
    private static final String[] PUBLIC = {"/", "/css/**", "/js/**", "/img/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/error"};

    @Bean
    @Order(1)
    @Profile("!dev-no-auth")
    SecurityFilterChain apiWithBearerTokens(HttpSecurity http, JwtDecoder jwtDecoder, TokenActors actors) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(jwtDecoder)
                        .jwtAuthenticationConverter(token -> new ActorJwtAuthentication(token, actors.fromClaims(token.getClaims())))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    @Profile("!dev-no-auth")
    SecurityFilterChain pagesWithKeycloakSignIn(HttpSecurity http, ClientRegistrationRepository registrations,
                                                TokenActors actors) throws Exception {
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkceWithRegistration(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(actorOidcUserService(actors))))
                // Signing out of Payung ends the Keycloak session too (RP-initiated logout).
                .logout(signOut -> signOut.logoutSuccessHandler(logout))
                .build();
    }

    @Bean
    @Profile("!dev-no-auth")
    ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.endpoint("auth"))
                .tokenUri(keycloak.endpoint("token"))
                .jwkSetUri(keycloak.endpoint("certs"))
                .userInfoUri(keycloak.endpoint("userinfo"))
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout")))
                .build());
    }

    @Bean
    @Profile("!dev-no-auth")
    JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.endpoint("certs")).build();
        decoder.setJwtValidator(PayungTokenValidator.of(keycloak.issuer(), keycloak.audience()));
        return decoder;
    }

    /** PKCE on every authorization request; {@code ?register} opens Keycloak's registration page instead of the login page. */
    private static OAuth2AuthorizationRequestResolver pkceWithRegistration(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return withRegistrationPrompt(request, resolver.resolve(request));
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
                return withRegistrationPrompt(request, resolver.resolve(request, clientRegistrationId));
            }
        };
    }

    private static OAuth2AuthorizationRequest withRegistrationPrompt(HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
        if (authorization == null || request.getParameter("register") == null) return authorization;
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put("prompt", "create"))
                .build();
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> actorOidcUserService(TokenActors actors) {
        var delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            return new ActorOidcUser(user, user.getAuthorities(), actors.fromClaims(user.getClaims()));
        };
    }

    @Bean
    @Profile("dev-no-auth")
    SecurityFilterChain developerAccessWithoutSignIn(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // API clients in development send no CSRF token; pages keep CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .addFilterBefore(new DeveloperActorFilter(), AnonymousAuthenticationFilter.class)
                .build();
    }

    static final class DeveloperActorFilter extends OncePerRequestFilter {

        private static final Actor DEVELOPER = new Actor("dev-no-auth", "Developer (dev-no-auth)", Set.of(),
                Optional.empty(), Optional.empty(), Actor.Kind.DEVELOPER);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(DEVELOPER));
            chain.doFilter(request, response);
        }
    }
}
