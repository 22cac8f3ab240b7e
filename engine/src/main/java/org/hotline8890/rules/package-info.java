/**
 * The administrators' editable decision tables: the dispatch catalogue ({@code dispatch_catalogue}),
 * the time limits ({@code time_limits}) and the escalation ladder ({@code escalation_ladder}). An administrator edits the rows of the deployed DMN table in
 * the browser or through the JSON API; the table is checked cell by cell, written back as DMN with the
 * original key, hit policy and input expressions, deployed through Camunda as a new version, and the
 * change is recorded with a diff. Routing, deadlines and the ladder ({@code workflow}) evaluate the latest
 * version by key, so new cases follow at once while running cases keep the deadlines already computed
 * (a case being handled reads the ladder again at each step).
 */
package org.hotline8890.rules;
