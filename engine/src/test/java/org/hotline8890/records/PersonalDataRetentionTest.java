package org.hotline8890.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.hotline8890.TestCases;
import org.hotline8890.assisting.AssistLimits;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.Closure;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.publication.Publication;
import org.hotline8890.publication.PublishedResult;
import org.hotline8890.publication.PublishedResultRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Under the default three-year rule, old finished cases lose personal data and keep everything else. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PersonalDataRetentionTest {

    @Autowired MockMvc mvc;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired Publication publication;
    @Autowired PublishedResultRepository published;
    @Autowired EventLogVerification verification;
    @Autowired AssistRepository assists;
    @Autowired Organisation organisation;

    @Test
    void aCaseClosedLongerAgoThanTheRuleLosesItsPersonalDataAndKeepsItsStatisticsAndPublishedRecord() throws Exception {
        HotlineCase old = storeAnsweredCase(Instant.now().minus(4 * 366, ChronoUnit.DAYS));
        HotlineCase recent = storeAnsweredCase(Instant.now().minus(30, ChronoUnit.DAYS));
        PublishedResult publishedBefore = published.findAll().stream()
                .filter(r -> r.getCaseId().equals(old.getId())).findFirst().orElseThrow();

        mvc.perform(post("/api/admin/retention/run").with(httpBasic("admin", "demo"))).andExpect(status().isOk());

        HotlineCase erased = cases.findById(old.getId()).orElseThrow();
        assertThat(erased.getContact().name()).isNull();
        assertThat(erased.getContact().phone()).isNull();
        assertThat(erased.getContact().email()).isNull();
        assertThat(erased.getLocation()).isNull();
        assertThat(erased.getContent()).doesNotContain("张三丰", "13812345678").contains("东华路工地");
        assertThat(erased.getPersonalDataErasedAt()).isNotNull();
        // The statistics columns: every deadline and outcome.
        assertThat(erased.getReceivedAt()).isEqualTo(old.getReceivedAt());
        assertThat(erased.getClosedAt()).isEqualTo(old.getClosedAt());
        assertThat(erased.getClosure()).isEqualTo(Closure.ANSWERED_DIRECTLY);
        assertThat(erased.getStatus()).isEqualTo(old.getStatus());
        assertThat(erased.getDistrictCode()).isEqualTo("DC");
        assertThat(erased.getCategoryCode()).isEqualTo("ENV.NOISE");
        // The public record stays as it was published.
        PublishedResult publishedAfter = published.findAll().stream()
                .filter(r -> r.getCaseId().equals(old.getId())).findFirst().orElseThrow();
        assertThat(publishedAfter.getContent()).isEqualTo(publishedBefore.getContent());
        // The removal is on the timeline, and the chain still verifies.
        assertThat(events.findByCaseIdOrderByIdAsc(old.getId())).extracting(CaseEvent::getType)
                .endsWith(CaseEventType.PERSONAL_DATA_ERASED);
        assertThat(verification.verify().ok()).isTrue();

        HotlineCase untouched = cases.findById(recent.getId()).orElseThrow();
        assertThat(untouched.getContact().name()).isEqualTo("张三丰");
        assertThat(untouched.getContact().phone()).isEqualTo("13812345678");
        assertThat(untouched.getContent()).contains("张三丰");
        assertThat(untouched.getPersonalDataErasedAt()).isNull();
    }

    @Test
    void whatAnAssistingUnitWroteLosesThePersonalDataWithTheCase() throws Exception {
        HotlineCase old = storeAnsweredCase(Instant.now().minus(4 * 366, ChronoUnit.DAYS));
        Instant asked = old.getReceivedAt().plusSeconds(30);
        CaseAssist assist = CaseAssist.request(old.getId(), organisation.byCode("ZJJ").orElseThrow().getId(),
                new AssistLimits(asked.plusSeconds(3600), asked.plusSeconds(7200), asked.plusSeconds(86_400), true),
                "dispatcher", asked);
        assist.sign("dept-housing", asked.plusSeconds(60));
        assist.contribute("已联系张三丰（13812345678），东华路工地已停工。", "dept-housing", asked.plusSeconds(120));
        Long id = assists.save(assist).getId();

        mvc.perform(post("/api/admin/retention/run").with(httpBasic("admin", "demo"))).andExpect(status().isOk());

        CaseAssist erased = assists.findById(id).orElseThrow();
        assertThat(erased.getContribution()).doesNotContain("张三丰", "13812345678").contains("东华路工地");
        assertThat(erased.getContributedAt()).isEqualTo(assist.getContributedAt());
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void onlyAnAdminMayRunRetention() throws Exception {
        mvc.perform(post("/api/admin/retention/run").with(httpBasic("dispatcher", "demo"))).andExpect(status().isForbidden());
    }

    private HotlineCase storeAnsweredCase(Instant receivedAt) {
        Instant at = receivedAt.truncatedTo(ChronoUnit.SECONDS);
        String number = numbers.next(at);
        HotlineCase c = HotlineCase.receive(TestCases.noiseComplaint(at), number,
                queryCodes.hash(number, queryCodes.newCode()), "agent");
        c.answerDirectly("已转告施工单位，夜间停工。", "agent", at.plusSeconds(60));
        HotlineCase saved = cases.save(c);
        publication.publish(saved, at.plusSeconds(120));
        return saved;
    }
}
