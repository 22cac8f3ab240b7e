/**
 * Workflow: the case lifecycle on Camunda (model in the bpmn module). Routing and time limits are DMN
 * tables read through named policies; delegates are thin adapters onto {@link
 * org.hotline8890.workflow.CaseLifecycle}; staff actions go through {@link
 * org.hotline8890.workflow.CaseActions}, which changes the case and then moves its process on; a transfer
 * between regions ({@link org.hotline8890.workflow.CaseTransfers}) ends the process and starts the
 * receiving region's.
 * Process variables hold the case id and small routing values only.
 */
package org.hotline8890.workflow;
