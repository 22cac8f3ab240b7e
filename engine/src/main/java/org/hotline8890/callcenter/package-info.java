/**
 * The call center around the phone channel: screen pops pushed to an agent's console when their
 * phone rings ({@link org.hotline8890.callcenter.ScreenPops}), one row per queued call from
 * Asterisk's queue events ({@link org.hotline8890.callcenter.CallCenterCalls}), and the published
 * 接通率 and 15-second answer rate ({@link org.hotline8890.callcenter.CallCenterFigures}; definitions
 * in docs/metrics.md).
 */
package org.hotline8890.callcenter;
