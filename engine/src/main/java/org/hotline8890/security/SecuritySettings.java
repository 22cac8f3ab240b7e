package org.hotline8890.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rememberVerifiedPasswords how long a password that matched a staff user's stored hash is
 *                                  taken as matching again without BCrypt ({@link RememberedPasswordMatches});
 *                                  zero checks every call with BCrypt
 */
@ConfigurationProperties("hotline.security")
record SecuritySettings(@DefaultValue("10m") Duration rememberVerifiedPasswords) {

    SecuritySettings {
        if (rememberVerifiedPasswords == null || rememberVerifiedPasswords.isNegative()) {
            throw new IllegalArgumentException("hotline.security.remember-verified-passwords must be zero or more");
        }
    }
}
