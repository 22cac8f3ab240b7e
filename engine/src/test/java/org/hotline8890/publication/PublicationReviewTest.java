package org.hotline8890.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** With review required, a closed case's result waits for the center, and only an approved one is public. */
@SpringBootTest(properties = "hotline.publication.review-required=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicationReviewTest {

    @Autowired MockMvc mvc;
    @Autowired CitizenDesk desk;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;
    @Autowired PublishedResultRepository results;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPendingResultIsNotPublicAnywhereButTheCenterSeesItBesideTheOriginal() throws Exception {
        String n = close("夜间施工噪音 " + marker, "工地夜间施工，我的电话13812345678。", false);

        PublishedResult pending = results.findByCaseNumber(n).orElseThrow();
        assertThat(pending.getReviewState()).isEqualTo(ReviewState.PENDING_REVIEW);
        assertThat(pending.getPublishedAt()).isNull();
        assertThat(pending.getContent()).doesNotContain("13812345678");
        assertThat(types(n)).contains(CaseEventType.PUBLICATION_PENDING).doesNotContain(CaseEventType.PUBLISHED);
        assertNotPublic(n);

        mvc.perform(get("/api/center/publications").with(httpBasic("dispatcher", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseNumber == '" + n + "')].deidentified.content").value("工地夜间施工，我的电话[电话]。"))
                .andExpect(jsonPath("$[?(@.caseNumber == '" + n + "')].original.content").value("工地夜间施工，我的电话13812345678。"));
        mvc.perform(get("/api/center/publications").with(httpBasic("dept-environment", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void anotherRegionsCenterNeitherSeesNorReviewsTheResult() throws Exception {
        String n = close("夜间施工噪音 " + marker, "工地夜间施工。", false);

        mvc.perform(get("/api/center/publications").with(httpBasic("ls-dispatcher", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseNumber == '" + n + "')]").isEmpty());
        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("ls-dispatcher", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/center/publications/" + n + "/withhold").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"涉及隐私\"}"))
                .andExpect(status().isNotFound());
        assertThat(results.findByCaseNumber(n).orElseThrow().getReviewState()).isEqualTo(ReviewState.PENDING_REVIEW);
    }

    @Test
    void anApprovedResultIsPublicWithTheReviewersEditMaskedAgain() throws Exception {
        String n = close("夜间施工噪音 " + marker, "工地夜间施工。", false);

        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("supervisor", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"东华路工地夜间施工 " + marker + "，联系电话13900001111。\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.edited[0]").value("content"))
                .andExpect(jsonPath("$.remasked[0]").value("content"))
                .andExpect(jsonPath("$.published.content").value("东华路工地夜间施工 " + marker + "，联系电话[电话]。"));

        PublishedResult published = results.findByCaseNumber(n).orElseThrow();
        assertThat(published.getReviewState()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(published.getReviewedBy()).isEqualTo("supervisor");
        assertThat(published.getPublishedAt()).isNotNull();
        assertThat(published.getEditedFields()).isEqualTo("content");
        assertThat(published.getReply()).isEqualTo(ClosedCases.REPLY);

        String page = page("/public/results?district=NH&category=ENV.NOISE&size=100");
        assertThat(page).contains("东华路工地夜间施工 " + marker + "，联系电话[电话]。").doesNotContain("13900001111");
        String api = page("/api/public/results?district=NH&size=100");
        assertThat(api).contains(n).doesNotContain("13900001111").doesNotContain("supervisor");
        assertThat(page("/open311/v2/requests/" + n + ".json")).contains(ClosedCases.REPLY);

        CaseEvent event = events.findByCaseIdOrderByIdAsc(cases.findByCaseNumber(n).orElseThrow().getId()).stream()
                .filter(e -> e.getType() == CaseEventType.PUBLISHED).findFirst().orElseThrow();
        assertThat(event.getActor()).isEqualTo("supervisor");
        assertThat(event.getComment()).contains("content");

        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("supervisor", "demo")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("publication.notPending"));
    }

    @Test
    void aWithheldResultIsNeverPublicAndCannotBeApprovedLater() throws Exception {
        String n = close("夜间施工噪音 " + marker, "工地夜间施工，隔壁王老板家。", false);

        mvc.perform(post("/api/center/publications/" + n + "/withhold").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[0].field").value("reason"));
        mvc.perform(post("/api/center/publications/" + n + "/withhold").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"内容可识别出具体商户\"}"))
                .andExpect(status().isNoContent());

        PublishedResult withheld = results.findByCaseNumber(n).orElseThrow();
        assertThat(withheld.getReviewState()).isEqualTo(ReviewState.WITHHELD);
        assertThat(withheld.getReviewNote()).isEqualTo("内容可识别出具体商户");
        assertThat(withheld.getPublishedAt()).isNull();
        CaseEvent event = events.findByCaseIdOrderByIdAsc(cases.findByCaseNumber(n).orElseThrow().getId()).stream()
                .filter(e -> e.getType() == CaseEventType.PUBLICATION_WITHHELD).findFirst().orElseThrow();
        assertThat(event.getActor()).isEqualTo("dispatcher");
        assertThat(event.getComment()).isEqualTo("内容可识别出具体商户");

        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isConflict());
        assertThat(results.findByCaseNumber(n).orElseThrow().getReviewState()).isEqualTo(ReviewState.WITHHELD);
        assertNotPublic(n);
    }

    @Test
    void anEmptyOrTooLongEditIsRefusedWithItsFieldAndNothingIsPublished() throws Exception {
        String n = close("夜间施工噪音 " + marker, "工地夜间施工。", false);

        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"   \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[0].field").value("subject"));
        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"" + "长".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields[0].field").value("subject"));

        assertThat(results.findByCaseNumber(n).orElseThrow().getReviewState()).isEqualTo(ReviewState.PENDING_REVIEW);
        assertNotPublic(n);
    }

    @Test
    void aConfidentialCaseWithConsentIsNeverPublishedAndItsApprovalIsRefused() throws Exception {
        String n = close("夜间施工噪音 " + marker, "工地夜间施工，举报人要求保密。", true);

        assertThat(cases.findByCaseNumber(n).orElseThrow().getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(results.findByCaseNumber(n)).isEmpty();
        mvc.perform(post("/api/center/publications/" + n + "/approve").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("case.notPublishable"));
        assertThat(results.findByCaseNumber(n)).isEmpty();
        assertNotPublic(n);
    }

    private void assertNotPublic(String n) throws Exception {
        assertThat(page("/public/results?district=NH&size=100")).doesNotContain(marker);
        assertThat(page("/api/public/results?district=NH&size=100")).doesNotContain(n);
        assertThat(page("/open311/v2/requests.json?service_request_id=" + n)).doesNotContain(ClosedCases.REPLY);
    }

    private String close(String subject, String content, boolean confidential) {
        return ClosedCases.close(desk, actions, organisation, subject, content, confidential);
    }

    private java.util.List<CaseEventType> types(String n) {
        return events.findByCaseIdOrderByIdAsc(cases.findByCaseNumber(n).orElseThrow().getId()).stream()
                .map(CaseEvent::getType).toList();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
