package org.hotline8890.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Two chains. The JSON API is stateless HTTP Basic: no session cookie, so no CSRF exposure, and a
 * 401 rather than a login page. Pages use form login with CSRF protection.
 */
@Configuration
class SecurityConfig {

    private static final String CENTER = "hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // Open311 is a public standard API: anyone reads, and a submission carries its own api_key.
        http.securityMatcher("/api/**", "/open311/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/citizen/**", "/api/public/**", "/open311/**").permitAll()
                        .requestMatchers("/api/agent/**").hasAnyRole("AGENT", "DISPATCHER", "SUPERVISOR")
                        .requestMatchers("/api/center/**").access(
                                new org.springframework.security.web.access.expression.WebExpressionAuthorizationManager(CENTER))
                        .requestMatchers("/api/department/**").hasRole("DEPARTMENT")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/cases/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/camunda/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
