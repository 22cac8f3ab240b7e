package org.hotline8890.organisation;

import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subject category; codes are dotted paths ("URBAN.ROAD") whose first part is the parent. */
@Entity
@Table(name = "category")
public class Category {

    /** Upper-case parts joined by dots, e.g. ENV or ENV.NOISE; the parent's code is the part before the last dot. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,30}(\\.[A-Z][A-Z0-9_]{0,30})?");

    @Id
    private String code;
    private String name;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "parent_code")
    private String parentCode;
    private boolean active = true;

    protected Category() {
    }

    public Category(String code, String name, String nameEn, String parentCode) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.parentCode = parentCode;
    }

    /** New names; the code stays, because cases, statistics and the dispatch catalogue refer to it. */
    void rename(String name, String nameEn) {
        if (name == null || name.isBlank()) {
            throw new OrganisationChangeRefused("name", "admin.refused.nameRequired", "a category needs a name");
        }
        this.name = name.strip();
        this.nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
    }

    /** No new case can choose it any more; the cases that have it keep it. */
    void deactivate() {
        if (!active) {
            throw new OrganisationChangeRefused("category", "admin.refused.categoryInactive", code + " is already inactive");
        }
        this.active = false;
    }

    public boolean isActive() {
        return active;
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

    public String getParentCode() {
        return parentCode;
    }
}
