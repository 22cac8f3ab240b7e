package org.hotline8890.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The running classifier: bootstrapped from the demo corpus, asked over the API, taught by closed cases. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClassificationApiTest {

    @Autowired MockMvc mvc;
    @Autowired CaseClassifier classifier;
    @Autowired ClassificationFeedback feedback;
    @Autowired CaseIntake intake;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anAgentGetsTypeCategoryAndDepartmentSuggestionsForACallersWords() throws Exception {
        mvc.perform(get("/api/agent/classification").param("text", "小区旁边工地每天晚上施工到凌晨，噪音太大睡不着")
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.types[0].code").value("COMPLAINT"))
                .andExpect(jsonPath("$.categories[0].code").value("ENV.NOISE"))
                .andExpect(jsonPath("$.departments[0].code").value("HBJ"))
                .andExpect(jsonPath("$.categories.length()").value(3));
    }

    @Test
    void theDistrictInTheTextDecidesWhichUrbanManagementBureauIsSuggested() {
        assertThat(classifier.suggest("南湖区南山路的井盖丢了，晚上很危险", 3).departments().get(0).code())
                .isEqualTo("NH-CGJ");
        assertThat(classifier.suggest("西城区西湖大道路灯不亮", 3).departments().get(0).code())
                .isEqualTo("XC-CGJ");
    }

    @Test
    void theLimitParameterCapsTheLists() throws Exception {
        mvc.perform(get("/api/agent/classification").param("text", "公司拖欠工资").param("limit", "1")
                        .with(httpBasic("dispatcher", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories.length()").value(1))
                .andExpect(jsonPath("$.categories[0].code").value("LABOUR.WAGES"));
    }

    @Test
    void emptyTextIsRefusedWithTheFieldAndReason() throws Exception {
        mvc.perform(get("/api/agent/classification").param("text", "  ").with(httpBasic("agent", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("text"))
                .andExpect(jsonPath("$.fields[0].reason").isNotEmpty());
        mvc.perform(get("/api/agent/classification").with(httpBasic("agent", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("text"))
                .andExpect(jsonPath("$.fields[0].reason").value("required"));
    }

    @Test
    void textLongerThanFiveThousandCharactersIsRefusedWithTheFieldAndReason() throws Exception {
        mvc.perform(get("/api/agent/classification").param("text", "噪".repeat(5001)).with(httpBasic("agent", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("text"))
                .andExpect(jsonPath("$.fields[0].reason").isNotEmpty());
        mvc.perform(get("/api/agent/classification").param("text", "噪音").param("limit", "0")
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("limit"));
    }

    @Test
    void aDepartmentCannotAskForSuggestions() throws Exception {
        mvc.perform(get("/api/agent/classification").param("text", "噪音").with(httpBasic("dept-environment", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void casesClosedHereAreLearntAtOnceAndAgainWhenTheModelIsRebuiltFromTheDatabase() {
        String words = "古籍修复 线装书 虫蛀";
        assertThat(classifier.suggest(words, 3).categories()).isEmpty();

        for (int i = 0; i < 5; i++) {
            intake.open(new NewCase(Channel.PHONE, CaseType.CONSULTATION, "OTHER", Urgency.NORMAL, "DC", null,
                    new CitizenContact("王五", "13900000000", null, null, false), false, false,
                    "古籍修复咨询", "家里有一套线装书被虫蛀了，想问古籍修复找哪里（第" + i + "次）", List.of(),
                    Instant.now()), IntakeDecision.ANSWER, "可联系市图书馆古籍部。", "agent");
        }

        assertThat(classifier.suggest(words, 3).categories().get(0).code()).isEqualTo("OTHER");
        ((LearnedClassifier) classifier).retrain();
        assertThat(classifier.suggest(words, 3).categories().get(0).code()).isEqualTo("OTHER");
    }

    @Test
    void choicesAgainstTheShownSuggestionsAreRecordedForTheAccuracyReport() {
        Long caseId = intake.open(new NewCase(Channel.PHONE, CaseType.COMPLAINT, "ENV.NOISE", Urgency.NORMAL, "DC",
                null, new CitizenContact("赵六", "13900000001", null, null, false), false, false,
                "工地噪音", "工地晚上施工噪音很大", List.of(), Instant.now()), IntakeDecision.DISPATCH, null, "agent")
                .theCase().getId();
        CaseClassifier.Suggestions shown = classifier.suggest("工地晚上施工噪音很大", 3);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM classification_feedback", Long.class);

        classifier.recordChoice(caseId, shown, new CaseClassifier.Choice("REPORT", "ENV.NOISE", null));

        List<java.util.Map<String, Object>> rows = jdbc.queryForList(
                "SELECT field, suggested, chosen FROM classification_feedback WHERE case_id = ? ORDER BY field", caseId);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("FIELD", "CATEGORY").containsEntry("SUGGESTED", "ENV.NOISE")
                .containsEntry("CHOSEN", "ENV.NOISE");
        assertThat(rows.get(1)).containsEntry("FIELD", "TYPE").containsEntry("SUGGESTED", "COMPLAINT")
                .containsEntry("CHOSEN", "REPORT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM classification_feedback", Long.class)).isEqualTo(before + 2);
        assertThat(feedback.report()).anySatisfy(row -> {
            assertThat(row.field()).isEqualTo(ClassificationFeedback.Field.TYPE);
            assertThat(row.corrected()).isGreaterThanOrEqualTo(1);
        });
    }
}
