package org.hotline8890.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How to reach the citizen. Each part is optional; at least one is required unless anonymous. */
@Embeddable
public record CitizenContact(
        @Column(name = "citizen_name") String name,
        @Column(name = "citizen_phone") String phone,
        @Column(name = "citizen_email") String email,
        @Column(name = "citizen_handle") String handle,
        @Column(name = "anonymous") boolean anonymous) {

    public CitizenContact {
        name = PlainText.clean(name);
        phone = PlainText.clean(phone);
        email = PlainText.clean(email);
        handle = PlainText.clean(handle);
        if (!anonymous && isBlank(phone) && isBlank(email) && isBlank(handle)) {
            throw new IllegalArgumentException("a phone number, an email or a social handle is required unless anonymous");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
