package org.hotline8890.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How results are published.
 *
 * @param reviewRequired when on, a closed case's de-identified result waits for the center to approve
 *                       it (公开审核) instead of being published at once. Off by default so a fresh
 *                       install behaves as before; a production deployment should turn it on, because
 *                       the automatic de-identification cannot recognise every piece of personal data.
 */
@ConfigurationProperties("hotline.publication")
public record PublicationSettings(@DefaultValue("false") boolean reviewRequired) {
}
