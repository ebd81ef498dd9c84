package dev.wfmconnector.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP security: the management API and actuator endpoints need HTTP basic auth ({@link ApiUsers}), except
 * {@code /actuator/health/**} and {@code /actuator/prometheus}, open for Kubernetes probes and scraping (health
 * details show only to authenticated callers). Stateless, no sessions or CSRF tokens; a 401 answers as a JSON
 * problem detail.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

    static final String REALM = "wfm-connector";

    @Bean
    SecurityFilterChain managementSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint basicAuthNeeded = (request, response, e) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "HTTP basic credentials of the management API are needed (spring.security.user.name/password)");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, PrometheusScrapeEndpoint.class))
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(basicAuthNeeded))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basicAuthNeeded))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
