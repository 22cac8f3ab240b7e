package org.hotline8890.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt in front of the stateless API, remembering for a while which password matched which stored
 * hash. The JSON API is HTTP Basic with no session (no CSRF exposure), so every call presents the
 * password again, and BCrypt at strength 10 costs more CPU than logging and dispatching a case: an
 * integration calling the agent API per case was limited by it (docs/benchmarks.md).
 *
 * <p>Only a successful check is remembered, as an HMAC of the stored hash and the password under a key
 * that lives in this process alone, never the password. The user is still loaded on every call, so a
 * disabled account or a new role takes effect at once; a new password changes the stored hash, which
 * no remembered match fits. What a hit saves is only the BCrypt computation. Entries live for
 * {@link SecuritySettings#rememberVerifiedPasswords()} (zero turns this off); there is one per staff
 * login in use, and the map is cleared should it ever exceed {@code capacity}.
 */
final class RememberedPasswordMatches implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder encoder;
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> matches = new ConcurrentHashMap<>();

    RememberedPasswordMatches(PasswordEncoder encoder, Duration lifetime, int capacity, Clock clock) {
        this.encoder = encoder;
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || lifetime.isZero()) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String match = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = matches.get(match);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matched = encoder.matches(rawPassword, encodedPassword);
        if (matched) {
            if (matches.size() >= capacity) {
                matches.clear();
            }
            matches.put(match, now.plus(lifetime));
        }
        return matched;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
