package org.hotline8890.open311;

import static org.hotline8890.open311.Open311Body.fields;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline8890.HotlineProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: every resource in JSON or XML by its suffix. The
 * answers keep the standard's shapes, errors included ({@code [{"code":400,"description":"..."}]}).
 * Descriptions and notices are in Chinese unless the client asks for English (Accept-Language).
 * {@code jurisdiction_id} is accepted and ignored: this endpoint serves one hotline.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Api {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[(.+)]");
    private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8);
    /** When what this endpoint serves last changed; move it with every change clients would notice. */
    private static final String CHANGESET = "2026-11-23T00:00:00+08:00";

    private final ServiceCatalogue catalogue;
    private final RequestSubmission submission;
    private final RequestDirectory directory;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final String publicUrl;
    private final Clock clock;

    Open311Api(ServiceCatalogue catalogue, RequestSubmission submission, RequestDirectory directory,
               MessageSource messages, ObjectMapper json, HotlineProperties properties, Clock clock) {
        this.catalogue = catalogue;
        this.submission = submission;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
        this.zone = properties.zone();
        this.publicUrl = properties.publicUrl();
        this.clock = clock;
    }

    private enum Format {
        JSON, XML;

        static Format of(String suffix) {
            return switch (suffix) {
                case "json" -> JSON;
                case "xml" -> XML;
                default -> throw new Open311Exception(HttpStatus.NOT_FOUND, "channel.open311.error.format", suffix);
            };
        }
    }

    /** "ENV.NOISE.json": the resource id may itself hold dots, so the format is after the last one. */
    private record Resource(String id, Format format) {
        static Resource of(String file) {
            int dot = file.lastIndexOf('.');
            if (dot <= 0) {
                throw new Open311Exception(HttpStatus.NOT_FOUND, "channel.open311.error.format", file);
            }
            return new Resource(file.substring(0, dot), Format.of(file.substring(dot + 1)));
        }
    }

    /** Service discovery, which the standard asks every endpoint to offer: where v2 is and in which formats. */
    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        Locale locale = locale(request);
        return answer(Format.of(format), HttpStatus.OK, "discovery", fields(
                "changeset", CHANGESET,
                "contact", messages.getMessage("channel.open311.discovery.contact", null, locale),
                "key_service", messages.getMessage("channel.open311.discovery.keyService", null, locale),
                "endpoints", new Open311Body.Repeated("endpoint", List.of(fields(
                        "specification", "http://wiki.open311.org/GeoReport_v2",
                        "url", publicUrl + "/open311/v2",
                        "changeset", CHANGESET,
                        "type", "production",
                        "formats", new Open311Body.Repeated("format",
                                List.of(XML.getType() + "/" + XML.getSubtype(), JSON.getType() + "/" + JSON.getSubtype())))))));
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
        return answer(Format.of(format), HttpStatus.OK, "services", catalogue.services(locale(request)));
    }

    @GetMapping("/services/{file}")
    ResponseEntity<String> serviceDefinition(@PathVariable String file, HttpServletRequest request) {
        Resource resource = Resource.of(file);
        return answer(resource.format(), HttpStatus.OK, "service_definition",
                catalogue.definition(resource.id(), locale(request)));
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> submit(@PathVariable String format, HttpServletRequest request) {
        Format answerFormat = Format.of(format);
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            String value = values.length == 0 ? null : values[0];
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                if (value != null && !value.isBlank()) {
                    attributes.put(attribute.group(1), value.strip());
                }
            } else {
                form.put(name, value);
            }
        });
        Locale locale = locale(request);
        RequestSubmission.Submitted submitted = submission.submit(form, attributes, locale);
        Map<String, Object> body = submitted.caseNumber()
                .map(number -> fields("token", submitted.token(), "service_request_id", number,
                        "service_notice", messages.getMessage("channel.open311.notice.registered",
                                new Object[] {number}, locale)))
                .orElseGet(() -> fields("token", submitted.token(),
                        "service_notice", messages.getMessage("channel.open311.notice.queued", null, locale)));
        return answer(answerFormat, HttpStatus.OK, "service_requests", new Open311Body.Repeated("request", List.of(body)));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format, HttpServletRequest request) {
        Format answerFormat = Format.of(format);
        Instant to = date(request, "end_date");
        to = to == null ? clock.instant() : to;
        Instant from = date(request, "start_date");
        from = from == null ? to.minus(90, ChronoUnit.DAYS) : from;
        if (from.isAfter(to)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.dateRange");
        }
        List<String> statuses = list(request, "status");
        for (String status : statuses) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.status", status);
            }
        }
        RequestDirectory.Query query = new RequestDirectory.Query(list(request, "service_request_id"),
                list(request, "service_code"), from, to,
                statuses.isEmpty() || statuses.contains("open"), statuses.isEmpty() || statuses.contains("closed"));
        return answer(answerFormat, HttpStatus.OK, "service_requests",
                new Open311Body.Repeated("request", directory.find(query, locale(request))));
    }

    @GetMapping("/requests/{file}")
    ResponseEntity<String> request(@PathVariable String file, HttpServletRequest request) {
        Resource resource = Resource.of(file);
        Map<String, Object> found = directory.one(resource.id(), locale(request)).orElseThrow(() ->
                new Open311Exception(HttpStatus.NOT_FOUND, "channel.open311.error.requestUnknown", resource.id()));
        return answer(resource.format(), HttpStatus.OK, "service_requests",
                new Open311Body.Repeated("request", List.of(found)));
    }

    @GetMapping("/tokens/{file}")
    ResponseEntity<String> token(@PathVariable String file) {
        Resource resource = Resource.of(file);
        String number = directory.caseNumberForToken(resource.id()).orElseThrow(() ->
                new Open311Exception(HttpStatus.NOT_FOUND, "channel.open311.error.tokenPending", resource.id()));
        return answer(resource.format(), HttpStatus.OK, "service_requests", new Open311Body.Repeated("request",
                List.of(fields("service_request_id", number, "token", resource.id()))));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> error(Open311Exception e, HttpServletRequest request) {
        Format format = request.getRequestURI().endsWith(".xml") ? Format.XML : Format.JSON;
        String description = messages.getMessage(e.messageKey(), e.arguments(), locale(request));
        return answer(format, e.status(), "errors", new Open311Body.Repeated("error",
                List.of(fields("code", e.status().value(), "description", description))));
    }

    private ResponseEntity<String> answer(Format format, HttpStatus status, String xmlRoot, Object body) {
        return switch (format) {
            case JSON -> ResponseEntity.status(status).contentType(JSON).body(Open311Body.json(json, body));
            case XML -> ResponseEntity.status(status).contentType(XML).body(Open311Body.xml(xmlRoot, body));
        };
    }

    /** The standard's w3 datetime: with an offset, or in the hotline's zone without one; a bare date is its start. */
    private Instant date(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.date", name, v);
                }
            }
        }
    }

    private static List<String> list(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Chinese unless the client's first choice is English. */
    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") != null
                && Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
