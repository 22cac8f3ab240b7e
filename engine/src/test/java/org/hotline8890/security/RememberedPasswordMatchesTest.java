package org.hotline8890.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.hotline8890.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordMatchesTest {

    /** The real BCrypt, counting how often it is asked to compare. */
    static final class CountingBCrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int comparisons;

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            comparisons++;
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    private final CountingBCrypt bcrypt = new CountingBCrypt();
    private final TestClock clock = new TestClock();
    private final Instant start = Instant.parse("2026-12-08T01:00:00Z");

    private RememberedPasswordMatches remembering(Duration lifetime, int capacity) {
        clock.setTo(start);
        return new RememberedPasswordMatches(bcrypt, lifetime, capacity, clock);
    }

    @Test
    void aPasswordThatMatchedMatchesAgainWithoutBcryptUntilItsLifetimeEnds() {
        RememberedPasswordMatches passwords = remembering(Duration.ofMinutes(10), 100);
        String hash = passwords.encode("correct horse");

        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        clock.setTo(start.plus(Duration.ofMinutes(9)));
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.comparisons).isEqualTo(1);

        clock.setTo(start.plus(Duration.ofMinutes(10)));
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.comparisons).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsCheckedByBcryptEveryTimeAndNeverRemembered() {
        RememberedPasswordMatches passwords = remembering(Duration.ofMinutes(10), 100);
        String hash = passwords.encode("correct horse");
        assertThat(passwords.matches("correct horse", hash)).isTrue();

        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("correct horsf", hash)).isFalse();
        }
        assertThat(bcrypt.comparisons).isEqualTo(4);
    }

    @Test
    void aNewStoredHashIsNotMatchedByTheMatchOfTheOldOne() {
        RememberedPasswordMatches passwords = remembering(Duration.ofMinutes(10), 100);
        String before = passwords.encode("correct horse");
        assertThat(passwords.matches("correct horse", before)).isTrue();

        String after = passwords.encode("battery staple");
        assertThat(passwords.matches("correct horse", after)).isFalse();
        assertThat(passwords.matches("battery staple", after)).isTrue();
        assertThat(bcrypt.comparisons).isEqualTo(3);
    }

    @Test
    void aZeroLifetimeChecksEveryCallWithBcrypt() {
        RememberedPasswordMatches passwords = remembering(Duration.ZERO, 100);
        String hash = passwords.encode("correct horse");

        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.comparisons).isEqualTo(2);
    }

    @Test
    void aFullMemoryStartsOverRatherThanGrowing() {
        RememberedPasswordMatches passwords = remembering(Duration.ofMinutes(10), 2);
        String first = passwords.encode("password one");
        String second = passwords.encode("password two");
        String third = passwords.encode("password three");
        assertThat(passwords.matches("password one", first)).isTrue();
        assertThat(passwords.matches("password two", second)).isTrue();
        assertThat(passwords.matches("password three", third)).isTrue();
        assertThat(bcrypt.comparisons).isEqualTo(3);

        assertThat(passwords.matches("password three", third)).isTrue();
        assertThat(passwords.matches("password one", first)).isTrue();
        assertThat(bcrypt.comparisons).isEqualTo(4);
    }
}
