package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.hotline8890.api.CitizenDesk;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.publication.ClosedCases;
import org.hotline8890.publication.PublishedResultRepository;
import org.hotline8890.publication.ReviewState;
import org.hotline8890.workflow.CaseActions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** /center/publications: the reviewer compares, edits, approves or withholds, with messages beside the field. */
@SpringBootTest(properties = "hotline.publication.review-required=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired CitizenDesk desk;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;
    @Autowired PublishedResultRepository results;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private MockHttpSession dispatcher;
    private String n;

    @BeforeEach
    void closeACaseAndLogIn() throws Exception {
        n = ClosedCases.close(desk, actions, organisation, "夜间施工噪音 " + marker, "工地夜间施工，我的电话13812345678。", false);
        dispatcher = logIn("dispatcher");
    }

    @Test
    void theReviewerSeesTheMaskedTextBesideTheOriginalAndTheConsoleLinksHere() throws Exception {
        Document page = page("/center/publications");
        Element section = page.getElementById("review-" + n);
        assertThat(section).isNotNull();
        assertThat(section.text()).contains("工地夜间施工，我的电话13812345678。");
        assertThat(section.getElementById("content-" + n).text()).isEqualTo("工地夜间施工，我的电话[电话]。");
        assertThat(section.select("label[for=content-" + n + "]")).hasSize(1);
        assertThat(section.select("label[for=reason-" + n + "]")).hasSize(1);

        assertThat(page("/center").select("a[href=/center/publications]")).hasSize(1);
        String english = mvc.perform(get("/center/publications").session(dispatcher).cookie(new Cookie("hotline-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Publication review", "Approve and publish");
        mvc.perform(get("/center/publications").session(logIn("dept-environment"))).andExpect(status().isForbidden());
    }

    @Test
    void anEmptyEditShowsTheMessageBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
        String body = mvc.perform(post("/center/publications/" + n + "/approve").with(csrf()).session(dispatcher)
                        .param("subject", "新标题 " + marker).param("content", " ").param("reply", ClosedCases.REPLY))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Element section = Jsoup.parse(body).getElementById("review-" + n);
        assertThat(section.getElementById("content-" + n + "-error").text()).contains("不能为空");
        assertThat(section.getElementById("content-" + n).attr("aria-describedby")).isEqualTo("content-" + n + "-error");
        assertThat(section.getElementById("subject-" + n).val()).isEqualTo("新标题 " + marker);
        assertThat(results.findByCaseNumber(n).orElseThrow().getReviewState()).isEqualTo(ReviewState.PENDING_REVIEW);
    }

    @Test
    void approvingAnEditWithAPhoneNumberPublishesItMaskedAndTellsTheReviewer() throws Exception {
        mvc.perform(post("/center/publications/" + n + "/approve").with(csrf()).session(dispatcher)
                        .param("subject", "夜间施工噪音 " + marker).param("content", "工地夜间施工，请回电13900002222。")
                        .param("reply", ClosedCases.REPLY))
                .andExpect(redirectedUrl("/center/publications"))
                .andExpect(flash().attribute("notice", "page.publications.approved"))
                .andExpect(flash().attribute("remasked", "诉求内容"));
        assertThat(results.findByCaseNumber(n).orElseThrow().getContent()).isEqualTo("工地夜间施工，请回电[电话]。");
        String published = mvc.perform(get("/public/results?district=NH&size=100")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(published).contains("夜间施工噪音 " + marker).doesNotContain("13900002222");
        assertThat(page("/center/publications").getElementById("review-" + n)).isNull();
    }

    @Test
    void withholdingNeedsAReasonAndKeepsTheResultFromThePublic() throws Exception {
        String body = mvc.perform(post("/center/publications/" + n + "/withhold").with(csrf()).session(dispatcher)
                        .param("reason", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(body).getElementById("reason-" + n + "-error").text()).contains("不能为空");

        mvc.perform(post("/center/publications/" + n + "/withhold").with(csrf()).session(dispatcher)
                        .param("reason", "涉及未成年人"))
                .andExpect(redirectedUrl("/center/publications"))
                .andExpect(flash().attribute("notice", "page.publications.withheld"));
        assertThat(results.findByCaseNumber(n).orElseThrow().getReviewState()).isEqualTo(ReviewState.WITHHELD);
        String published = mvc.perform(get("/public/results?district=NH&size=100")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(published).doesNotContain(marker);

        mvc.perform(post("/center/publications/" + n + "/approve").with(csrf()).session(dispatcher))
                .andExpect(redirectedUrl("/center/publications"))
                .andExpect(flash().attribute("error", "page.publications.refused"));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(dispatcher)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
