package org.hotline8890.rules;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RuleChangeRepository extends JpaRepository<RuleChange, Long> {

    List<RuleChange> findByDecisionKeyOrderByChangedAtDescIdDesc(String decisionKey);
}
