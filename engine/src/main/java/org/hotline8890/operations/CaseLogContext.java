package org.hotline8890.operations;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request about one case (a {@code {caseNumber}} in its path, API or page) logs with that case
 * number in the log context, so {@code grep 8890-…} or a structured-log query finds all of it.
 * Process steps get it from Camunda ({@code loggingContextBusinessKey}, the business key being the case
 * number) and event-log lines from {@link org.hotline8890.cases.CaseLog}.
 */
@Configuration(proxyBeanMethods = false)
class CaseLogContext implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                        && vars.get("caseNumber") instanceof String number) {
                    MDC.put(org.hotline8890.cases.CaseLog.KEY, number);
                }
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception ex) {
                MDC.remove(org.hotline8890.cases.CaseLog.KEY);
            }
        });
    }
}
