package org.hotline8890.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseLog;
import org.hotline8890.cases.CaseType;
import org.hotline8890.intake.IntakeQueueDrain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The figures operators scrape, and the case number on the log lines about a case. */
@SpringBootTest
@AutoConfigureMockMvc
// Spring Boot's tests turn metric exporters off unless asked; this test is about the exported figures.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OperationsMetricsTest {

    @Autowired MockMvc mvc;
    @Autowired CitizenDesk desk;
    @Autowired HotlineGauges gauges;
    @Autowired ApplicationContext context;
    @Autowired ConnectionBudgetCheck connections;

    @Test
    void theShippedPoolCoversTheRequestJobAndIntakeThreads() {
        ConnectionBudget budget = connections.budget();

        assertThat(budget.pool()).isEqualTo(28);
        assertThat(budget.webThreads()).isEqualTo(16);
        assertThat(budget.covered()).isTrue();
    }

    @Test
    void aCaseOpenedOnTheWebIsCountedAndTheGaugesFollowTheDatabase(CapturedOutput output) throws Exception {
        double acceptedBefore = value(scrape(), "hotline_intake_accepted_total\\{[^}]*channel=\"WEB\"[^}]*}");
        gauges.refresh();
        double openBefore = value(scrape(), "hotline_cases_open\\{[^}]*}");

        String number = desk.submit(new CaseRequest(CaseType.COMPLAINT, "ENV.NOISE", null, "DC", null, "夜间施工噪音",
                "工地每晚施工到凌晨", "王女士", "13900018890", null, false, false, true, null),
                UUID.randomUUID().toString()).caseNumber();
        IntakeQueueDrain.drainAll(context);
        gauges.refresh();

        String after = scrape();
        assertThat(value(after, "hotline_intake_accepted_total\\{[^}]*channel=\"WEB\"[^}]*}")).isEqualTo(acceptedBefore + 1);
        assertThat(value(after, "hotline_cases_open\\{[^}]*}")).isEqualTo(openBefore + 1);
        assertThat(after).contains("hotline_intake_queue_waiting", "hotline_cases_overdue", "hotline_jobs_due",
                "hotline_jobs_failed");
        // The event log line of the new case carries its number in the log context.
        assertThat(output.getOut()).containsPattern("\\[" + Pattern.quote(number) + "] .*RECEIVED - -> RECEIVED");
    }

    @Test
    void onlyAnAdminMayScrape() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("agent", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void theLogContextKeyIsTheOneCamundaIsToldToUse() {
        assertThat(context.getEnvironment()
                .getProperty("camunda.bpm.generic-properties.properties.loggingContextBusinessKey"))
                .isEqualTo(CaseLog.KEY);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A sample's value; 0 when the series does not exist yet (a counter before its first increment). */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
