package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 跨区域转办 in the center console, as a browser without JavaScript uses it: the demo city's dispatcher
 * transfers a case to the neighbouring city (LS), whose dispatcher ({@code ls-dispatcher}) sees it marked
 * "transferred in" and may send it back once; the sender keeps a read-only page with the transfer history.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CenterTransferPagesTest {

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired CaseRepository cases;

    MockHttpSession dispatcher;
    MockHttpSession lsDispatcher;

    @BeforeEach
    void logInBothCenters() throws Exception {
        dispatcher = logIn("dispatcher");
        lsDispatcher = logIn("ls-dispatcher");
    }

    @Test
    void theCasePageTransfersTheCaseAndKeepsItReadOnlyWithItsHistory() throws Exception {
        String n = received();
        Document before = page(dispatcher, "/center/cases/" + n);
        assertThat(before.select("#case-region").text()).isEqualTo("示范市");
        assertThat(before.select("#transfer-" + n + "-region option")).extracting(o -> o.attr("value"))
                .as("the other regions only").containsExactly("", "LS");

        mvc.perform(post("/center/cases/" + n + "/transfer").with(csrf()).session(dispatcher)
                        .param("toRegion", "LS").param("reason", "噪声源位于临山市青山区").param("from", "case"))
                .andExpect(redirectedUrl("/center/cases/" + n))
                .andExpect(flash().attribute("notice", "page.center.done.transfer"));

        Document after = page(dispatcher, "/center/cases/" + n);
        assertThat(after.select("#transferred-out").text()).isEqualTo("本工单现由临山市热线办理，本中心只能查看。");
        assertThat(after.select(".case-actions")).as("nothing to act on").isEmpty();
        assertThat(after.select("#transfers").text()).contains("示范市", "临山市", "噪声源位于临山市青山区", "dispatcher");
        assertThat(after.select(".case-timeline").text()).contains("此事项属于其他城市，已转至该市热线办理");
        assertThat(page(dispatcher, "/center").select("#queue-intake").text()).doesNotContain(n);
    }

    @Test
    void theReceivingCenterSeesTheTransferredInMarkerAndSendsTheCaseBackOnce() throws Exception {
        String n = received();
        mvc.perform(post("/center/cases/" + n + "/transfer").with(csrf()).session(dispatcher)
                        .param("toRegion", "LS").param("reason", "属临山市管辖").param("from", "case"))
                .andExpect(status().is3xxRedirection());

        Document console = page(lsDispatcher, "/center");
        assertThat(console.select("#queue-intake tr[data-case=" + n + "] .transferred-in").text()).isEqualTo("转入");
        Document casePage = page(lsDispatcher, "/center/cases/" + n);
        assertThat(casePage.select("#transferred-in").text()).contains("由示范市热线转入");
        assertThat(casePage.select("#case-region").text()).isEqualTo("临山市");
        assertThat(casePage.select(".transfer-refusal-form")).hasSize(1);
        assertThat(casePage.select("#intake-" + n + "-department option")).extracting(o -> o.attr("value"))
                .as("its own units only").contains("LS-HBJ").doesNotContain("HBJ");

        mvc.perform(post("/center/cases/" + n + "/transfer-refusal").with(csrf()).session(lsDispatcher)
                        .param("reason", "地址位于示范市东城区").param("from", "case"))
                .andExpect(redirectedUrl("/center/cases/" + n))
                .andExpect(flash().attribute("notice", "page.center.done.transferRefusal"));
        HotlineCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(c.getRegionCode()).isEqualTo("CITY");
        assertThat(c.getStatus()).isEqualTo(CaseStatus.RECEIVED);

        Document back = page(dispatcher, "/center/cases/" + n);
        assertThat(back.select("#transfers").text()).contains("地址位于示范市东城区", "ls-dispatcher");
        assertThat(back.select(".transfer-form")).as("the form stays; using it for LS again is refused")
                .hasSize(1);
        Document refusedAgain = Jsoup.parse(mvc.perform(post("/center/cases/" + n + "/transfer").with(csrf())
                        .session(dispatcher).param("toRegion", "LS").param("reason", "再请临山市办理").param("from", "case"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refusedAgain.select("#transfer-" + n + "-region-error").text())
                .isEqualTo("该城市已退回过本工单一次，不能再次转办给它。");
        assertThat(page(lsDispatcher, "/center/cases/" + n).select("#transferred-out").text()).contains("示范市");
    }

    @Test
    void aTransferWithoutAReasonIsRefusedNextToTheField() throws Exception {
        String n = received();
        Document refused = Jsoup.parse(mvc.perform(post("/center/cases/" + n + "/transfer").with(csrf())
                        .session(dispatcher).param("toRegion", "LS").param("reason", " ").param("from", "case"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#transfer-" + n + "-reason-error").text()).isEqualTo("请填写转办原因（最多1000字）。");
        assertThat(refused.select("#transfer-" + n + "-region option[selected]").attr("value")).isEqualTo("LS");
        assertThat(cases.findByCaseNumber(n).orElseThrow().getRegionCode()).isEqualTo("CITY");
    }

    @Test
    void anotherRegionsCenterCannotOpenTheCaseByItsAddress() throws Exception {
        String n = received();
        mvc.perform(get("/center/cases/" + n).session(lsDispatcher)).andExpect(status().isNotFound());
        mvc.perform(post("/center/cases/" + n + "/transfer").with(csrf()).session(lsDispatcher)
                        .param("toRegion", "LS").param("reason", "抢过来"))
                .andExpect(status().isNotFound());
        assertThat(cases.findByCaseNumber(n).orElseThrow().getRegionCode()).isEqualTo("CITY");
    }

    @Test
    void theTransferFormSpeaksEnglish() throws Exception {
        String n = received();
        String page = mvc.perform(get("/center/cases/" + n).param("lang", "en").session(dispatcher))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Transfer to another region", "Reason for the transfer", "Linshan City", "Region");
    }

    private String received() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase()
                .getCaseNumber();
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private MockHttpSession logIn(String user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password("demo"))
                .andExpect(redirectedUrl("/staff")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
