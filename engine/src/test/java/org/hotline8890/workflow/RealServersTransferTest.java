package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hotline8890.RealServers;
import org.hotline8890.Concurrently;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Transfers between regions on MariaDB (migration V28 included): racing transfers of one case leave one
 * transfer and one process, and a refusal restarts the sending region's process. Run with
 * {@code mvn -P real-servers verify} and the HOTLINE_IT_* variables (see README and .ci/run).
 */
@Tag("real-servers")
@SpringBootTest
@ActiveProfiles({"mysql", "rabbit"})
class RealServersTransferTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseIntake intake;
    @Autowired CaseTransfers transfers;
    @Autowired CaseRepository cases;
    @Autowired CaseTransferRepository transferRecords;
    @Autowired Organisation organisation;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void racingTransfersOnMariaDbMakeOneTransferAndOneProcessAndARefusalComesBack() throws Exception {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
        Staff dispatcher = staff(organisation, "dispatcher", Role.DISPATCHER, "CENTER");
        Staff lsDispatcher = staff(organisation, "ls-dispatcher", Role.DISPATCHER, "LS-CENTER");
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase()
                .getCaseNumber();

        List<String> outcomes = Concurrently.run(4, () -> {
            try {
                return transfers.transfer(dispatcher, n, "LS", "属临山市管辖").repeated() ? "repeated" : "transferred";
            } catch (ObjectOptimisticLockingFailureException tooLate) {
                return "changedMeanwhile";
            }
        });

        assertThat(outcomes).containsOnlyOnce("transferred");
        HotlineCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(c.getRegionCode()).isEqualTo("LS");
        assertThat(transferRecords.findByCaseIdOrderByIdAsc(c.getId())).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).isEqualTo(1);

        transfers.refuse(lsDispatcher, n, "地址位于示范市东城区");
        assertThat(cases.findByCaseNumber(n).orElseThrow().getRegionCode()).isEqualTo("CITY");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(n).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ReviewIntake");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_transfer WHERE refused_at IS NOT NULL AND case_id = ?",
                Integer.class, c.getId())).isEqualTo(1);
    }
}
