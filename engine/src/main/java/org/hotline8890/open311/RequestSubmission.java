package org.hotline8890.open311;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.IntakeReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * POST requests: checks the key and the request, keeps the coordinates and links the case has no
 * column for, and queues the request as a contact whose message id is a fresh token. The row is
 * written before the contact is queued, so a consumed contact always finds it; a row whose contact
 * never got queued (the queue was down and the client told so) is never read, as no case points at it.
 */
@Component
class RequestSubmission {

    private static final Logger log = LoggerFactory.getLogger(RequestSubmission.class);

    static final int DESCRIPTION_LIMIT = 4000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{2,30}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    private final ApiKeys keys;
    private final ServiceCatalogue catalogue;
    private final IntakeQueue queue;
    private final IntakeReceipts receipts;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;

    RequestSubmission(ApiKeys keys, ServiceCatalogue catalogue, IntakeQueue queue, IntakeReceipts receipts,
                      JdbcTemplate jdbc, MessageSource messages, Clock clock) {
        this.keys = keys;
        this.catalogue = catalogue;
        this.queue = queue;
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** The token, and the case number if the engine was quick enough to consume it already. */
    record Submitted(String token, Optional<String> caseNumber) {
    }

    /**
     * @param form       the form fields, first value of each
     * @param attributes the {@code attribute[code]} fields by code
     */
    Submitted submit(Map<String, String> form, Map<String, String> attributes, Locale locale) {
        if (!keys.anyConfigured()) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "channel.open311.error.submitOff");
        }
        if (!keys.accepts(form.get("api_key"))) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "channel.open311.error.apiKey");
        }
        String serviceCode = text(form, "service_code", 64);
        if (serviceCode == null) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.serviceMissing");
        }
        if (!catalogue.isService(serviceCode)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.serviceUnknown", serviceCode);
        }
        BigDecimal lat = coordinate(form, "lat", 90);
        BigDecimal lon = coordinate(form, "long", 180);
        if ((lat == null) != (lon == null)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.coordinatesHalf");
        }
        String addressString = text(form, "address_string", 400);
        String addressId = text(form, "address_id", 200);
        if (lat == null && addressString == null && addressId == null) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.locationMissing");
        }
        String description = text(form, "description", DESCRIPTION_LIMIT);
        if (description == null) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.descriptionMissing");
        }
        String email = text(form, "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.email");
        }
        String phone = text(form, "phone", 32);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.phone");
        }
        String mediaUrl = mediaUrl(form);
        String name = name(text(form, "first_name", 50), text(form, "last_name", 50));
        ServiceCatalogue.Classification classification = catalogue.classify(attributes, locale);

        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO open311_request (token, service_code, latitude, longitude, address_string, address_id,
                                             media_url, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                token, serviceCode, lat, lon, addressString, addressId, mediaUrl,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        ContactMessage contact = new ContactMessage(Channel.OPEN311, token, now,
                new ContactMessage.Sender(name, phone, email, null, phone == null && email == null),
                null, description,
                mediaUrl == null ? List.of() : List.of(new ContactMessage.AttachmentRef(fileName(mediaUrl),
                        "text/uri-list", 0, mediaUrl)),
                location(addressString, addressId, lat, lon), classification.district(), classification.caseType(),
                serviceCode, classification.urgency(), false, classification.consentToPublish(), null, Map.of());
        try {
            queue.publish(contact);
        } catch (RuntimeException e) {
            log.warn("Open311 request {} could not be queued: {}", token, e.toString());
            throw new Open311Exception(HttpStatus.SERVICE_UNAVAILABLE, "channel.open311.error.queueDown");
        }
        return new Submitted(token, receipts.caseNumberFor(Channel.OPEN311, token));
    }

    private static String text(Map<String, String> form, String field, int limit) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > limit) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.tooLong", field, limit);
        }
        return stripped;
    }

    private static BigDecimal coordinate(Map<String, String> form, String field, int bound) {
        String value = text(form, field, 40);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal degrees = new BigDecimal(value);
            if (degrees.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
                throw new NumberFormatException("out of range");
            }
            return degrees.setScale(6, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.coordinate", field, value);
        }
    }

    private static String mediaUrl(Map<String, String> form) {
        String url = text(form, "media_url", 500);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // falls through to the same answer as any other unusable link
        }
        throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.mediaUrl");
    }

    private static String fileName(String url) {
        String path = URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String name = last.isBlank() ? "media" : last;
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** Chinese names read family name first, with no space: 张 + 三丰 is 张三丰. */
    private static String name(String first, String last) {
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        return HAN.matcher(first).matches() && HAN.matcher(last).matches() ? last + first : first + " " + last;
    }

    private String location(String addressString, String addressId, BigDecimal lat, BigDecimal lon) {
        StringBuilder where = new StringBuilder();
        if (addressString != null) {
            where.append(addressString);
        } else if (addressId != null) {
            where.append(messages.getMessage("channel.open311.location.addressId", new Object[] {addressId},
                    Locale.SIMPLIFIED_CHINESE));
        }
        if (lat != null) {
            where.append(where.isEmpty() ? "" : " ").append('(').append(lat.toPlainString()).append(", ")
                    .append(lon.toPlainString()).append(')');
        }
        return where.toString();
    }
}
