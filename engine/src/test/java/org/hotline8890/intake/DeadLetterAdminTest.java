package org.hotline8890.intake;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Contacts the engine could not read reach the admin's list, and can be queued again from it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeadLetterAdminTest {

    @Autowired MockMvc mvc;
    @Autowired InProcessIntakeQueue queue;
    @Autowired DeadLetters deadLetters;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anUnreadableContactIsListedForTheAdminWithItsReasonAndCanBeQueuedAgain() throws Exception {
        String id = "SM-dead-" + System.nanoTime();
        queue.publish(new ContactMessage(Channel.SMS, id, Instant.now(),
                new ContactMessage.Sender(null, "13900003333", null, null, false), null, "  ", List.of(), null, null,
                null, null, null, false, false, null, Map.of()));
        queue.drain();

        mvc.perform(get("/api/admin/dead-letters").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].channelMessageId", hasItem(id)))
                .andExpect(jsonPath("$[?(@.channelMessageId == '" + id + "')].reason",
                        hasItem(org.hamcrest.Matchers.containsString("neither a subject nor a text"))));
        long letter = deadLetters.open().stream().filter(d -> d.channelMessageId().equals(id)).findFirst()
                .orElseThrow().id();

        mvc.perform(post("/api/admin/dead-letters/" + letter + "/requeue").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());

        Assertions.assertThat(jdbc.queryForObject(
                "SELECT state FROM intake_queue_message WHERE channel = 'SMS' AND channel_message_id = ?", String.class, id))
                .isEqualTo("PENDING");
        Assertions.assertThat(deadLetters.open()).noneMatch(d -> d.id() == letter);
        mvc.perform(post("/api/admin/dead-letters/" + letter + "/requeue").with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyAdminsSeeTheDeadLettersAndTheOutbox() throws Exception {
        mvc.perform(get("/api/admin/dead-letters").with(httpBasic("dispatcher", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/outbox").with(httpBasic("dept-housing", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/outbox")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/outbox").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].channel", hasItem("SMS")));
    }
}
