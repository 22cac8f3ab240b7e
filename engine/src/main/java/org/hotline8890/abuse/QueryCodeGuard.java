package org.hotline8890.abuse;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stops guessing of query codes. Wrong codes are counted per case number (from every address) and
 * per address (for every case number). Once a case number has too many, every look-up of it is
 * refused until the count refills, even with the right code: the guesser cannot tell a right code
 * from a wrong one while refused. The owner is refused too for that while (see
 * docs/abuse.md); the phone channels, which check the caller's number instead, still answer them.
 * Unknown case numbers are counted like real ones, so a refusal does not reveal that a case exists.
 */
@Component
public class QueryCodeGuard {

    private static final Logger log = LoggerFactory.getLogger(QueryCodeGuard.class);

    private final KeyedBuckets perCase;
    private final KeyedBuckets perAddress;

    QueryCodeGuard(AbuseSettings settings, Clock clock) {
        this.perCase = new KeyedBuckets(settings.failuresPerCase(), clock);
        this.perAddress = new KeyedBuckets(settings.failuresPerAddress(), clock);
    }

    /** Refuses the attempt while the case number or the address has used up its wrong codes. */
    public void checkAllowed(String caseNumber, String address) {
        Optional<Duration> wait = perCase.exhausted(caseNumber).or(() -> perAddress.exhausted(address));
        if (wait.isPresent()) {
            log.warn("Query-code look-up throttled: case number {} from address {} (too many wrong codes; retry in {}s)",
                    caseNumber, address, wait.get().toSeconds());
            throw new TooManyRequestsException(wait.get());
        }
    }

    /** Counts a wrong code (or an unknown number) against both the case number and the address. */
    public void recordFailure(String caseNumber, String address) {
        boolean caseSpent = perCase.take(caseNumber).isPresent();
        boolean addressSpent = perAddress.take(address).isPresent();
        if (caseSpent || addressSpent) {
            // Only reachable by a race with checkAllowed; still worth a trace.
            log.warn("Wrong query code beyond the limit: case number {} from address {}", caseNumber, address);
        }
    }

    @Scheduled(fixedDelayString = "PT1M")
    void forgetRefilled() {
        perCase.forgetRefilled();
        perAddress.forgetRefilled();
    }
}
