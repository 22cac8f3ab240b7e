package org.hotline8890.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every endpoint of the JSON API, called as every kind of user. A denied call must answer 401
 * (no login) or 403 (wrong role), or 404 for a department reaching another department's case; an
 * allowed call must get past those checks. No call may answer 5xx. The matrix must name every
 * endpoint Spring knows under {@code /api/}, so a new endpoint cannot be forgotten.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuthorizationMatrixTest {

    /** Who may call an endpoint. */
    enum Access { ANYONE, AGENT_DESK, CENTER, CENTER_OWN_REGION_CASE, DEPARTMENT, OWN_DEPARTMENT_CASE, ANY_STAFF_OWN_CASE,
        ADMIN, ANY_STAFF, KNOWLEDGE_AUTHORS, DUTY_ROSTER_KEEPERS, ASSISTING_UNIT_CASE }

    /**
     * The users; the department case is always dispatched to the environment bureau (HBJ) of the demo city,
     * with market regulation (SCJG) assisting (协办): it reads the case but acts only on its own part.
     * The other region's dispatcher (of the neighbouring city LS) is a center user whose region the case is not in.
     */
    enum Caller {
        ANONYMOUS(null), AGENT("agent"), DISPATCHER("dispatcher"), SUPERVISOR("supervisor"), ADMIN("admin"),
        DEPARTMENT_OF_THE_CASE("dept-environment"), ANOTHER_DEPARTMENT("dept-housing"), ASSISTING_DEPARTMENT("dept-market"),
        OTHER_REGION_DISPATCHER("ls-dispatcher");

        final String username;

        Caller(String username) {
            this.username = username;
        }
    }

    enum Outcome { ALLOWED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND }

    private static final Map<String, Access> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/citizen/requests", Access.ANYONE);
        MATRIX.put("POST /api/citizen/cases/lookup", Access.ANYONE);
        MATRIX.put("POST /api/citizen/cases/{caseNumber}/feedback", Access.ANYONE);
        MATRIX.put("POST /api/citizen/mailbox", Access.ANYONE);
        MATRIX.put("GET /api/citizen/mailbox/{reference}", Access.ANYONE);
        MATRIX.put("GET /api/public/results", Access.ANYONE);
        MATRIX.put("GET /api/public/statistics", Access.ANYONE);
        MATRIX.put("GET /api/public/statistics/regions", Access.ANYONE);
        MATRIX.put("GET /api/public/call-center", Access.ANYONE);
        MATRIX.put("POST /api/agent/cases", Access.AGENT_DESK);
        MATRIX.put("GET /api/agent/callers/{phone}/cases", Access.AGENT_DESK);
        MATRIX.put("GET /api/agent/screen-pops", Access.AGENT_DESK);
        MATRIX.put("GET /api/agent/classification", Access.AGENT_DESK);
        MATRIX.put("GET /api/center/intake", Access.CENTER);
        MATRIX.put("GET /api/center/dispatch", Access.CENTER);
        MATRIX.put("GET /api/center/returns", Access.CENTER);
        MATRIX.put("GET /api/center/replies", Access.CENTER);
        MATRIX.put("GET /api/center/extensions", Access.CENTER);
        MATRIX.put("GET /api/center/monthly-report", Access.CENTER);
        MATRIX.put("GET /api/center/overdue", Access.CENTER);
        MATRIX.put("GET /api/center/publications", Access.CENTER);
        MATRIX.put("POST /api/center/publications/{caseNumber}/approve", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/publications/{caseNumber}/withhold", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/intake-review", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/dispatch", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/return-ruling", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/extension-ruling", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/reply-review", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/supervision", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/reminders", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/feedback", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("GET /api/center/cases/{caseNumber}/similar", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/transfer", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/transfer-refusal", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("GET /api/center/transfers", Access.CENTER);
        MATRIX.put("GET /api/center/regions", Access.CENTER);
        MATRIX.put("GET /api/center/hot-issues", Access.CENTER);
        MATRIX.put("GET /api/department/cases", Access.DEPARTMENT);
        MATRIX.put("GET /api/department/assists", Access.DEPARTMENT);
        MATRIX.put("POST /api/department/cases/{caseNumber}/assist/sign", Access.ASSISTING_UNIT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/assist/decline", Access.ASSISTING_UNIT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/assist/contribution", Access.ASSISTING_UNIT_CASE);
        MATRIX.put("GET /api/center/assists/declined", Access.CENTER);
        MATRIX.put("POST /api/center/cases/{caseNumber}/assists", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/assists/{unitCode}/withdraw", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/center/cases/{caseNumber}/assists/{unitCode}/decline-ruling", Access.CENTER_OWN_REGION_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/sign", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/return", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/extension", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/reply", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/redispatch", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/sub-center-ruling", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("POST /api/department/cases/{caseNumber}/sub-center-review", Access.OWN_DEPARTMENT_CASE);
        MATRIX.put("GET /api/cases/{caseNumber}", Access.ANY_STAFF_OWN_CASE);
        MATRIX.put("GET /api/admin/calendar", Access.ADMIN);
        MATRIX.put("POST /api/admin/calendar", Access.ADMIN);
        MATRIX.put("GET /api/admin/dead-letters", Access.ADMIN);
        MATRIX.put("POST /api/admin/dead-letters/{id}/requeue", Access.ADMIN);
        MATRIX.put("GET /api/admin/outbox", Access.ADMIN);
        MATRIX.put("GET /api/admin/event-log/verify", Access.ADMIN);
        MATRIX.put("POST /api/admin/retention/run", Access.ADMIN);
        MATRIX.put("GET /api/admin/rules/{key}", Access.ADMIN);
        MATRIX.put("PUT /api/admin/rules/{key}", Access.ADMIN);
        MATRIX.put("GET /api/admin/rules/{key}/changes", Access.ADMIN);
        MATRIX.put("GET /api/knowledge/articles", Access.ANY_STAFF);
        MATRIX.put("GET /api/knowledge/articles/{id}", Access.ANY_STAFF);
        MATRIX.put("POST /api/knowledge/articles", Access.KNOWLEDGE_AUTHORS);
        MATRIX.put("GET /api/knowledge/proposals", Access.KNOWLEDGE_AUTHORS);
        MATRIX.put("GET /api/knowledge/expiring", Access.KNOWLEDGE_AUTHORS);
        MATRIX.put("GET /api/knowledge/reminders", Access.KNOWLEDGE_AUTHORS);
        MATRIX.put("POST /api/knowledge/articles/{id}/approve", Access.CENTER);
        MATRIX.put("POST /api/knowledge/articles/{id}/reject", Access.CENTER);
        MATRIX.put("POST /api/knowledge/articles/{id}/retire", Access.CENTER);
        MATRIX.put("GET /api/duty/roster", Access.DUTY_ROSTER_KEEPERS);
        MATRIX.put("POST /api/duty/roster", Access.DUTY_ROSTER_KEEPERS);
        MATRIX.put("POST /api/duty/roster/import", Access.DUTY_ROSTER_KEEPERS);
    }

    /** Valid bodies where a department's call must reach the case check rather than stop at validation. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/department/cases/{caseNumber}/return", "{\"reason\":\"不属于本部门职责\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/extension", "{\"until\":\"2031-01-01\",\"reason\":\"需要多部门协调\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/reply", "{\"text\":\"已责令停止夜间施工\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/assist/decline", "{\"reason\":\"不属于本单位职责\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/assist/contribution", "{\"text\":\"已核查\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/redispatch", "{\"departmentCode\":\"DC-DH\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/sub-center-ruling", "{\"ruling\":\"PASS_UP\",\"comment\":\"不属于本区\"}"),
            Map.entry("POST /api/department/cases/{caseNumber}/sub-center-review", "{\"approved\":true}"),
            // The other region's center must reach the case check: its answer is 404, as for an unknown number.
            Map.entry("POST /api/center/cases/{caseNumber}/intake-review", "{\"decision\":\"REJECT\",\"text\":\"无效\"}"),
            Map.entry("POST /api/center/cases/{caseNumber}/dispatch", "{\"departmentCode\":\"HBJ\"}"),
            Map.entry("POST /api/center/cases/{caseNumber}/return-ruling", "{\"redispatch\":false}"),
            Map.entry("POST /api/center/cases/{caseNumber}/extension-ruling", "{\"approved\":false}"),
            Map.entry("POST /api/center/cases/{caseNumber}/reply-review", "{\"accepted\":true}"),
            Map.entry("POST /api/center/cases/{caseNumber}/supervision", "{\"comment\":\"请加快办理\"}"),
            Map.entry("POST /api/center/cases/{caseNumber}/reminders", "{\"comment\":\"请加快办理\"}"),
            Map.entry("POST /api/center/cases/{caseNumber}/feedback", "{\"rating\":\"SATISFIED\"}"),
            Map.entry("POST /api/center/publications/{caseNumber}/withhold", "{\"reason\":\"涉及隐私\"}"),
            Map.entry("POST /api/center/cases/{caseNumber}/assists", "{\"unitCodes\":[\"JTJ\"]}"),
            Map.entry("POST /api/center/cases/{caseNumber}/transfer", "{\"toRegion\":\"LS\",\"reason\":\"属临山市管辖\"}"),
            Map.entry("POST /api/center/cases/{caseNumber}/transfer-refusal", "{\"reason\":\"不属本市管辖\"}"));

    private static final String REQUEST = """
            {"type":"COMPLAINT","category":"ENV.NOISE","district":"DC","subject":"夜间施工",
             "content":"工地每晚施工到凌晨","phone":"13812345678"}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheApiHasARowInTheMatrix() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> {
                    Set<?> methods = info.getMethodsCondition().getMethods();
                    // A mapping without a method answers every method: it would need a row for each.
                    assertThat(methods).as("the HTTP method of %s", path).isNotEmpty();
                    methods.forEach(method -> endpoints.add(method + " " + path));
                }));
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(endpoints);
    }

    static Stream<Arguments> calls() {
        return MATRIX.entrySet().stream().flatMap(row -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(row.getKey(), row.getValue(), caller)));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("calls")
    void eachCallerGetsExactlyWhatTheMatrixAllows(String endpoint, Access access, Caller caller) throws Exception {
        String[] methodAndPath = endpoint.split(" ", 2);
        String path = methodAndPath[1]
                .replace("{caseNumber}", endpoint.contains("{caseNumber}") ? caseOfTheEnvironmentBureau() : "")
                .replace("{phone}", "13812345678")
                .replace("{reference}", "unknown-reference")
                .replace("{key}", "time_limits")
                .replace("{unitCode}", "SCJG")
                .replace("{id}", "999999");
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(methodAndPath[0]), path);
        if ("POST".equals(methodAndPath[0])) {
            call.contentType(MediaType.APPLICATION_JSON).content(BODIES.getOrDefault(endpoint, "{}"));
        }
        if (caller.username != null) {
            call.with(httpBasic(caller.username, "demo"));
        }
        int status = mvc.perform(call).andReturn().getResponse().getStatus();

        assertThat(status).as("%s as %s", endpoint, caller).isLessThan(500);
        switch (expected(access, caller)) {
            case ALLOWED -> assertThat(status).as("%s as %s is allowed", endpoint, caller)
                    .isNotIn(401, 403)
                    .satisfies(s -> {
                        if (reachesTheCase(access)) {
                            assertThat(s).as("the case is visible").isNotEqualTo(404);
                        }
                    });
            case UNAUTHORIZED -> assertThat(status).as("%s without a login", endpoint).isEqualTo(401);
            case FORBIDDEN -> assertThat(status).as("%s as %s is forbidden", endpoint, caller).isEqualTo(403);
            case NOT_FOUND -> assertThat(status).as("%s as %s: another department's case", endpoint, caller).isEqualTo(404);
        }
    }

    static Outcome expected(Access access, Caller caller) {
        boolean allowed = switch (access) {
            case ANYONE -> true;
            case AGENT_DESK -> Set.of(Caller.AGENT, Caller.DISPATCHER, Caller.SUPERVISOR, Caller.OTHER_REGION_DISPATCHER)
                    .contains(caller);
            case CENTER -> Set.of(Caller.DISPATCHER, Caller.SUPERVISOR, Caller.ADMIN, Caller.OTHER_REGION_DISPATCHER)
                    .contains(caller);
            case CENTER_OWN_REGION_CASE -> Set.of(Caller.DISPATCHER, Caller.SUPERVISOR, Caller.ADMIN).contains(caller);
            case DEPARTMENT -> Set.of(Caller.DEPARTMENT_OF_THE_CASE, Caller.ANOTHER_DEPARTMENT, Caller.ASSISTING_DEPARTMENT)
                    .contains(caller);
            case OWN_DEPARTMENT_CASE -> caller == Caller.DEPARTMENT_OF_THE_CASE;
            case ANY_STAFF_OWN_CASE -> caller != Caller.ANONYMOUS && caller != Caller.ANOTHER_DEPARTMENT
                    && caller != Caller.OTHER_REGION_DISPATCHER;
            case ADMIN -> caller == Caller.ADMIN;
            case ANY_STAFF -> caller != Caller.ANONYMOUS;
            case KNOWLEDGE_AUTHORS -> caller != Caller.ANONYMOUS && caller != Caller.AGENT;
            case DUTY_ROSTER_KEEPERS -> Set.of(Caller.DEPARTMENT_OF_THE_CASE, Caller.ANOTHER_DEPARTMENT,
                    Caller.ASSISTING_DEPARTMENT, Caller.ADMIN).contains(caller);
            case ASSISTING_UNIT_CASE -> caller == Caller.ASSISTING_DEPARTMENT;
        };
        if (allowed) {
            return Outcome.ALLOWED;
        }
        if (caller == Caller.ANONYMOUS) {
            return Outcome.UNAUTHORIZED;
        }
        if (access == Access.ASSISTING_UNIT_CASE) {
            // A department with no part of its own on the case (the lead included) finds no assist to act on.
            return caller == Caller.ANOTHER_DEPARTMENT || caller == Caller.DEPARTMENT_OF_THE_CASE
                    ? Outcome.NOT_FOUND : Outcome.FORBIDDEN;
        }
        boolean departmentReachesTheCase = access == Access.OWN_DEPARTMENT_CASE || access == Access.ANY_STAFF_OWN_CASE;
        // The assisting unit reads the case, so the lead's steps are forbidden to it (403), not hidden.
        if (departmentReachesTheCase && caller == Caller.ANOTHER_DEPARTMENT) {
            return Outcome.NOT_FOUND;
        }
        boolean centerReachesTheCase = access == Access.CENTER_OWN_REGION_CASE || access == Access.ANY_STAFF_OWN_CASE;
        return centerReachesTheCase && caller == Caller.OTHER_REGION_DISPATCHER ? Outcome.NOT_FOUND : Outcome.FORBIDDEN;
    }

    private static boolean reachesTheCase(Access access) {
        return access == Access.OWN_DEPARTMENT_CASE || access == Access.ANY_STAFF_OWN_CASE
                || access == Access.CENTER_OWN_REGION_CASE || access == Access.ASSISTING_UNIT_CASE;
    }

    /** A fresh case for each call, dispatched to HBJ with SCJG assisting, so no call depends on what an earlier one did. */
    private String caseOfTheEnvironmentBureau() throws Exception {
        String number = json.readTree(mvc.perform(request(HttpMethod.POST, "/api/citizen/requests")
                        .contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andReturn().getResponse().getContentAsString()).get("caseNumber").asText();
        int reviewed = mvc.perform(request(HttpMethod.POST, "/api/center/cases/" + number + "/intake-review")
                        .with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"DISPATCH\",\"assistingCodes\":[\"SCJG\"]}"))
                .andReturn().getResponse().getStatus();
        assertThat(reviewed).as("dispatching the case").isEqualTo(204);
        return number;
    }
}
