package id.payung.platform.internal.security;

import id.payung.platform.DomainProblem;
import id.payung.platform.IdentityProvisioning;
import id.payung.platform.PlatformProblem;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Provisioning through Keycloak's Admin API as the service account of {@code payung-admin} (client
 * credentials). That account holds only {@code manage-organizations} and {@code manage-users}, which
 * shapes the calls (see infra/keycloak/README.md):
 * <ul>
 *   <li>organizations are found by attribute search ({@code q=region_code:32.72}) or by the ids kept here,
 *       never by {@code search=}, which matches names and not aliases;</li>
 *   <li>a realm role is granted with the id found in the user's <em>available</em> role mappings, because
 *       {@code GET /roles/{name}} would need {@code view-realm}.</li>
 * </ul>
 * Log lines carry ids and status codes only.
 */
final class KeycloakIdentityProvisioning implements IdentityProvisioning {

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityProvisioning.class);
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST_OF_OBJECTS = new ParameterizedTypeReference<>() {
    };
    private static final int PAGE = 100;

    private final KeycloakAdminProperties properties;
    private final RestClient http;
    private final Map<String, String> organizationIds = new ConcurrentHashMap<>();
    private volatile AccessToken token;

    KeycloakIdentityProvisioning(KeycloakAdminProperties properties) {
        this.properties = properties;
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    private record AccessToken(String value, Instant renewAfter) {
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public Optional<String> createOrganization(String alias, String name, Map<String, String> attributes) {
        return Optional.of(call("create organization " + alias, () -> {
            Optional<String> existing = findOrganization(alias);
            if (existing.isPresent()) return existing.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alias", alias);
            body.put("name", name);
            Map<String, List<String>> multiValued = new LinkedHashMap<>();
            attributes.forEach((key, value) -> multiValued.put(key, List.of(value)));
            body.put("attributes", multiValued);
            try {
                URI location = admin().post().uri(properties.adminApi() + "/organizations")
                        .contentType(MediaType.APPLICATION_JSON).body(body)
                        .retrieve().toBodilessEntity().getHeaders().getLocation();
                String id = location == null ? findOrganization(alias).orElseThrow()
                        : location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
                organizationIds.put(alias, id);
                log.info("Created Keycloak organization {} ({})", alias, id);
                return id;
            } catch (HttpClientErrorException.Conflict concurrentOrSameName) {
                // Created meanwhile (a retry), or another organization already has this name.
                return findOrganization(alias).orElseThrow(() -> new IllegalStateException(
                        "Keycloak refused organization " + alias + " as a conflict, and none has that alias"));
            }
        }));
    }

    @Override
    public void addMember(String organizationAlias, String userId) {
        call("add member to " + organizationAlias, () -> {
            String organization = findOrganization(organizationAlias).orElseThrow(() -> new IllegalStateException(
                    "Keycloak has no organization " + organizationAlias));
            try {
                admin().post().uri(properties.adminApi() + "/organizations/{org}/members", organization)
                        .contentType(MediaType.APPLICATION_JSON).body("\"" + requireId(userId) + "\"")
                        .retrieve().toBodilessEntity();
                log.info("Added user {} to Keycloak organization {}", userId, organizationAlias);
            } catch (HttpClientErrorException.Conflict alreadyMember) {
                log.info("User {} already a member of Keycloak organization {}", userId, organizationAlias);
            }
            return null;
        });
    }

    @Override
    public void grantRealmRole(String userId, Role role) {
        call("grant " + role.realmRole(), () -> {
            String user = requireId(userId);
            List<Map<String, Object>> available = admin().get()
                    .uri(properties.adminApi() + "/users/{user}/role-mappings/realm/available", user)
                    .retrieve().body(LIST_OF_OBJECTS);
            Optional<Map<String, Object>> grantable = available == null ? Optional.empty()
                    : available.stream().filter(r -> role.realmRole().equals(r.get("name"))).findFirst();
            if (grantable.isEmpty()) {
                List<Map<String, Object>> held = admin().get()
                        .uri(properties.adminApi() + "/users/{user}/role-mappings/realm", user)
                        .retrieve().body(LIST_OF_OBJECTS);
                if (held != null && held.stream().anyMatch(r -> role.realmRole().equals(r.get("name")))) return null;
                throw new IllegalStateException("Realm role " + role.realmRole() + " is neither held nor grantable");
            }
            admin().post().uri(properties.adminApi() + "/users/{user}/role-mappings/realm", user)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(List.of(Map.of("id", grantable.get().get("id"), "name", role.realmRole())))
                    .retrieve().toBodilessEntity();
            log.info("Granted realm role {} to user {}", role.realmRole(), userId);
            return null;
        });
    }

    /** The organization's id: remembered, else by region code attribute, else by paging through all of them. */
    private Optional<String> findOrganization(String alias) {
        String known = organizationIds.get(alias);
        if (known != null) return Optional.of(known);
        Optional<String> found = Optional.empty();
        Optional<RegionCode> regionCode = regionCodeOf(alias);
        if (regionCode.isPresent()) {
            found = matching(alias, admin().get().uri(properties.adminApi() + "/organizations?q={q}&briefRepresentation=true",
                    "region_code:" + regionCode.get().value()).retrieve().body(LIST_OF_OBJECTS));
        }
        for (int first = 0; found.isEmpty(); first += PAGE) {
            List<Map<String, Object>> page = admin().get()
                    .uri(properties.adminApi() + "/organizations?briefRepresentation=true&first={first}&max={max}", first, PAGE)
                    .retrieve().body(LIST_OF_OBJECTS);
            found = matching(alias, page);
            if (page == null || page.size() < PAGE) break;
        }
        found.ifPresent(id -> organizationIds.put(alias, id));
        return found;
    }

    private static Optional<String> matching(String alias, List<Map<String, Object>> organizations) {
        if (organizations == null) return Optional.empty();
        return organizations.stream().filter(o -> alias.equals(o.get("alias"))).map(o -> String.valueOf(o.get("id"))).findFirst();
    }

    private static Optional<RegionCode> regionCodeOf(String alias) {
        try {
            return Optional.of(RegionCode.parse(alias));
        } catch (DomainProblem notARegionCode) {
            return Optional.empty();
        }
    }

    private static String requireId(String userId) {
        if (userId == null || !userId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("Not a Keycloak user id");
        }
        return userId;
    }

    /** A request builder with the service account's bearer token. */
    private RestClient admin() {
        return http.mutate().defaultHeader("Authorization", "Bearer " + accessToken()).build();
    }

    private String accessToken() {
        AccessToken current = token;
        if (current != null && Instant.now().isBefore(current.renewAfter())) return current.value();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.adminClientId());
        form.add("client_secret", properties.adminClientSecret());
        Map<String, Object> response = http.post().uri(properties.tokenEndpoint())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        if (response == null || !(response.get("access_token") instanceof String value)) {
            throw new IllegalStateException("Keycloak returned no access token for " + properties.adminClientId());
        }
        long lifetime = response.get("expires_in") instanceof Number seconds ? seconds.longValue() : 60;
        token = new AccessToken(value, Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
        return value;
    }

    /** Runs an Admin API call, once more with a fresh token after a 401, and reports failures as one problem. */
    private <T> T call(String what, Supplier<T> work) {
        try {
            try {
                return work.get();
            } catch (HttpClientErrorException.Unauthorized expired) {
                token = null;
                return work.get();
            }
        } catch (RestClientResponseException refused) {
            log.warn("Keycloak Admin API refused to {}: HTTP {}", what, refused.getStatusCode().value());
            throw unavailable(refused);
        } catch (RestClientException | IllegalStateException failed) {
            log.warn("Keycloak Admin API call to {} failed: {}", what, failed.getMessage());
            throw unavailable(failed);
        }
    }

    private static DomainProblem unavailable(Exception cause) {
        DomainProblem problem = new DomainProblem(PlatformProblem.IDENTITY_UNAVAILABLE);
        problem.initCause(cause);
        return problem;
    }

}
