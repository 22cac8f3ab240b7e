package org.hotline8890.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks a client's {@code api_key}. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, and every configured key is compared, so neither the time taken
 * nor an early exit tells a caller how close a guess was or how long a key is.
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> digests;

    ApiKeys(Open311Settings settings) {
        this.digests = settings.apiKeys().stream().map(ApiKeys::digest).toList();
    }

    boolean anyConfigured() {
        return !digests.isEmpty();
    }

    boolean accepts(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return false;
        }
        byte[] offered = digest(candidate.strip());
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, offered);
        }
        return match;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellHowToEnable() {
        if (!anyConfigured()) {
            log.info("Open311: reading /open311/v2/ is open; submitting requests is off until HOTLINE_OPEN311_API_KEYS "
                    + "(comma-separated keys) is set");
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
