package org.hotline8890.intake;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a contact failed because of the contact or because of the place it was going to. A
 * database that is down, restarting or out of connections fails every contact alike, and will stop
 * doing so by itself: such a contact waits on the queue for as long as the outage lasts. Anything
 * else may be the contact's own fault and gets one more try before it goes to the dead letters.
 * Camunda and Hibernate wrap the driver's exception, so the whole cause chain is read. Every SQL state
 * of class 08 (connection exception) counts as an outage. So does Hibernate's failure to begin, commit
 * or roll back on its connection: when the database went away in the middle of a contact's
 * transaction, the pool has already closed the connection, the rollback fails with a bare "Connection
 * is closed" (no SQL state), and that rollback failure is all the consumer sees (seen in the fault
 * suite, docs/faults.md).
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException             // pool timeout, lock wait, deadlock
                    || t instanceof SQLRecoverableException      // connection lost (Connector/J's CommunicationsException)
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.TransactionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
