package org.hotline8890.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The knowledge base through its API, on the demo articles and the demo logins. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KnowledgeBaseTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ArticleExpiry expiry;
    @Autowired KnowledgeIndexing indexing;
    @Autowired JdbcTemplate jdbc;

    @Test
    void realCallerQueriesFindTheRightArticleFirst() throws Exception {
        assertThat(questions(search("agent", "社保转移"))).first().asString().contains("养老保险关系跨省转移");
        assertThat(questions(search("agent", "医保 转移"))).first().asString().contains("医保关系转移");
        assertThat(questions(search("agent", "网购退货被拒"))).first().asString().contains("七天无理由退货");
        assertThat(questions(search("dept-housing", "出租车绕路"))).first().asString().contains("出租车拒载");
        assertThat(questions(search("dispatcher", "公司拖欠工资"))).first().asString().contains("拖欠工资");
        // Both noise articles come before the other complaint articles that only share 投诉.
        assertThat(questions(search("agent", "噪音 投诉")).subList(0, 2))
                .allSatisfy(q -> assertThat(q).contains("噪音"));
    }

    @Test
    void queryTextIsNotQuerySyntaxAndAnEmptyQueryIsRefused() throws Exception {
        assertThat(call(get("/api/knowledge/articles").param("q", "投诉(噪音\" AND"), "agent").getResponse().getStatus())
                .isEqualTo(200);
        MvcResult blank = call(get("/api/knowledge/articles").param("q", " "), "agent");
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(blank).get("fields").get(0).get("field").asText()).isEqualTo("q");
    }

    @Test
    void aProposalIsHiddenUntilTheCenterApprovesItAndOnlyTheCenterMayApprove() throws Exception {
        MvcResult proposed = write("dept-labour", draft("职业技能提升补贴如何申领？",
                "取得职业资格证书或职业技能等级证书的参保职工，可在证书核发之日起12个月内通过掌上12333申领技能提升补贴。",
                TODAY.minusDays(1), null).put("ownerUnit", "HBJ").toString());
        assertThat(proposed.getResponse().getStatus()).isEqualTo(201);
        JsonNode proposal = body(proposed);
        long id = proposal.get("id").asLong();
        assertThat(proposal.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposal.get("ownerUnit").asText()).as("a department proposes for its own unit").isEqualTo("RSJ");

        assertThat(ids(search("agent", "技能提升补贴"))).doesNotContain(id);
        assertThat(call(get("/api/knowledge/articles/" + id), "dept-housing").getResponse().getStatus())
                .as("another department does not see the proposal").isEqualTo(404);
        assertThat(ids(list("/api/knowledge/proposals", "dept-labour"))).contains(id);
        assertThat(ids(list("/api/knowledge/proposals", "dept-housing"))).doesNotContain(id);
        assertThat(ids(list("/api/knowledge/proposals", "dispatcher"))).contains(id);

        assertThat(decide("dept-labour", id, "approve", "{}").getResponse().getStatus()).isEqualTo(403);
        assertThat(decide("agent", id, "approve", "{}").getResponse().getStatus()).isEqualTo(403);
        assertThat(write("agent", draft("话务员写的", "不允许", TODAY, null).toString()).getResponse().getStatus())
                .isEqualTo(403);

        MvcResult approved = decide("supervisor", id, "approve", "{\"note\":\"内容准确\"}");
        assertThat(body(approved).get("status").asText()).isEqualTo("APPROVED");
        assertThat(body(approved).get("decidedBy").asText()).isEqualTo("supervisor");
        assertThat(ids(search("agent", "技能提升补贴"))).first().isEqualTo(id);

        MvcResult again = decide("dispatcher", id, "approve", "{}");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).get("code").asText()).isEqualTo("article.notProposed");
    }

    @Test
    void aRejectionNeedsAReasonAndARejectedProposalIsNeverFound() throws Exception {
        long id = body(write("dept-environment", draft("秸秆焚烧举报电话？", "请拨打本热线举报秸秆焚烧。",
                TODAY, null).toString())).get("id").asLong();

        MvcResult noReason = decide("dispatcher", id, "reject", "{}");
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason).get("fields").get(0).get("field").asText()).isEqualTo("reason");

        assertThat(body(decide("dispatcher", id, "reject", "{\"reason\":\"与现有条目重复\"}")).get("status").asText())
                .isEqualTo("REJECTED");
        assertThat(ids(search("agent", "秸秆焚烧"))).doesNotContain(id);
    }

    @Test
    void anApprovedUpdateRetiresTheArticleItReplaces() throws Exception {
        long original = body(write("dispatcher", draft("居住证办理需要哪些材料？", "身份证、居住登记凭证。",
                TODAY.minusDays(30), null).put("ownerUnit", "RSJ").toString())).get("id").asLong();
        long update = body(write("dept-labour", draft("居住证办理需要哪些材料？",
                "身份证、居住登记凭证和近期免冠照片；可在政务服务网上预约办理。", TODAY, null)
                .put("replacesId", original).toString())).get("id").asLong();

        decide("dispatcher", update, "approve", "{}");

        assertThat(body(call(get("/api/knowledge/articles/" + original), "dispatcher")).get("status").asText())
                .isEqualTo("RETIRED");
        assertThat(ids(search("agent", "居住证 材料"))).contains(update).doesNotContain(original);
    }

    @Test
    void anAnswerFromAnArticleIsRecordedOnTheCaseAndCountedOnceEvenWhenTheCallIsRetried() throws Exception {
        JsonNode article = search("agent", "社保转移").get(0);
        long id = article.get("id").asLong();
        long usesBefore = article.get("useCount").asLong();
        String call = """
                {"request":{"type":"CONSULTATION","category":"LABOUR.SOCIAL","district":"CITY","subject":"社保转移",
                            "content":"咨询社保跨省转移手续","phone":"13900000011"},
                 "decision":"ANSWER","answer":"可在转入地社保经办机构申请转移接续。","articleId":%d}""".formatted(id);

        MvcResult first = call(post("/api/agent/cases").header("Idempotency-Key", "kb-call-1")
                .contentType(MediaType.APPLICATION_JSON).content(call), "agent");
        MvcResult retry = call(post("/api/agent/cases").header("Idempotency-Key", "kb-call-1")
                .contentType(MediaType.APPLICATION_JSON).content(call), "agent");

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(200);
        String caseNumber = body(first).get("caseNumber").asText();
        JsonNode theCase = body(call(get("/api/cases/" + caseNumber), "dispatcher"));
        assertThat(theCase.get("closure").asText()).isEqualTo("ANSWERED_DIRECTLY");
        assertThat(theCase.get("answerArticleId").asLong()).isEqualTo(id);
        assertThat(useCount(id)).isEqualTo(usesBefore + 1);
    }

    @Test
    void theCentersIntakeAnswerMayCiteAnArticleButNotAnInvalidOne() throws Exception {
        long id = search("dispatcher", "网购退货").get(0).get("id").asLong();
        long usesBefore = useCount(id);
        String number = submitted();
        long expired = body(write("dispatcher", draft("旧版退货规定", "已废止。", TODAY.minusYears(2),
                TODAY.minusYears(1)).put("ownerUnit", "SCJG").toString())).get("id").asLong();

        MvcResult invalid = review(number, "{\"decision\":\"ANSWER\",\"text\":\"按旧规定\",\"articleId\":" + expired + "}");
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(invalid).get("fields").get(0).get("field").asText()).isEqualTo("articleId");
        MvcResult notAnAnswer = review(number, "{\"decision\":\"DISPATCH\",\"articleId\":" + id + "}");
        assertThat(notAnAnswer.getResponse().getStatus()).isEqualTo(400);

        assertThat(review(number, "{\"decision\":\"ANSWER\",\"text\":\"七日内可无理由退货，可向12315投诉。\",\"articleId\":"
                + id + "}").getResponse().getStatus()).isEqualTo(204);
        assertThat(body(call(get("/api/cases/" + number), "dispatcher")).get("answerArticleId").asLong()).isEqualTo(id);
        assertThat(useCount(id)).isEqualTo(usesBefore + 1);
    }

    @Test
    void theDailyExpiryHidesExpiredArticlesAndRemindsTheOwningUnitOnce() throws Exception {
        long id = body(write("dispatcher", draft("冬季供暖费补贴申请", "符合条件的家庭可在十一月底前向社区申请。",
                TODAY.minusYears(1), TODAY.minusDays(3)).put("ownerUnit", "HBJ").toString())).get("id").asLong();
        assertThat(ids(search("agent", "供暖费补贴"))).as("past its date, found by nobody already").doesNotContain(id);
        assertThat(ids(list("/api/knowledge/expiring", "dept-environment"))).contains(id);
        assertThat(ids(list("/api/knowledge/expiring", "dept-housing"))).doesNotContain(id);

        expiry.runNow();
        expiry.runNow();

        assertThat(body(call(get("/api/knowledge/articles/" + id), "dispatcher")).get("status").asText()).isEqualTo("EXPIRED");
        List<Long> reminded = new ArrayList<>();
        list("/api/knowledge/reminders", "dept-environment").forEach(r -> reminded.add(r.get("articleId").asLong()));
        assertThat(reminded).containsOnlyOnce(id);
        assertThat(list("/api/knowledge/reminders", "dept-housing").findValuesAsText("articleId"))
                .doesNotContain(String.valueOf(id));
        assertThat(list("/api/knowledge/reminders", "dispatcher").findValuesAsText("articleId")).contains(String.valueOf(id));
    }

    @Test
    void aChangeMadeOnAnotherNodeReachesThisNodesIndexAtTheNextRefresh() throws Exception {
        long id = body(write("dispatcher", draft("古树名木保护咨询", "古树名木由园林绿化部门负责保护管理。",
                TODAY.minusDays(1), null).toString())).get("id").asLong();
        assertThat(ids(search("agent", "古树名木"))).contains(id);

        // Another node retires the article: only the shared table changes here.
        jdbc.update("UPDATE knowledge_article SET status = 'RETIRED', updated_at = CURRENT_TIMESTAMP WHERE id = ?", id);
        indexing.refresh();

        assertThat(indexing.index().search("古树名木", TODAY, 10)).doesNotContain(id);
    }

    private JsonNode search(String user, String query) throws Exception {
        MvcResult result = call(get("/api/knowledge/articles").param("q", query), user);
        assertThat(result.getResponse().getStatus()).as("search %s", query).isEqualTo(200);
        return body(result);
    }

    private JsonNode list(String path, String user) throws Exception {
        MvcResult result = call(get(path), user);
        assertThat(result.getResponse().getStatus()).as("%s as %s", path, user).isEqualTo(200);
        return body(result);
    }

    private com.fasterxml.jackson.databind.node.ObjectNode draft(String question, String answer, LocalDate from,
                                                                  LocalDate until) {
        com.fasterxml.jackson.databind.node.ObjectNode draft = json.createObjectNode()
                .put("question", question).put("answer", answer).put("validFrom", from.toString())
                .put("sourceDocument", "测试文件");
        if (until != null) {
            draft.put("validUntil", until.toString());
        }
        return draft;
    }

    private MvcResult write(String user, String draft) throws Exception {
        return call(post("/api/knowledge/articles").contentType(MediaType.APPLICATION_JSON).content(draft), user);
    }

    private MvcResult decide(String user, long id, String decision, String body) throws Exception {
        return call(post("/api/knowledge/articles/" + id + "/" + decision)
                .contentType(MediaType.APPLICATION_JSON).content(body), user);
    }

    private MvcResult review(String number, String body) throws Exception {
        return call(post("/api/center/cases/" + number + "/intake-review")
                .contentType(MediaType.APPLICATION_JSON).content(body), "dispatcher");
    }

    private String submitted() throws Exception {
        return body(mvc.perform(post("/api/citizen/requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"CONSULTATION","category":"MARKET.CONSUMER","district":"CITY","subject":"网购退货",
                 "content":"网购衣服七天内退货被商家拒绝","phone":"13900000012"}""")).andReturn())
                .get("caseNumber").asText();
    }

    private long useCount(long id) throws Exception {
        return body(call(get("/api/knowledge/articles/" + id), "agent")).get("useCount").asLong();
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo"))).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static List<String> questions(JsonNode articles) {
        return articles.findValuesAsText("question");
    }

    private static List<Long> ids(JsonNode articles) {
        List<Long> ids = new ArrayList<>();
        articles.forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }
}
