package org.hotline8890.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A node of the organisation tree. {@code path} lists the codes from the root ("/CITY/DC/DC-CGJ/"),
 * so "is X in Y's subtree" is a prefix test that works in SQL and in Java.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private OrgUnitKind kind;
    @Column(name = "parent_id")
    private Long parentId;
    private String path;
    private boolean active = true;
    /** 分中心: the unit signs its cases and re-dispatches them inside its subtree (docs/organisation.md). */
    @Column(name = "sub_center")
    private boolean subCenter;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, String nameEn, OrgUnitKind kind, OrgUnit parent) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.kind = kind;
        this.parentId = parent == null ? null : parent.getId();
        if (code == null || code.isBlank() || code.contains("/")) {
            throw new IllegalArgumentException("an organisation code is required and cannot contain '/'");
        }
        this.path = (parent == null ? "/" : parent.getPath()) + code + "/";
    }

    public boolean contains(OrgUnit other) {
        return other != null && other.path != null && other.path.startsWith(path);
    }

    /** A new name; the code stays, because paths, cases and the dispatch catalogue refer to it. */
    void rename(String name, String nameEn) {
        if (name == null || name.isBlank()) {
            throw new OrganisationChangeRefused("name", "admin.refused.nameRequired", "a unit needs a name");
        }
        this.name = name.strip();
        this.nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
    }

    /** Package-private: only {@link Organisation} knows whether cases or sub-units still need the unit. */
    void deactivate() {
        if (!active) {
            throw new OrganisationChangeRefused("unit", "admin.refused.unitInactive", code + " is already inactive");
        }
        this.active = false;
    }

    /** Package-private: only {@link Organisation} knows whether the unit has units below it and cases in its loop. */
    void runSubCenter(boolean on) {
        if (on && (kind == OrgUnitKind.CITY || kind == OrgUnitKind.CENTER)) {
            throw new OrganisationChangeRefused("unit", "admin.refused.subCenterKind",
                    code + " is the city or its center: the center dispatches its cases itself");
        }
        this.subCenter = on;
    }

    public boolean runsSubCenter() {
        return subCenter && active;
    }

    public boolean isActive() {
        return active;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public OrgUnitKind getKind() {
        return kind;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getPath() {
        return path;
    }
}
