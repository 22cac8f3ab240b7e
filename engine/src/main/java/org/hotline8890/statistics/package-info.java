/**
 * Statistics: the compliance figures published per department, per district (rolled up the
 * organisation tree) and per period. Each figure's definition is in docs/metrics.md; {@link
 * org.hotline8890.statistics.ComplianceFigures#of} is that definition in code. {@link
 * org.hotline8890.statistics.RankingPolicy} turns a month's department figures into the public monthly
 * ranking, with its weights in {@link org.hotline8890.statistics.RankingSettings}.
 */
package org.hotline8890.statistics;
