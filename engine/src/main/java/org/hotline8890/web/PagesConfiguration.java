package org.hotline8890.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language switch: {@code ?lang=en} or {@code ?lang=zh-CN} on any page, remembered in a cookie. */
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
}
