/**
 * The Open311 channel: the GeoReport v2 standard served under {@code /open311/v2/}, in JSON and
 * XML. Anyone may read the service list and the de-identified requests (never a confidential case,
 * never a name, phone or email); submitting needs an API key. A submitted request is a contact on
 * the intake queue like any other channel's: its token is the contact's message id, and it resolves
 * to a case number once the engine has consumed it. Reading uses the engine's case data read-only.
 */
package org.hotline8890.open311;
