package org.hotline8890.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.AssistState;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.springframework.stereotype.Component;

/**
 * 属地管理: a department sees and acts only on cases dispatched into its own subtree; the center sees all.
 * An assisting unit (协办) also reads a case it was asked to assist on, and acts only on its own part
 * (docs/assisting.md).
 */
@Component
public class CaseAccessPolicy {

    /** A unit that declined its part, or whose request the center withdrew, no longer reads the case. */
    private static final Set<AssistState> READING = EnumSet.of(AssistState.REQUESTED, AssistState.SIGNED,
            AssistState.CONTRIBUTED, AssistState.LAPSED);

    private final Organisation organisation;
    private final AssistRepository assists;

    CaseAccessPolicy(Organisation organisation, AssistRepository assists) {
        this.organisation = organisation;
        this.assists = assists;
    }

    /** The center, or the case's lead department (its subtree): who may act on the case as its lead. */
    public boolean canSee(Staff staff, HotlineCase c) {
        if (!staff.isDepartment()) {
            return true;
        }
        return organisation.byId(c.getDepartmentId())
                .map(OrgUnit::getPath)
                .map(path -> path.startsWith(staff.orgPath()))
                .orElse(false);
    }

    /** Who may read the case: as {@link #canSee}, and a unit of the staff member's subtree assisting on it. */
    public boolean canRead(Staff staff, HotlineCase c) {
        return canSee(staff, c) || isAssisting(staff, c);
    }

    /** Whether a unit of the staff member's subtree assists (or assisted) on the case. */
    public boolean isAssisting(Staff staff, HotlineCase c) {
        if (!staff.isDepartment() || c.getId() == null) {
            return false;
        }
        List<Long> subtree = organisation.byId(staff.orgUnitId()).map(organisation::subtree).orElse(List.of())
                .stream().map(OrgUnit::getId).toList();
        return !subtree.isEmpty() && assists.existsByCaseIdAndUnitIdInAndStateIn(c.getId(), subtree, READING);
    }
}
