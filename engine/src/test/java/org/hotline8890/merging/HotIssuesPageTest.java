package org.hotline8890.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The center's 热点诉求 page lists each group with its count, district and links to its cases. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HotIssuesPageTest {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;

    private String received(String phone, String subject, String content) {
        NewCase request = new NewCase(Channel.WEB, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, "XC", null,
                new CitizenContact("周一", phone, null, null, false), false, false, subject, content, List.of(),
                Instant.now());
        return intake.open(request, IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
    }

    @Test
    void theCenterSeesTheHotIssueWithLinksToItsCases() throws Exception {
        String a = received("13900000801", "玉兰路垃圾中转站臭味", "玉兰路垃圾中转站夏天臭味熏天，附近居民不敢开窗。");
        String b = received("13900000802", "玉兰路垃圾站异味扰民", "玉兰路垃圾中转站散发恶臭，住在旁边的居民不敢开窗户。");
        String c = received("13900000803", "玉兰路垃圾中转站太臭", "玉兰路的垃圾中转站臭气很重，周围居民窗户都不敢开。");

        String page = mvc.perform(get("/center/hot-issues").session(logIn("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>热点诉求</h1>", "href=\"/center/cases/" + a + "\"",
                "href=\"/center/cases/" + b + "\"", "href=\"/center/cases/" + c + "\"", "玉兰路", "<td>3</td>");
    }

    @Test
    void aDepartmentCannotOpenTheHotIssuesPage() throws Exception {
        mvc.perform(get("/center/hot-issues").session(logIn("dept-environment"))).andExpect(status().isForbidden());
    }

    @Test
    void thePageSpeaksEnglishWhenAskedTo() throws Exception {
        String page = mvc.perform(get("/center/hot-issues").param("lang", "en").session(logIn("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Hot issues</h1>");
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
