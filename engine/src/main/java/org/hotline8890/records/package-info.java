/**
 * Records the law can rely on: verifying the tamper-evident case event log (each case's hash chain,
 * written by {@code cases.EventChain}), and the retention rule that removes citizens' personal data
 * from cases finished long enough ago. See docs/records.md.
 */
package org.hotline8890.records;
