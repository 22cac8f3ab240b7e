package org.hotline8890.intake;

import org.hotline8890.channels.ContactMessage;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Contacts travel as JSON on every queue. */
@Component
class ContactCodec {

    private final ObjectMapper json;

    ContactCodec(ObjectMapper json) {
        this.json = json;
    }

    String encode(ContactMessage contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contact cannot be written as JSON", e);
        }
    }

    ContactMessage decode(String payload) {
        try {
            return json.readValue(payload, ContactMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidContactException("not a readable contact: " + e.getMessage());
        }
    }
}
