package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.junit.jupiter.api.Test;

/** The dispatch level rule on a small tree shaped like the demo city, without Spring. */
class DispatchLevelPolicyTest {

    private final Map<String, OrgUnit> units = new HashMap<>();
    private final OrgUnit city = unit("CITY", OrgUnitKind.CITY, null);
    private final OrgUnit environment = unit("HBJ", OrgUnitKind.DEPARTMENT, city);
    private final OrgUnit district = unit("DC", OrgUnitKind.DISTRICT, city);
    private final OrgUnit bureau = unit("DC-CGJ", OrgUnitKind.DEPARTMENT, district);
    private final OrgUnit street = unit("DC-DH", OrgUnitKind.STREET, district);
    private final OrgUnit community = unit("DC-DH-01", OrgUnitKind.COMMUNITY, street);

    private final DispatchLevelPolicy policy = new DispatchLevelPolicy(new DispatchLevelSettings(Map.of(
            "ENV", DispatchLevel.CITY,
            "URBAN", DispatchLevel.STREET,
            "URBAN.ROAD", DispatchLevel.DISTRICT), DispatchLevel.COMMUNITY),
            code -> Optional.ofNullable(units.get(code)));

    private OrgUnit unit(String code, OrgUnitKind kind, OrgUnit parent) {
        OrgUnit u = new OrgUnit(code, code, code, kind, parent);
        units.put(code, u);
        return u;
    }

    @Test
    void aDepartmentWorksAtTheTierOfTheUnitAboveIt() {
        assertThat(policy.levelOf(environment)).isEqualTo(DispatchLevel.CITY);
        assertThat(policy.levelOf(bureau)).isEqualTo(DispatchLevel.DISTRICT);
        assertThat(policy.levelOf(district)).isEqualTo(DispatchLevel.DISTRICT);
        assertThat(policy.levelOf(street)).isEqualTo(DispatchLevel.STREET);
        assertThat(policy.levelOf(community)).isEqualTo(DispatchLevel.COMMUNITY);
    }

    @Test
    void aCategoryPrefixCoversItsSubcategoriesAndTheLongestPrefixWins() {
        assertThat(policy.lowestFor("ENV.NOISE")).isEqualTo(DispatchLevel.CITY);
        assertThat(policy.lowestFor("ENV")).isEqualTo(DispatchLevel.CITY);
        assertThat(policy.lowestFor("URBAN.STALL")).isEqualTo(DispatchLevel.STREET);
        assertThat(policy.lowestFor("URBAN.ROAD")).isEqualTo(DispatchLevel.DISTRICT);
        // "ENVELOPE" is not under "ENV": prefixes match whole code segments only.
        assertThat(policy.lowestFor("ENVELOPE")).isEqualTo(DispatchLevel.COMMUNITY);
        assertThat(policy.lowestFor("OTHER")).isEqualTo(DispatchLevel.COMMUNITY);
    }

    @Test
    void anEnvironmentCaseStaysWithTheCityDepartment() {
        assertThat(policy.refusal("ENV.NOISE", environment)).isEmpty();
        assertThat(policy.refusal("ENV.NOISE", bureau)).isPresent();
        assertThat(policy.refusal("ENV.NOISE", street)).get().asString()
                .contains("ENV.NOISE").contains("CITY").contains("DC-DH").contains("STREET");
        assertThatThrownBy(() -> policy.check("ENV.NOISE", street))
                .isInstanceOfSatisfying(DispatchLevelRefused.class, e -> {
                    assertThat(e.getCode()).isEqualTo("department.levelRefused");
                    assertThat(e.field()).isEqualTo("departmentCode");
                });
    }

    @Test
    void anUrbanCaseMayGoToTheStreetButNotToTheCommunity() {
        assertThat(policy.refusal("URBAN.STALL", street)).isEmpty();
        assertThat(policy.refusal("URBAN.STALL", bureau)).isEmpty();
        assertThat(policy.refusal("URBAN.STALL", environment)).isEmpty();
        assertThat(policy.refusal("URBAN.STALL", community)).isPresent();
        assertThat(policy.refusal("URBAN.ROAD", street)).isPresent();
    }

    @Test
    void anUncoveredCategoryMayGoAnywhere() {
        assertThat(policy.refusal("OTHER", community)).isEmpty();
    }
}
