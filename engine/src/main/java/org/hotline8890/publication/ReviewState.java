package org.hotline8890.publication;

/** Where a de-identified result stands; only {@link #PUBLISHED} is ever shown to the public. */
public enum ReviewState {
    /** Prepared and de-identified, waiting for the center; the public cannot see it. */
    PENDING_REVIEW,
    PUBLISHED,
    /** The center decided it must not be published; it never will be. */
    WITHHELD
}
