/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: services from the category tree, submissions
 * with an API key that enter through the intake queue like any channel, tokens, and a public,
 * de-identified directory of requests read from the case tables. See docs/channels/open311.md.
 */
package org.hotline8890.open311;
