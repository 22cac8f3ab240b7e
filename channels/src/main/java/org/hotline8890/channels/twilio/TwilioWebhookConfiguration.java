package org.hotline8890.channels.twilio;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every Twilio webhook passes the signature check first. */
@Configuration
@ConditionalOnProperty(name = "hotline.channels.twilio.enabled", havingValue = "true")
class TwilioWebhookConfiguration implements WebMvcConfigurer {

    static final String WEBHOOKS = "/channels/twilio";

    private final TwilioSettings settings;

    TwilioWebhookConfiguration(TwilioSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TwilioSignatureCheck(settings)).addPathPatterns(WEBHOOKS + "/**");
    }
}
