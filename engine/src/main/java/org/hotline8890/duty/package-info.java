/**
 * Emergencies around the clock (紧急件) and the duty roster (值班表). An urgent or very urgent case
 * dispatched at night or on a non-working day ({@link org.hotline8890.duty.EmergencyPolicy}) must reach
 * a person at once: the department's officer on duty (or its nearest ancestor unit's), else the
 * center's duty supervisor, is alerted by SMS through the notification outbox, the alert is recorded on
 * the case, and the department's sign-for deadline is shortened. Departments keep their own roster, by
 * hand or by CSV import (docs/emergencies.md).
 */
package org.hotline8890.duty;
