package org.hotline8890.open311;

import static org.hotline8890.open311.Open311Body.fields;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Category;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our categories as the standard's services. Every category without sub-categories is a service
 * (service_code = the category code); its parent is the service's group. Each service takes the
 * same optional attributes, the classification a caller would be asked for: case type, urgency,
 * district and whether the result may be published. Type "batch": a request first gets a token,
 * and its case number once the intake queue has been consumed.
 */
@Component
class ServiceCatalogue {

    static final String CASE_TYPE = "case_type";
    static final String URGENCY = "urgency";
    static final String DISTRICT = "district";
    static final String CONSENT_TO_PUBLISH = "consent_to_publish";

    private static final Set<OrgUnitKind> DISTRICT_KINDS = Set.of(OrgUnitKind.CITY, OrgUnitKind.DISTRICT);

    private final Organisation organisation;
    private final MessageSource messages;

    ServiceCatalogue(Organisation organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    /** The classification a request chose through its attributes; null where it chose nothing. */
    record Classification(String caseType, String urgency, String district, boolean consentToPublish) {
    }

    private record Value(String key, String name) {
    }

    private record Attribute(String code, String descriptionKey, List<Value> values) {
    }

    @Transactional(readOnly = true)
    boolean isService(String code) {
        return code != null && leaves().containsKey(code);
    }

    @Transactional(readOnly = true)
    Open311Body.Repeated services(Locale locale) {
        Map<String, Category> all = organisation.categories().stream()
                .collect(Collectors.toMap(Category::getCode, c -> c));
        return new Open311Body.Repeated("service", leaves().values().stream()
                .map(c -> service(c, c.getParentCode() == null ? c : all.get(c.getParentCode()), locale))
                .toList());
    }

    @Transactional(readOnly = true)
    Map<String, Object> definition(String serviceCode, Locale locale) {
        if (!isService(serviceCode)) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "channel.open311.error.serviceUnknown", serviceCode);
        }
        List<Attribute> attributes = attributes(locale);
        List<Map<String, Object>> described = new java.util.ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            described.add(fields(
                    "variable", true,
                    "code", a.code(),
                    "datatype", "singlevaluelist",
                    "required", false,
                    "datatype_description", null,
                    "order", i + 1,
                    "description", text(a.descriptionKey(), locale),
                    "values", new Open311Body.Repeated("value", a.values().stream()
                            .map(v -> fields("key", v.key(), "name", v.name())).toList())));
        }
        return fields("service_code", serviceCode, "attributes", new Open311Body.Repeated("attribute", described));
    }

    /** Checks {@code attribute[code]=key} pairs against the definition; unknown codes or keys are refused. */
    @Transactional(readOnly = true)
    Classification classify(Map<String, String> chosen, Locale locale) {
        Map<String, Attribute> byCode = new HashMap<>();
        attributes(locale).forEach(a -> byCode.put(a.code(), a));
        for (Map.Entry<String, String> pick : chosen.entrySet()) {
            Attribute attribute = byCode.get(pick.getKey());
            if (attribute == null) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.attributeUnknown", pick.getKey());
            }
            if (attribute.values().stream().noneMatch(v -> v.key().equals(pick.getValue()))) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "channel.open311.error.attributeValue",
                        pick.getKey(), pick.getValue());
            }
        }
        return new Classification(chosen.get(CASE_TYPE), chosen.get(URGENCY), chosen.get(DISTRICT),
                Boolean.parseBoolean(chosen.get(CONSENT_TO_PUBLISH)));
    }

    /** The service name of a category, also for the odd case filed under a parent category. */
    static String serviceName(Map<String, Category> categories, String code, Locale locale) {
        Category c = categories.get(code);
        return c == null ? code : name(c.getName(), c.getNameEn(), locale);
    }

    private Map<String, Object> service(Category c, Category group, Locale locale) {
        String name = name(c.getName(), c.getNameEn(), locale);
        String groupName = name(group.getName(), group.getNameEn(), locale);
        String keywords = Arrays.stream(new String[] {c.getName(), c.getNameEn(), group.getName(), group.getNameEn()})
                .filter(k -> k != null && !k.isBlank()).distinct().collect(Collectors.joining(", "));
        return fields(
                "service_code", c.getCode(),
                "service_name", name,
                "description", text("channel.open311.service.description", locale, name, groupName),
                "metadata", true,
                "type", "batch",
                "keywords", keywords,
                "group", groupName);
    }

    private Map<String, Category> leaves() {
        List<Category> all = organisation.categories();
        Set<String> parents = all.stream().map(Category::getParentCode).filter(p -> p != null)
                .collect(Collectors.toSet());
        Map<String, Category> leaves = new LinkedHashMap<>();
        all.stream().filter(c -> !parents.contains(c.getCode()))
                .sorted(Comparator.comparing(Category::getCode))
                .forEach(c -> leaves.put(c.getCode(), c));
        return leaves;
    }

    private List<Attribute> attributes(Locale locale) {
        List<Value> districts = organisation.all().stream()
                .filter(u -> DISTRICT_KINDS.contains(u.getKind()))
                .sorted(Comparator.comparing(OrgUnit::getPath))
                .map(u -> new Value(u.getCode(), name(u.getName(), u.getNameEn(), locale))).toList();
        return List.of(
                new Attribute(CASE_TYPE, "channel.open311.attribute.case_type", Arrays.stream(CaseType.values())
                        .map(t -> new Value(t.name(), text("channel.open311.type." + t.name(), locale))).toList()),
                new Attribute(URGENCY, "channel.open311.attribute.urgency", Arrays.stream(Urgency.values())
                        .map(u -> new Value(u.name(), text("channel.open311.urgency." + u.name(), locale))).toList()),
                new Attribute(DISTRICT, "channel.open311.attribute.district", districts),
                new Attribute(CONSENT_TO_PUBLISH, "channel.open311.attribute.consent_to_publish", List.of(
                        new Value("true", text("channel.open311.consent.true", locale)),
                        new Value("false", text("channel.open311.consent.false", locale)))));
    }

    static String name(String chinese, String english, Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && english != null && !english.isBlank()
                ? english : chinese;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
