package id.payung.platform.internal;

import id.payung.platform.Actor;
import id.payung.platform.SystemWork.ActorAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Until sign-in through Keycloak exists, the default profile opens nothing but static assets and
 * health: every page and API answers 401. The {@code dev-no-auth} profile, for local development
 * and demos only, treats every request as a developer with full access and says so on every page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/css/**", "/js/**", "/img/**", "/favicon.ico", "/actuator/health", "/error"};

    @Bean
    @Profile("!dev-no-auth")
    SecurityFilterChain closedUntilSignInExists(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
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
