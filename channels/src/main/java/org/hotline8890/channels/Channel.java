package org.hotline8890.channels;

/** Where a contact reached the hotline. */
public enum Channel {
    PHONE, WEB, SMS, MAIL, MICROBLOG, OPEN311, APP
}
