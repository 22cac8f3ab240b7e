package org.hotline8890.organisation;

import java.util.List;

/**
 * One unit in the tree as administrators see it: the district it lies in (itself if it is one; none
 * above the districts) and its sub-units, ordered by code.
 */
public record UnitNode(OrgUnit unit, OrgUnit district, List<UnitNode> children) {
}
