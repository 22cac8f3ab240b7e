package org.hotline8890.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.intake.IntakeQueueDrain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The web face of the mayor's mailbox: a letter with a file, queued once however often it is sent. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MailboxFormApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;
    @Autowired CaseRepository cases;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aLetterWithAFileIsQueuedOnceAndItsCaseNumberCanBeAskedFor() throws Exception {
        String key = UUID.randomUUID().toString();
        MockMultipartFile photo = new MockMultipartFile("file", "积水.jpg", "image/jpeg",
                "photo of the flooded underpass".getBytes(StandardCharsets.UTF_8));

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(multipart("/api/citizen/mailbox").file(photo)
                            .param("title", "下穿隧道积水").param("text", "每逢下雨，人民路下穿隧道积水没过车轮。")
                            .param("name", "李四").param("email", "lisi@example.org").param("consentToPublish", "true")
                            .header("Idempotency-Key", key))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.reference").value("web-form:" + key));
        }
        mvc.perform(get("/api/citizen/mailbox/web-form:" + key)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.caseNumber").doesNotExist());
        IntakeQueueDrain.drainAll(context);

        String body = mvc.perform(get("/api/citizen/mailbox/web-form:" + key)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        HotlineCase theCase = cases.findByCaseNumber(json.readTree(body).get("caseNumber").asText()).orElseThrow();
        assertThat(theCase.getChannel()).isEqualTo(Channel.MAIL);
        assertThat(theCase.getSubject()).isEqualTo("下穿隧道积水");
        assertThat(theCase.getContact().email()).isEqualTo("lisi@example.org");
        assertThat(theCase.isConsentToPublish()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_queue_message WHERE channel = 'MAIL' "
                + "AND channel_message_id = ?", Integer.class, "web-form:" + key)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT file_name, size_bytes FROM case_attachment WHERE case_id = ?",
                theCase.getId())).singleElement().satisfies(row -> {
                    assertThat(row.get("FILE_NAME")).isEqualTo("积水.jpg");
                    assertThat(row.get("SIZE_BYTES")).isEqualTo((long) photo.getSize());
                });
    }

    @Test
    void aLetterWithoutTitleTextOrAWayToAnswerIsRefusedFieldByField() throws Exception {
        mvc.perform(multipart("/api/citizen/mailbox").param("text", " ").param("email", "not-an-address")
                        .param("consentToPublish", "perhaps"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.fields[*].field").value(containsInAnyOrder("title", "text", "email",
                        "consentToPublish")))
                .andExpect(jsonPath("$.fields[?(@.field == 'email')].reason").value("not a mail address"));

        mvc.perform(multipart("/api/citizen/mailbox").param("title", "t").param("text", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("email"))
                .andExpect(jsonPath("$.fields[0].reason").value("an email or a phone number is required, so we can answer"));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsQueued() throws Exception {
        String key = UUID.randomUUID().toString();
        MockMultipartFile video = new MockMultipartFile("file", "video.mp4", "video/mp4", new byte[10 * 1024 * 1024 + 1]);

        mvc.perform(multipart("/api/citizen/mailbox").file(video).param("title", "t").param("text", "x")
                        .param("phone", "13800000000").header("Idempotency-Key", key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("file"))
                .andExpect(jsonPath("$.fields[0].reason").value("larger than 10.0 MB"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_queue_message WHERE channel_message_id = ?",
                Integer.class, "web-form:" + key)).isZero();
    }
}
