package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Job acquisition finds the due timers through an index once the engine has built its schema. */
@SpringBootTest
@ActiveProfiles("test")
class JobDueDateIndexTest {

    @Autowired DataSource dataSource;
    @Autowired ProcessEngine engine;
    @Autowired JobDueDateIndex index;

    @Test
    void theJobTableHasAnIndexOnTheDueDateAfterStartUp() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            assertThat(JobDueDateIndex.exists(db)).isTrue();
        }
    }

    @Test
    void aNodeStartingOnADatabaseThatHasTheIndexLeavesItAsItIs() throws Exception {
        index.postProcessEngineBuild(engine);
        try (Connection db = dataSource.getConnection()) {
            assertThat(JobDueDateIndex.exists(db)).isTrue();
        }
    }
}
