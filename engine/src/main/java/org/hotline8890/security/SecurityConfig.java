package org.hotline8890.security;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Four chains. The metrics endpoint is HTTP Basic for ADMIN only. The JSON API is stateless HTTP
 * Basic: no session cookie, so no CSRF exposure, and a 401 rather than a login page. Camunda's web apps are for admins, who log in on our login page;
 * Camunda's own filters then take the login over ({@link CockpitAuthenticationProvider}) and guard
 * its requests with Camunda's own CSRF token. Pages use form login with CSRF protection.
 */
@Configuration
class SecurityConfig {

    private static final String CENTER = "hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')";
    /**
     * The only API paths open without a login; every other {@code /api/**} path is staff-only.
     * Open311 reads are public by the standard, and its submissions carry an API key instead.
     */
    static final String[] OPEN_API_PATHS = {"/api/citizen/**", "/api/public/**", "/open311/**"};
    private static final String TWILIO_WEBHOOKS = "/channels/twilio/**";

    /** Room for every staff login in use at once, with a wide margin; see {@link RememberedPasswordMatches}. */
    private static final int REMEMBERED_MATCHES = 10_000;

    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings, Clock clock) {
        return new RememberedPasswordMatches(new BCryptPasswordEncoder(), settings.rememberVerifiedPasswords(),
                REMEMBERED_MATCHES, clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // Open311 is a public standard API: anyone reads, and a submission carries its own api_key.
        http.securityMatcher("/api/**", "/open311/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN_API_PATHS).permitAll()
                        .requestMatchers("/api/agent/**").hasAnyRole("AGENT", "DISPATCHER", "SUPERVISOR")
                        .requestMatchers("/api/center/**").access(
                                new org.springframework.security.web.access.expression.WebExpressionAuthorizationManager(CENTER))
                        .requestMatchers("/api/department/**").hasRole("DEPARTMENT")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/cases/**").authenticated()
                        // The duty roster: each department keeps its own, an admin every unit's (docs/emergencies.md).
                        .requestMatchers("/api/duty/**").hasAnyRole("DEPARTMENT", "ADMIN")
                        // Knowledge base: the center decides on articles; departments and the center write
                        // them and see what expires; every staff member searches and reads.
                        .requestMatchers(HttpMethod.POST, "/api/knowledge/articles/*/**")
                                .hasAnyRole("DISPATCHER", "SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/knowledge/articles")
                                .hasAnyRole("DEPARTMENT", "DISPATCHER", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/api/knowledge/proposals", "/api/knowledge/expiring", "/api/knowledge/reminders")
                                .hasAnyRole("DEPARTMENT", "DISPATCHER", "SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/knowledge/articles", "/api/knowledge/articles/*")
                                .authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Prometheus scrapes with HTTP Basic as an ADMIN staff user (docker/prometheus.yml): the figures
     * say how busy and how late the hotline is, which is not for everyone.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        // Matched on the whole path: the web apps' API is a servlet of its own, beside Spring MVC's.
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // Camunda's CsrfPreventionFilter checks its own X-XSRF-TOKEN on every change.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Runs after Spring Security's chain (order -100), so that the login is known to Camunda. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CockpitAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        // The citizen portal needs no login: a case is reached with its number and query code.
                        .requestMatchers("/citizen/**").permitAll()
                        .requestMatchers("/public/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // Staff pages carry the same roles as the API behind them.
                        .requestMatchers("/agent/**").hasAnyRole("AGENT", "DISPATCHER", "SUPERVISOR")
                        .requestMatchers("/center/**").access(
                                new org.springframework.security.web.access.expression.WebExpressionAuthorizationManager(CENTER))
                        .requestMatchers("/department/**").hasRole("DEPARTMENT")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // Twilio's webhooks carry no login: each must bear Twilio's signature instead.
                        .requestMatchers(HttpMethod.POST, TWILIO_WEBHOOKS).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(TWILIO_WEBHOOKS))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff").permitAll())
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
