package org.hotline8890.records;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table (or file store) outside the case row that holds citizens' personal data, reached by the
 * retention rule. Each capability that keeps such data owns its store and implements this, so the
 * retention never writes another package's SQL, and a new store cannot be forgotten silently: it
 * is found by type.
 */
public interface PersonalDataStore {

    /** How many records of one kind a store removed or de-identified. */
    record Erased(String what, int count) {
    }

    /**
     * Removes or de-identifies what the store keeps about a finished case whose personal data is
     * being removed, in the case's transaction.
     */
    default List<Erased> eraseCase(Long caseId, UnaryOperator<String> deidentify) {
        return List.of();
    }

    /** Removes personal data the store keeps apart from any case, recorded before {@code cutoff}. */
    default List<Erased> eraseOlderThan(Instant cutoff) {
        return List.of();
    }
}
