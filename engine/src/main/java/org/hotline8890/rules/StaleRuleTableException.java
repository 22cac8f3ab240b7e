package org.hotline8890.rules;

/** The table was edited from a version that is no longer the latest: saving would silently undo someone's change. */
class StaleRuleTableException extends RuntimeException {

    StaleRuleTableException(String key, int edited, int latest) {
        super(key + " was edited from version " + edited + " but version " + latest + " is deployed now");
    }
}
