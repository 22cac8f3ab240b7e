package org.hotline8890.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The language switch: {@code ?lang=en} or {@code ?lang=zh-CN} on any page, remembered in a cookie; and the
 * pages' links to WebJars, versioned by {@link WebJarLinks} instead of Spring Boot's filter for every link.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        // A mistyped language must not turn a page into an error.
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**");
    }

    /** Registered disabled, so Spring Boot does not register its own (it backs off when one exists). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> everyLink = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        everyLink.setEnabled(false);
        return everyLink;
    }

    @Bean
    FilterRegistrationBean<WebJarLinks> webJarLinks(ResourceUrlProvider mvcResourceUrlProvider) {
        return new FilterRegistrationBean<>(new WebJarLinks(mvcResourceUrlProvider));
    }
}
