package org.hotline8890.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 并单 suggestions and hot issues on the real application: cases come in through intake, the index
 * follows them as their transactions commit, and the center asks through the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RepeatRequestsTest {

    @Autowired CaseIntake intake;
    @Autowired RepeatRequests repeats;
    @Autowired HotIssues hotIssues;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private String received(String district, String phone, String subject, String content, Instant at) {
        NewCase request = new NewCase(Channel.WEB, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, district, null,
                new CitizenContact("李四", phone, null, null, false), false, false, subject, content, List.of(), at);
        return intake.open(request, IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
    }

    @Test
    void aSimilarRequestFromAnotherCallerInTheSameDistrictIsSuggestedWithItsReason() {
        String first = received("DC", "13700009101", "梧桐巷活禽宰杀异味",
                "梧桐巷菜场后门每天凌晨宰杀活禽，血水流到巷子里，气味熏人。", Instant.now());
        String elsewhere = received("XC", "13700009102", "梧桐巷活禽宰杀异味",
                "梧桐巷菜场后门每天凌晨宰杀活禽，血水流到巷子里，气味熏人。", Instant.now());
        String repeat = received("DC", "13700009103", "梧桐巷菜场杀鸡血水",
                "梧桐巷菜场后门凌晨杀活鸡活鸭，血水满巷子流，臭气很大。", Instant.now());

        List<RepeatRequests.Suggestion> suggestions = repeats.suggestFor(repeat, 10);

        assertThat(suggestions).extracting(RepeatRequests.Suggestion::caseNumber)
                .contains(first).doesNotContain(elsewhere, repeat);
        RepeatRequests.Suggestion s = suggestions.stream().filter(x -> x.caseNumber().equals(first)).findFirst().orElseThrow();
        assertThat(s.reason()).isEqualTo("similarText");
        assertThat(s.score()).isBetween(0.28, 1.0);
        assertThat(s.status()).isEqualTo("RECEIVED");
    }

    @Test
    void theSameCallerWithASimilarOpenCaseRanksFirstForBothReasons() {
        String phone = "13700009201";
        String unrelatedOwnCase = received("NH", phone, "社保卡补办", "社保卡丢失，想问补办需要什么材料。", Instant.now());
        String similarOfAnother = received("NH", "13700009202", "荷塘路桥头大排档占道",
                "荷塘路桥头的大排档晚上把桌子摆满人行道，行人没法走。", Instant.now());
        String ownSimilar = received("NH", phone, "荷塘路大排档占道经营",
                "荷塘路桥头大排档桌椅占满人行道，晚上行人只能走马路。", Instant.now());

        List<RepeatRequests.Suggestion> suggestions = repeats.suggest(new RepeatRequests.Probe("+8613700009201",
                "荷塘路桥头大排档占用人行道", "荷塘路桥头大排档每晚桌椅摆到人行道上，行人被迫走机动车道。", "NH",
                Instant.now()), 10);

        assertThat(suggestions).extracting(RepeatRequests.Suggestion::caseNumber)
                .startsWith(ownSimilar).contains(unrelatedOwnCase, similarOfAnother);
        assertThat(suggestions).extracting(RepeatRequests.Suggestion::caseNumber, RepeatRequests.Suggestion::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(ownSimilar, "both"),
                        org.assertj.core.groups.Tuple.tuple(unrelatedOwnCase, "sameCaller"),
                        org.assertj.core.groups.Tuple.tuple(similarOfAnother, "similarText"));
    }

    @Test
    void aSimilarCaseReceivedBeforeTheWindowIsNotSuggested() {
        String old = received("DC", "13700009301", "柳荫街变压器嗡嗡响",
                "柳荫街12号楼下的变压器日夜嗡嗡响，低频噪音让人头疼。", Instant.now().minus(Duration.ofDays(45)));
        String recent = received("DC", "13700009302", "柳荫街变压器噪音",
                "柳荫街12号楼下变压器一直发出嗡嗡的低频噪音，整夜睡不着。", Instant.now());
        assertThat(repeats.suggestFor(recent, 10)).extracting(RepeatRequests.Suggestion::caseNumber).doesNotContain(old);
    }

    @Test
    void theCenterGetsTheSuggestionsForAReceivedCaseThroughTheApi() throws Exception {
        String first = received("XC", "13700009401", "松林坡采石场爆破震裂房屋",
                "松林坡采石场每天下午爆破，附近村民房屋墙体震出裂缝。", Instant.now());
        String repeat = received("XC", "13700009402", "松林坡采石场爆破房屋开裂",
                "松林坡采石场下午爆破震动很大，村民房屋墙体裂了好几道缝。", Instant.now());

        JsonNode body = json.readTree(mvc.perform(get("/api/center/cases/" + repeat + "/similar")
                        .with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(body.findValuesAsText("caseNumber")).contains(first).doesNotContain(repeat);
        assertThat(body.get(0).get("reason").asText()).isIn("similarText", "both", "sameCaller");
        mvc.perform(get("/api/center/cases/8890-00000000-000000/similar").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/center/cases/" + repeat + "/similar?limit=0").with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void threeSimilarOpenCasesOfADistrictAreAHotIssue() throws Exception {
        String a = received("NH", "13700009501", "银杏路小学门口早高峰拥堵",
                "银杏路小学门口早上接送孩子的车辆乱停，早高峰堵得水泄不通。", Instant.now().minusSeconds(120));
        String b = received("NH", "13700009502", "银杏路小学接送车辆乱停",
                "每天早上银杏路小学门口家长的车乱停乱放，路口拥堵严重。", Instant.now().minusSeconds(60));
        String c = received("NH", "13700009503", "银杏路小学门口堵车",
                "银杏路小学早高峰门口车辆乱停，交通拥堵，希望安排交警疏导。", Instant.now());

        HotIssues.HotIssue issue = hotIssues.current().stream().filter(i -> i.caseNumbers().contains(a))
                .findFirst().orElseThrow();
        assertThat(issue.caseNumbers()).containsExactly(a, b, c);
        assertThat(issue.count()).isEqualTo(3);
        assertThat(issue.district()).isEqualTo("NH");
        assertThat(issue.subject()).contains("银杏路小学");

        JsonNode body = json.readTree(mvc.perform(get("/api/center/hot-issues").with(httpBasic("supervisor", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(body.findValues("caseNumbers").stream().anyMatch(n -> n.toString().contains(b))).isTrue();
        int previous = Integer.MAX_VALUE;
        for (JsonNode i : body) {
            assertThat(i.get("count").asInt()).as("the biggest first").isLessThanOrEqualTo(previous);
            previous = i.get("count").asInt();
        }
        JsonNode elsewhere = json.readTree(mvc.perform(get("/api/center/hot-issues").with(httpBasic("ls-dispatcher", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(elsewhere.findValues("caseNumbers").stream().noneMatch(n -> n.toString().contains(b)))
                .as("another region's center does not see this city's hot issue").isTrue();
        MockHttpSession neighbour = (MockHttpSession) mvc.perform(formLogin("/login").user("ls-dispatcher").password("demo"))
                .andReturn().getRequest().getSession(false);
        String page = mvc.perform(get("/center/hot-issues").session(neighbour))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(b);
    }
}
