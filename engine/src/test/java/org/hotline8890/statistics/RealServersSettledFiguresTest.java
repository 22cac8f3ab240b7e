package org.hotline8890.statistics;

import org.hotline8890.RealServers;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SettledFiguresTest} on MariaDB (migration V35 included): the upsert, the guarded marks and two
 * nodes folding at once under InnoDB's row locks. Run with {@code mvn -P real-servers verify} and the
 * HOTLINE_IT_* variables (see README and .ci/run).
 */
@Tag("real-servers")
@ActiveProfiles(profiles = {"mysql", "rabbit"}, inheritProfiles = false)
class RealServersSettledFiguresTest extends SettledFiguresTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        // The tests fold by hand, with the clock where they set it.
        registry.add("hotline.statistics.settlement.interval", () -> "1000h");
    }
}
