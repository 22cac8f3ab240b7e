package org.hotline8890.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the timers' due date in Camunda's job table, which Camunda's own schema lacks. Every job
 * acquisition asks for the jobs due now among all of them; without the index that query reads the
 * whole table (and a second time for its exclusive-job test), and with 200,000 cases waiting on timers
 * it becomes the engine's heaviest statement, run several times a second while timers fall due
 * (docs/benchmarks.md, "Deadlines"). With it, the query reads only the due rows.
 *
 * <p>Created after Camunda has built its schema, not by a Flyway migration: on a new database our
 * migrations run before Camunda creates its tables. Nodes starting together may both try; the loser's
 * "already exists" is expected and only logged.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String TABLE = "ACT_RU_JOB";
    static final String INDEX = "HOTLINE_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = engine.getProcessEngineConfiguration() instanceof
                org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl c ? c.getDataSource() : null;
        if (dataSource == null) {
            log.warn("no data source to index {}.DUEDATE_ with", TABLE);
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            if (exists(db)) {
                return;
            }
            try (Statement s = db.createStatement()) {
                s.execute("CREATE INDEX " + INDEX + " ON " + TABLE + " (DUEDATE_)");
            }
            log.info("created index {} on {}(DUEDATE_) for job acquisition", INDEX, TABLE);
        } catch (SQLException e) {
            // Another node made it meanwhile, or the database refuses DDL: the engine works without it, slower.
            log.warn("could not create index {} on {}(DUEDATE_): {}", INDEX, TABLE, e.getMessage());
        }
    }

    static boolean exists(Connection db) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        for (String table : new String[] {TABLE, TABLE.toLowerCase()}) {
            try (ResultSet indexes = meta.getIndexInfo(db.getCatalog(), db.getSchema(), table, false, true)) {
                while (indexes.next()) {
                    if (INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
