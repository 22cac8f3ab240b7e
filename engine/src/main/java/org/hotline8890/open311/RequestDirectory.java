package org.hotline8890.open311;

import static org.hotline8890.open311.Open311Body.fields;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.organisation.Category;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.publication.Deidentifier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GET requests: cases as the standard's service requests, for anyone to read. Confidential cases
 * are never selected. What is shown is what may be public: the de-identified description and
 * address, our state in plain words, and the department's reply and media link only once the case
 * is published (closed, with the citizen's consent). Names, phones and emails are never read.
 * Plain SQL rather than the case entity: a page of up to 1000 cases in four queries.
 */
@Component
class RequestDirectory {

    static final int MAX_RESULTS = 1000;

    private static final List<String> CLOSED = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isFinal)
            .map(Enum::name).toList();
    private static final List<String> OPEN = Arrays.stream(CaseStatus.values()).filter(s -> !s.isFinal())
            .map(Enum::name).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final Organisation organisation;
    private final Deidentifier deidentifier;
    private final IntakeReceipts receipts;
    private final MessageSource messages;
    private final ZoneId zone;

    RequestDirectory(NamedParameterJdbcTemplate jdbc, Organisation organisation, Deidentifier deidentifier,
                     IntakeReceipts receipts, MessageSource messages, HotlineProperties properties) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.deidentifier = deidentifier;
        this.receipts = receipts;
        this.messages = messages;
        this.zone = properties.zone();
    }

    /**
     * What to list. Case numbers, when given, override every other filter, as the standard says.
     *
     * @param open   include open cases
     * @param closed include closed ones (closed, rejected, merged)
     */
    record Query(List<String> caseNumbers, List<String> serviceCodes, Instant from, Instant to, boolean open,
                 boolean closed) {
    }

    private record CaseRow(long id, String caseNumber, String categoryCode, String location, String citizenName,
                           String content, CaseStatus status, Long departmentId, Instant receivedAt, Instant handleBy) {
    }

    private record Submitted(Double lat, Double lon, String addressString, String addressId, String mediaUrl) {
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> find(Query query, Locale locale) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, case_number, category_code, location, citizen_name, content, status, department_id,
                       received_at, handle_by
                FROM hotline_case WHERE confidential = FALSE""");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!query.caseNumbers().isEmpty()) {
            sql.append(" AND case_number IN (:numbers)");
            params.addValue("numbers", query.caseNumbers());
        } else {
            sql.append(" AND received_at >= :from AND received_at <= :to");
            params.addValue("from", utc(query.from())).addValue("to", utc(query.to()));
            if (!query.serviceCodes().isEmpty()) {
                sql.append(" AND category_code IN (:codes)");
                params.addValue("codes", query.serviceCodes());
            }
            if (query.open() != query.closed()) {
                sql.append(" AND status IN (:statuses)");
                params.addValue("statuses", query.open() ? OPEN : CLOSED);
            }
        }
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT ").append(MAX_RESULTS);
        List<CaseRow> rows = jdbc.query(sql.toString(), params, (rs, i) -> new CaseRow(rs.getLong("id"),
                rs.getString("case_number"), rs.getString("category_code"), rs.getString("location"),
                rs.getString("citizen_name"), rs.getString("content"), CaseStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("department_id", Long.class),
                instant(rs.getObject("received_at", LocalDateTime.class)),
                instant(rs.getObject("handle_by", LocalDateTime.class))));
        return describe(rows, locale);
    }

    @Transactional(readOnly = true)
    Optional<Map<String, Object>> one(String caseNumber, Locale locale) {
        List<Map<String, Object>> found = find(new Query(List.of(caseNumber), List.of(), null, null, true, true), locale);
        return found.stream().findFirst();
    }

    /** The case number a submitted token became, once the engine has consumed it. */
    Optional<String> caseNumberForToken(String token) {
        return receipts.caseNumberFor(Channel.OPEN311, token);
    }

    private List<Map<String, Object>> describe(List<CaseRow> rows, Locale locale) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(CaseRow::id).toList();
        MapSqlParameterSource byIds = new MapSqlParameterSource("ids", ids);
        Map<Long, Instant> updated = new HashMap<>();
        jdbc.query("SELECT case_id, MAX(occurred_at) AS latest FROM case_event WHERE case_id IN (:ids) GROUP BY case_id",
                byIds, rs -> {
                    updated.put(rs.getLong("case_id"), instant(rs.getObject("latest", LocalDateTime.class)));
                });
        Map<Long, String> replies = new HashMap<>();
        jdbc.query("SELECT case_id, reply FROM published_result WHERE case_id IN (:ids) AND review_state = 'PUBLISHED'", byIds,
                rs -> {
                    replies.put(rs.getLong("case_id"), rs.getString("reply"));
                });
        Map<Long, Submitted> submitted = new HashMap<>();
        jdbc.query("""
                SELECT c.case_id, r.latitude, r.longitude, r.address_string, r.address_id, r.media_url
                FROM intake_contact c JOIN open311_request r ON r.token = c.channel_message_id
                WHERE c.channel = :channel AND c.case_id IN (:ids)""",
                new MapSqlParameterSource("ids", ids).addValue("channel", Channel.OPEN311.name()),
                rs -> {
                    submitted.putIfAbsent(rs.getLong("case_id"), new Submitted(
                            degrees(rs.getBigDecimal("latitude")), degrees(rs.getBigDecimal("longitude")),
                            rs.getString("address_string"), rs.getString("address_id"), rs.getString("media_url")));
                });
        Map<Long, OrgUnit> units = organisation.all().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        Map<String, Category> categories = organisation.categories().stream()
                .collect(Collectors.toMap(Category::getCode, Function.identity()));
        return rows.stream().map(row -> request(row, updated.get(row.id()), replies.containsKey(row.id()),
                replies.get(row.id()), submitted.get(row.id()), units, categories, locale)).toList();
    }

    private Map<String, Object> request(CaseRow row, Instant updatedAt, boolean published, String reply,
                                        Submitted submitted, Map<Long, OrgUnit> units,
                                        Map<String, Category> categories, Locale locale) {
        String[] names = names(row.citizenName());
        String words = messages.getMessage("channel.open311.status." + row.status().name(), null, locale);
        String notes = published && reply != null && !reply.isBlank()
                ? messages.getMessage("channel.open311.statusNotes.withReply", new Object[] {words, reply}, locale)
                : words;
        OrgUnit department = row.departmentId() == null ? null : units.get(row.departmentId());
        String address = submitted != null && submitted.addressString() != null ? submitted.addressString()
                : submitted != null ? null : row.location();
        return fields(
                "service_request_id", row.caseNumber(),
                "status", row.status().isFinal() ? "closed" : "open",
                "status_notes", notes,
                "service_name", ServiceCatalogue.serviceName(categories, row.categoryCode(), locale),
                "service_code", row.categoryCode(),
                "description", deidentifier.mask(row.content(), names),
                "agency_responsible", department == null ? null
                        : ServiceCatalogue.name(department.getName(), department.getNameEn(), locale),
                "service_notice", null,
                "requested_datetime", w3c(row.receivedAt()),
                "updated_datetime", w3c(updatedAt == null ? row.receivedAt() : updatedAt),
                "expected_datetime", row.status().isFinal() ? null : w3c(row.handleBy()),
                "address", deidentifier.mask(address, names),
                "address_id", submitted == null ? null : submitted.addressId(),
                "lat", submitted == null ? null : submitted.lat(),
                "long", submitted == null ? null : submitted.lon(),
                "media_url", published && submitted != null ? submitted.mediaUrl() : null);
    }

    /** The citizen's name, and each part of a name written with spaces, to be masked wherever they appear. */
    private static String[] names(String name) {
        if (name == null || name.isBlank()) {
            return new String[0];
        }
        String[] parts = name.strip().split("\\s+");
        String[] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = name.strip();
        return all;
    }

    private String w3c(Instant at) {
        return at == null ? null
                : at.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** As a plain number: 39.9 rather than the column's 39.900000. */
    private static Double degrees(BigDecimal stored) {
        return stored == null ? null : stored.doubleValue();
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
