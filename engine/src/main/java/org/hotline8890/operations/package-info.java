/**
 * What operators watch: the hotline's own figures as Micrometer meters for Prometheus (intake rate,
 * queue depth, open and overdue cases, job backlog, per-channel errors) and the case number in the
 * log context of every line about a case. docs/operations.md lists each meter and what it means.
 */
package org.hotline8890.operations;
