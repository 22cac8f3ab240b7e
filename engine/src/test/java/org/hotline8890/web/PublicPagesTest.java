package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.hotline8890.TestCases;
import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The published results page: de-identified, searched by district, category and date, paged. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicPagesTest {

    @Autowired MockMvc mvc;
    @Autowired CitizenDesk desk;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void publishTwoResultsInDistrictNh() {
        publish("夜间施工噪音 " + marker + " 一", "工地夜间施工，我的电话13812345678。");
        publish("夜间施工噪音 " + marker + " 二", "工地夜间施工。");
    }

    @Test
    void theResultsOfADistrictAreShownDeidentified() throws Exception {
        String page = page("/public/results?district=NH&category=ENV");
        assertThat(page).contains(marker + " 一", marker + " 二", "市民评价：满意").doesNotContain("13812345678");
        assertThat(page("/public/results?district=XC")).doesNotContain(marker);
    }

    @Test
    void aPagesScriptLinksCarryTheWebJarVersionAndItsOtherLinksStayAsWritten() throws Exception {
        String page = page("/public/dashboard");

        assertThat(page).containsPattern("src=\"/webjars/chart\\.js/\\d+\\.\\d+\\.\\d+/dist/chart\\.umd\\.min\\.js\"")
                .contains("href=\"/css/site.css\"", "href=\"/\"");
        mvc.perform(get(page.replaceAll("(?s).*src=\"(/webjars/chart[^\"]+)\".*", "$1"))).andExpect(status().isOk());
    }

    @Test
    void resultsComeAPageAtATimeWithLinksThatKeepTheSearch() throws Exception {
        String first = page("/public/results?district=NH&category=ENV.NOISE&size=1");
        assertThat(first).contains("下一页", "size=1", "district=NH", "category=ENV.NOISE").doesNotContain("上一页");
        String second = page("/public/results?district=NH&category=ENV.NOISE&size=1&page=1");
        assertThat(second).contains("上一页");
    }

    @Test
    void aSearchWithNoResultOrABadDateIsExplainedInEnglishToo() throws Exception {
        String none = mvc.perform(get("/public/results?from=2001-01-01&to=2001-01-31").cookie(new Cookie("hotline-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("0 results", "No published result matches");
        assertThat(page("/public/results?from=yesterday")).contains("请按 年-月-日 填写日期");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void publish(String subject, String content) {
        String number = desk.submit(new CaseRequest(CaseType.COMPLAINT, "ENV.NOISE", null, "NH", null, subject, content,
                null, "13812345678", null, false, false, true, null), UUID.randomUUID().toString()).caseNumber();
        Staff dispatcher = TestCases.dispatcher(organisation);
        actions.reviewIntake(dispatcher, number, IntakeDecision.DISPATCH, null, null, null);
        Staff handler = TestCases.staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.sign(handler, number);
        actions.reply(handler, number, "已责令工地停止夜间施工。");
        actions.reviewReply(dispatcher, number, true, null);
        actions.recordRatingFromChannel(number, Satisfaction.SATISFIED, null, "citizen");
    }
}
