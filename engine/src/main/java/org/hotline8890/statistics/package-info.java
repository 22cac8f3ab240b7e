/**
 * Statistics: the compliance figures published per department, per district (rolled up the
 * organisation tree) and per period. Each figure's definition is in docs/metrics.md; {@link
 * org.hotline8890.statistics.ComplianceFigures#of} is that definition in code.
 */
package org.hotline8890.statistics;
