package org.hotline8890.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The center's 督办 board and the published {@code overdue} figure use one definition: open, no
 * current reply, handling deadline passed. Its own database, so the figure counts only these cases.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:hotline-overdue-board;MODE=MySQL;NON_KEYWORDS=YEAR,DAY,VALUE;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class OverdueBoardTest {

    /** Monday 2 November 2026, 10:00 in Asia/Shanghai; five working days later is Monday the 9th. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-02T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestClock clock;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theBoardListsExactlyWhatTheOverdueFigureCountsTheMostOverdueFirst() throws Exception {
        Staff environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        Staff dispatcher = dispatcher(organisation);

        clock.setTo(MONDAY_MORNING.minus(Duration.ofDays(3)));
        String returnedUnruled = dispatched();
        actions.returnToCenter(environment, returnedUnruled, "不属于本单位");

        clock.setTo(MONDAY_MORNING);
        String sentBackLate = dispatched();
        actions.sign(environment, sentBackLate);
        actions.reply(environment, sentBackLate, "已处理");
        String awaitingReview = dispatched();
        actions.sign(environment, awaitingReview);
        actions.reply(environment, awaitingReview, "已责令停工");

        clock.setTo(MONDAY_MORNING.plus(Duration.ofDays(7)));
        String stillInTime = dispatched();

        clock.setTo(MONDAY_MORNING.plus(Duration.ofDays(8)));
        assertThat(cases.findByCaseNumber(sentBackLate).orElseThrow().getHandleBy()).isBefore(clock.instant());
        assertThat(cases.findByCaseNumber(stillInTime).orElseThrow().getHandleBy()).isAfter(clock.instant());
        actions.reviewReply(dispatcher, sentBackLate, false, "答复过于简单，请说明处理措施");
        assertThat(cases.findByCaseNumber(awaitingReview).orElseThrow().getStatus()).isEqualTo(CaseStatus.REPLIED);
        assertThat(cases.findByCaseNumber(returnedUnruled).orElseThrow().getStatus()).isEqualTo(CaseStatus.RETURNED);

        JsonNode board = json.readTree(mvc.perform(get("/api/center/overdue").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> listed = new ArrayList<>();
        board.forEach(entry -> {
            listed.add(entry.get("caseNumber").asText());
            assertThat(entry.get("overdue").asBoolean()).isTrue();
        });
        assertThat(listed).containsExactly(returnedUnruled, sentBackLate);

        JsonNode figures = json.readTree(mvc.perform(get("/api/public/statistics?from=2026-10-01&to=2026-11-30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(figures.at("/total/overdue").asInt()).isEqualTo(listed.size());
        assertThat(figures.at("/total/open").asInt()).isEqualTo(4);
    }

    private String dispatched() {
        return intake.open(noiseComplaint(clock.instant()), IntakeDecision.DISPATCH, null, "agent")
                .theCase().getCaseNumber();
    }
}
