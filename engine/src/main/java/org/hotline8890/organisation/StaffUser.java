package org.hotline8890.organisation;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class StaffUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "display_name")
    private String displayName;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "org_unit_id")
    private Long orgUnitId;
    private boolean enabled;

    protected StaffUser() {
    }

    public StaffUser(String username, String passwordHash, String displayName, Role role, OrgUnit unit) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.orgUnitId = unit.getId();
        this.enabled = true;
    }

    void changeRole(Role role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    void moveTo(OrgUnit unit) {
        this.orgUnitId = unit.getId();
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    /** Takes a hash, never the password: the encoder is the caller's. */
    void replacePassword(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public boolean isActiveAdmin() {
        return enabled && role == Role.ADMIN;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
