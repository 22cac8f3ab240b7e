/**
 * 协办: the units a case asks for help besides its lead department (主办). Each assisting unit's part is
 * its own aggregate ({@link org.hotline8890.assisting.CaseAssist}): requested by the center, signed or
 * declined by the unit, contributed within the assisting limit, or withdrawn by the center; every step
 * is also a line on the case's timeline. The lead replies for all (docs/assisting.md).
 */
package org.hotline8890.assisting;
