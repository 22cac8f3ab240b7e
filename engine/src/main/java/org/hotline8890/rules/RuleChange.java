package org.hotline8890.rules;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One administrator's change of a decision table: who, when, which versions, and the rows that differ. */
@Entity
@Table(name = "rule_change")
class RuleChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "decision_key", nullable = false)
    private String decisionKey;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "version_before", nullable = false)
    private int versionBefore;

    @Column(name = "version_after", nullable = false)
    private int versionAfter;

    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;

    @Column(name = "diff", nullable = false)
    private String diff;

    protected RuleChange() {
    }

    RuleChange(String decisionKey, String changedBy, Instant changedAt, int versionBefore, int versionAfter,
               String deploymentId, String diff) {
        this.decisionKey = decisionKey;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.versionBefore = versionBefore;
        this.versionAfter = versionAfter;
        this.deploymentId = deploymentId;
        this.diff = diff;
    }

    public Long getId() {
        return id;
    }

    public String getDecisionKey() {
        return decisionKey;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public int getVersionBefore() {
        return versionBefore;
    }

    public int getVersionAfter() {
        return versionAfter;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getDiff() {
        return diff;
    }

    public List<String> getDiffLines() {
        return diff.lines().toList();
    }
}
