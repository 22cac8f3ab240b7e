package org.hotline8890.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the database says became of the contacts a test sent, counted by channel message id (each
 * test's ids share a prefix, and a case's subject carries its id): cases, intake records, running
 * processes and dead letters.
 */
final class CaseLedger {

    private final PrivateMariaDb db;
    private final String database;

    CaseLedger(PrivateMariaDb db, String database) {
        this.db = db;
        this.database = database;
    }

    record Count(long rows, long distinct) {
    }

    /** Cases whose subject names one of the ids: rows, and distinct ids among them. */
    Count cases(String idPrefix) throws SQLException {
        return pair("SELECT COUNT(*), COUNT(DISTINCT subject) FROM hotline_case WHERE subject LIKE ?",
                ChannelAdapter.subject(idPrefix) + "%");
    }

    /** Intake records (channel, channel message id) of the ids, and the distinct cases they point to. */
    Count contacts(String idPrefix) throws SQLException {
        return pair("SELECT COUNT(*), COUNT(DISTINCT case_id) FROM intake_contact WHERE channel_message_id LIKE ?",
                idPrefix + "%");
    }

    /** Process instances of the cases (Camunda's business key is the case number), and distinct cases among them. */
    Count processes(String idPrefix) throws SQLException {
        return pair("""
                SELECT COUNT(*), COUNT(DISTINCT c.id) FROM hotline_case c
                JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number
                WHERE c.subject LIKE ?""", ChannelAdapter.subject(idPrefix) + "%");
    }

    long deadLetters() throws SQLException {
        return single("SELECT COUNT(*) FROM intake_dead_letter");
    }

    /** Cases with contacts so far (a quick progress figure while a burst drains). */
    long contactsSoFar(String idPrefix) throws SQLException {
        return single("SELECT COUNT(*) FROM intake_contact WHERE channel_message_id LIKE ?", idPrefix + "%");
    }

    long single(String sql, Object... args) throws SQLException {
        try (Connection c = db.connect(database); PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    int update(String sql, Object... args) throws SQLException {
        try (Connection c = db.connect(database); PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    private Count pair(String sql, Object... args) throws SQLException {
        try (Connection c = db.connect(database); PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            r.next();
            return new Count(r.getLong(1), r.getLong(2));
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
