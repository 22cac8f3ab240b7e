package org.hotline8890.abuse;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Per-address limits on what citizens can do without a login: submitting (web API and citizen pages,
 * mailbox form, Open311) and looking cases up or rating them. An interceptor rather than a filter, so only calls
 * that reach a real endpoint count, and the refusal is answered by {@link TooManyRequestsAnswer}.
 */
@Configuration(proxyBeanMethods = false)
class CitizenRateLimits implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CitizenRateLimits.class);

    private final ClientAddresses addresses;
    private final KeyedBuckets submissions;
    private final KeyedBuckets lookups;

    CitizenRateLimits(AbuseSettings settings, ClientAddresses addresses, Clock clock) {
        this.addresses = addresses;
        this.submissions = new KeyedBuckets(settings.submissions(), clock);
        this.lookups = new KeyedBuckets(settings.lookups(), clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Limiting(submissions, "submissions", true))
                .addPathPatterns("/api/citizen/requests", "/api/citizen/mailbox", "/open311/v2/requests.*",
                        "/citizen/requests");
        registry.addInterceptor(new Limiting(lookups, "look-ups", false))
                .addPathPatterns("/api/citizen/cases/**", "/citizen/cases/**");
    }

    @Scheduled(fixedDelayString = "PT1M")
    void forgetRefilled() {
        submissions.forgetRefilled();
        lookups.forgetRefilled();
    }

    private final class Limiting implements HandlerInterceptor {
        private final KeyedBuckets buckets;
        private final String what;
        private final boolean postOnly;

        Limiting(KeyedBuckets buckets, String what, boolean postOnly) {
            this.buckets = buckets;
            this.what = what;
            this.postOnly = postOnly;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            // Reading Open311's list or a mailbox reference is not a submission.
            if (postOnly && !"POST".equals(request.getMethod())) {
                return true;
            }
            String address = addresses.of(request);
            Optional<Duration> wait = buckets.take(address);
            if (wait.isPresent()) {
                log.info("Rate limit on {} reached by {}", what, address);
                throw new TooManyRequestsException(wait.get());
            }
            return true;
        }
    }
}
