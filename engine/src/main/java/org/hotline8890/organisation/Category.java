package org.hotline8890.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subject category; codes are dotted paths ("URBAN.ROAD") whose first part is the parent. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private String code;
    private String name;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "parent_code")
    private String parentCode;

    protected Category() {
    }

    public Category(String code, String name, String nameEn, String parentCode) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.parentCode = parentCode;
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
