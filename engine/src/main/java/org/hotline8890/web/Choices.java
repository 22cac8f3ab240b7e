package org.hotline8890.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hotline8890.organisation.Category;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Regions;
import org.springframework.stereotype.Component;

/** The category tree and the districts as the pages' drop-down lists offer them, in the reader's language. */
@Component
class Choices {

    /** {@code nested}: a sub-category, shown indented under its parent in a list. */
    record Choice(String code, String name, boolean nested) {

        public String label() {
            return nested ? "\u00a0\u00a0" + name : name;
        }
    }

    private final Organisation organisation;

    Choices(Organisation organisation) {
        this.organisation = organisation;
    }

    /** Only active categories; sub-categories are indented under their parent (codes sort the tree), so the tree reads in a plain list. */
    List<Choice> categories(Locale locale) {
        boolean english = english(locale);
        return organisation.activeCategories().stream().sorted(Comparator.comparing(Category::getCode))
                .map(c -> new Choice(c.getCode(), english && c.getNameEn() != null ? c.getNameEn() : c.getName(),
                        c.getParentCode() != null))
                .toList();
    }

    /** Where a request can be about: a district, or the city as a whole. */
    List<Choice> districts(Locale locale) {
        boolean english = english(locale);
        return organisation.all().stream()
                .filter(u -> u.isActive() && (u.getKind() == OrgUnitKind.DISTRICT || u.getKind() == OrgUnitKind.CITY))
                .map(u -> new Choice(u.getCode(), name(u, english), false)).toList();
    }

    /**
     * Where a case can be dispatched: the departments, the districts' own hotline offices and the street
     * offices (the dispatch level rule decides per category whether a street may take it).
     */
    List<Choice> departments(Locale locale) {
        return dispatchable(organisation.all().stream(), locale);
    }

    /** As {@link #departments}, within one region: where that region's center may dispatch. */
    List<Choice> departmentsIn(String region, Locale locale) {
        return dispatchable(organisation.all().stream().filter(u -> Regions.contains(region, u)), locale);
    }

    private static List<Choice> dispatchable(Stream<OrgUnit> units, Locale locale) {
        boolean english = english(locale);
        return units.filter(u -> u.getKind() == OrgUnitKind.DEPARTMENT || u.getKind() == OrgUnitKind.DISTRICT
                        || u.getKind() == OrgUnitKind.STREET)
                .map(u -> new Choice(u.getCode(), name(u, english), false)).toList();
    }

    private static String name(OrgUnit u, boolean english) {
        return english && u.getNameEn() != null ? u.getNameEn() : u.getName();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
