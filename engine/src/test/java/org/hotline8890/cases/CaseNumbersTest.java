package org.hotline8890.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.noiseComplaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hotline8890.Concurrently;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Case numbers under concurrent intake. There are more concurrent intakes here than the main pool has
 * connections (10), as in production under load (200 request threads): when an intake took a second
 * connection from that pool (the counter's, an emergency alert's), each held one and waited for another,
 * and these intakes waited out the pool's 30 s connection timeout and failed.
 */
@SpringBootTest
@ActiveProfiles("test")
public class CaseNumbersTest {

    static final int CONCURRENT = 24;

    @Autowired CaseNumbers numbers;
    @Autowired CaseIntake intake;

    @Test
    void theFirstIntakesOfADayArrivingTogetherGetOneNumberEachFromOne() throws Exception {
        assertNumbersOfANewDayAreOneToN(numbers, LocalDate.of(2031, 5, 17));
    }

    @Test
    void moreConcurrentIntakesThanPooledConnectionsAllOpenTheirCase() throws Exception {
        assertConcurrentIntakesAllOpen(intake);
    }

    /** Also run on MariaDB by the real-servers suite, where a new day's row once deadlocked. */
    public static void assertNumbersOfANewDayAreOneToN(CaseNumbers numbers, LocalDate day) throws Exception {
        Instant firstSecond = day.atTime(0, 0, 1).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        String prefix = "8890-" + day.toString().replace("-", "") + "-";

        List<String> handedOut = Concurrently.run(CONCURRENT, () -> numbers.next(firstSecond));

        assertThat(handedOut).allMatch(n -> n.startsWith(prefix));
        assertThat(handedOut.stream().map(n -> Integer.parseInt(n.substring(prefix.length()))).collect(Collectors.toSet()))
                .isEqualTo(IntStream.rangeClosed(1, CONCURRENT).boxed().collect(Collectors.toSet()));
    }

    public static void assertConcurrentIntakesAllOpen(CaseIntake intake) throws Exception {
        List<String> opened = Concurrently.run(CONCURRENT, () -> intake.open(noiseComplaint(Instant.now()),
                IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber());

        assertThat(Set.copyOf(opened)).hasSize(CONCURRENT);
    }
}
