package org.hotline8890.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The tables for automation: read, put (deploy), refuse with the cell named, and the change history. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RulesApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired DecisionTables tables;

    RuleTable atStart;

    @BeforeEach
    void remember() {
        atStart = tables.read(EditableDecision.DISPATCH_CATALOGUE);
    }

    @AfterEach
    void restore() {
        if (tables.latestVersion(EditableDecision.DISPATCH_CATALOGUE) != atStart.version()) {
            tables.save(EditableDecision.DISPATCH_CATALOGUE, atStart.rows(), null, "test-restore");
        }
    }

    @Test
    void anAdministratorPutsAnEditedTableAndReadsTheChangeBack() throws Exception {
        ObjectNode table = (ObjectNode) get("/api/admin/rules/dispatch_catalogue");
        ArrayNode rows = (ArrayNode) table.get("rows");
        ((ArrayNode) rows.get(0).get("outputs")).set(0, "\"XC-CGJ\"");
        ObjectNode edit = json.createObjectNode().put("version", table.get("version").asInt());
        edit.set("rows", rows);

        JsonNode saved = json.readTree(mvc.perform(put("/api/admin/rules/dispatch_catalogue")
                        .with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content(edit.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(saved.get("versionAfter").asInt()).isEqualTo(atStart.version() + 1);
        assertThat(saved.get("diff").get(0).asText()).isEqualTo("~ row 1: Department \"DC-CGJ\" → \"XC-CGJ\"");
        JsonNode latest = get("/api/admin/rules/dispatch_catalogue/changes").get(0);
        assertThat(latest.get("changedBy").asText()).isEqualTo("admin");
        assertThat(latest.get("versionBefore").asInt()).isEqualTo(atStart.version());
        assertThat(latest.get("diff").get(0).asText()).isEqualTo("~ row 1: Department \"DC-CGJ\" → \"XC-CGJ\"");
    }

    @Test
    void anInvalidCellAnswers400NamingRowColumnAndReason() throws Exception {
        ObjectNode table = (ObjectNode) get("/api/admin/rules/dispatch_catalogue");
        ArrayNode rows = (ArrayNode) table.get("rows");
        ((ArrayNode) rows.get(2).get("inputs")).set(1, "\"URBAN.ROAD\" or");
        ObjectNode edit = json.createObjectNode();
        edit.set("rows", rows);

        JsonNode problem = json.readTree(mvc.perform(put("/api/admin/rules/dispatch_catalogue")
                        .with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content(edit.toString()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());

        assertThat(problem.get("fields").get(0).get("field").asText()).isEqualTo("rows[2].inputs[1]");
        assertThat(problem.get("fields").get(0).get("reason").asText())
                .isEqualTo("row 3, column Category: \"\"URBAN.ROAD\" or\" is not a valid FEEL test.");
        assertThat(tables.latestVersion(EditableDecision.DISPATCH_CATALOGUE)).isEqualTo(atStart.version());
    }

    @Test
    void aSaveFromAnOutdatedVersionIsRefusedAndAnUnknownTableIsNotFound() throws Exception {
        ObjectNode edit = json.createObjectNode().put("version", atStart.version() - 1);
        edit.set("rows", get("/api/admin/rules/dispatch_catalogue").get("rows"));
        mvc.perform(put("/api/admin/rules/dispatch_catalogue").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(edit.toString())).andExpect(status().isConflict());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/admin/rules/hotline_case")
                .with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
    }

    private JsonNode get(String url) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(httpBasic("admin", "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
