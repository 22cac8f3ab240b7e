/**
 * Working-day calendar for legal time limits: which days count as working days under the State
 * Council's holiday notices (法定节假日 and 调休), read from the holiday-cn files, and the deadlines
 * counted on them in working days, office-hour minutes or wall-clock time. A year with no published
 * notice is never silently assumed: it falls back to Monday–Friday and every deadline that touched it
 * says so, so that admins can be warned.
 */
package org.hotline8890.calendar;
