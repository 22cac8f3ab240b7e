package org.hotline8890.duty;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One shift on the roster: who, reachable how, for which unit, from when until when. */
@Entity
@Table(name = "duty_roster_entry")
public class DutyEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "org_unit_id")
    private Long orgUnitId;
    @Column(name = "staff_name")
    private String staffName;
    private String phone;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "duty_role")
    private DutyRole role;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DutyEntry() {
    }

    DutyEntry(Long orgUnitId, String staffName, String phone, Instant startsAt, Instant endsAt, DutyRole role,
              String createdBy, Instant createdAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a shift must end after it starts");
        }
        this.orgUnitId = Objects.requireNonNull(orgUnitId);
        this.staffName = Objects.requireNonNull(staffName);
        this.phone = Objects.requireNonNull(phone);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.role = Objects.requireNonNull(role);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getOrgUnitId() { return orgUnitId; }
    public String getStaffName() { return staffName; }
    public String getPhone() { return phone; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public DutyRole getRole() { return role; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
