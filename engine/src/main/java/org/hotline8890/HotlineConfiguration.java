package org.hotline8890;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

@Configuration(proxyBeanMethods = false)
class HotlineConfiguration {

    /** Every "now" in the domain comes from here, so tests can set the time instead of waiting. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Chinese first: a request that asks for no language, or for one we lack, is answered in zh-CN.
     * A language chosen on the pages ({@code ?lang=en}) is kept in a cookie and wins over the
     * browser's Accept-Language; API clients, which send no cookie, still get their header's language.
     */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver byHeader = new AcceptHeaderLocaleResolver();
        byHeader.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        byHeader.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        CookieLocaleResolver resolver = new CookieLocaleResolver("hotline-lang");
        resolver.setDefaultLocaleFunction(byHeader::resolveLocale);
        return resolver;
    }
}
