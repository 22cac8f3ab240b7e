package org.hotline8890.security;

import java.util.Arrays;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * Tells the OpenAPI description what {@link SecurityConfig} enforces: staff calls need HTTP Basic,
 * citizen and public calls need nothing. Swagger UI's "Authorize" then works for staff calls.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String SCHEME = "basic";

    @Bean
    OpenAPI hotlineOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Hotline 8890 API")
                        .description("Staff calls use HTTP Basic; citizen and public calls need no login."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("a staff login (demo logins: password 'demo')")));
    }

    /** Derived from the same open paths as the security chain, so a new staff endpoint is covered without a note. */
    @Bean
    OpenApiCustomizer staffCallsNeedBasic() {
        AntPathMatcher paths = new AntPathMatcher();
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean open = Arrays.stream(SecurityConfig.OPEN_API_PATHS).anyMatch(p -> paths.match(p, path));
                if (path.startsWith("/api/") && !open) {
                    item.readOperations().forEach(operation -> operation.addSecurityItem(
                            new SecurityRequirement().addList(SCHEME)));
                }
            });
        };
    }
}
