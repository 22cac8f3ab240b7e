package org.hotline8890.api;

import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.springframework.stereotype.Component;

/** Checks that codes in a request name things that exist, so the error names the field. */
@Component
class ReferenceChecks {

    private final Organisation organisation;

    ReferenceChecks(Organisation organisation) {
        this.organisation = organisation;
    }

    void check(CaseRequest request) {
        if (!organisation.categoryExists(request.category())) {
            throw new InvalidFieldException("category", "unknown category " + request.category());
        }
        boolean district = organisation.byCode(request.district())
                .filter(u -> u.getKind() == OrgUnitKind.DISTRICT || u.getKind() == OrgUnitKind.CITY).isPresent();
        if (!district) {
            throw new InvalidFieldException("district", "unknown district " + request.district());
        }
    }
}
