package org.hotline8890.organisation;

public enum OrgUnitKind {
    CITY, CENTER, DISTRICT, DEPARTMENT, STREET, COMMUNITY
}
