package org.hotline8890.channels.microblog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadPositionsTest {

    @Test
    void idsCompareAsNumbersOfAnyLength() {
        assertThat(ReadPositions.newer("10", "9")).isTrue();
        assertThat(ReadPositions.newer("109300000000000002", "109300000000000001")).isTrue();
        assertThat(ReadPositions.newer("4983000000000001", "4983000000000001")).isFalse();
        assertThat(ReadPositions.newer("99999999999999999999", "100000000000000000000")).isFalse();
    }
}
