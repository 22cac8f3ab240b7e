package org.hotline8890.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The default (review not required): results are public at once, and confidential cases still never are. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicationWithoutReviewTest {

    @Autowired MockMvc mvc;
    @Autowired CitizenDesk desk;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;
    @Autowired PublishedResultRepository results;
    @Autowired CaseRepository cases;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void withoutReviewAResultIsPublishedAtOnceAndThereIsNothingToApprove() throws Exception {
        String n = ClosedCases.close(desk, actions, organisation, "夜间施工噪音 " + marker, "工地夜间施工。", false);
        PublishedResult result = results.findByCaseNumber(n).orElseThrow();
        assertThat(result.getReviewState()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(result.getPublishedAt()).isNotNull();
        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("publication.notPending"));
    }

    @Test
    void aConfidentialCaseWithConsentIsNeverPublishedAndItsApprovalIsRefused() throws Exception {
        String n = ClosedCases.close(desk, actions, organisation, "夜间施工噪音 " + marker, "举报人要求保密。", true);
        assertThat(cases.findByCaseNumber(n).orElseThrow().getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(results.findByCaseNumber(n)).isEmpty();
        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("case.notPublishable"));
        assertThat(results.findByCaseNumber(n)).isEmpty();
    }
}
