package org.hotline8890.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which intake failures wait for the database to come back, and which may be the contact's own. */
class TransientFailuresTest {

    @Test
    void aConnectionPoolThatCannotReachTheDatabaseIsAnOutage() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms");
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("Could not open JPA EntityManager", poolTimeout)))
                .isTrue();
    }

    @Test
    void aConnectionLostInsideCamundaIsAnOutageWhateverWrapsIt() {
        var linkFailure = new SQLRecoverableException("Communications link failure");
        var camunda = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new org.apache.ibatis.exceptions.PersistenceException(linkFailure));
        assertThat(TransientFailures.isTransient(new IllegalStateException("intake failed", camunda))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedIsAnOutage() {
        // As it reached the consumer when the database stopped in the middle of a contact: Hikari's
        // closed connection answers the rollback with a bare SQLException, no SQL state.
        var rollback = new org.springframework.orm.jpa.JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed")));
        assertThat(TransientFailures.isTransient(rollback)).isTrue();
    }

    @Test
    void aConnectionExceptionIsAnOutageByItsSqlState() {
        var closed = new java.sql.SQLNonTransientConnectionException("No operations allowed after connection closed.", "08003");
        assertThat(TransientFailures.isTransient(new IllegalStateException("intake failed", closed))).isTrue();
    }

    @Test
    void aBrokenContactOrAConstraintIsNotAnOutage() {
        assertThat(TransientFailures.isTransient(new InvalidContactException("not a readable contact"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate",
                new SQLIntegrityConstraintViolationException("Duplicate entry")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("category missing"))).isFalse();
    }
}
