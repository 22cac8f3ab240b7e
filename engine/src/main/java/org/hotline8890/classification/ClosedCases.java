package org.hotline8890.classification;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The closed cases to learn from, newest first, labelled as they were finally filed: the type and
 * category the case closed with and the code of the department that handled it (none for a direct
 * answer). Rejected and merged cases are left out: nobody checked how they were filed.
 */
@Component
class ClosedCases {

    private final JdbcTemplate jdbc;

    ClosedCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Example> newest(int max) {
        return jdbc.query("""
                        SELECT c.case_type, c.category_code, u.code AS department, c.subject, c.content
                        FROM hotline_case c LEFT JOIN org_unit u ON u.id = c.department_id
                        WHERE c.status = 'CLOSED'
                        ORDER BY c.closed_at DESC, c.id DESC
                        LIMIT ?""",
                (rs, row) -> Example.of(rs.getString("subject"), rs.getString("content"), rs.getString("case_type"),
                        rs.getString("category_code"), rs.getString("department")),
                max);
    }
}
