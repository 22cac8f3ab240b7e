package org.hotline8890.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

    @Test
    void thePoolCoversEveryThreadThatMayHoldAConnectionAtOnce() {
        ConnectionBudget shipped = new ConnectionBudget(28, 16, 4, 4);

        assertThat(shipped.needed()).isEqualTo(16 + 4 + 4 + ConnectionBudget.BACKGROUND);
        assertThat(shipped.covered()).isTrue();
    }

    @Test
    void hikarisDefaultPoolUnderTomcatsDefaultThreadsIsShort() {
        ConnectionBudget defaults = new ConnectionBudget(10, 200, 4, 4);

        assertThat(defaults.covered()).isFalse();
    }

    @Test
    void moreJobThreadsWithoutALargerPoolAreShort() {
        assertThat(new ConnectionBudget(28, 16, 10, 4).covered()).isFalse();
    }
}
