/**
 * Organisation: the tree city → district → department / street office → community, the staff who
 * belong to its nodes with a role, and the subject category tree. A department sees its own subtree.
 * Each root is a region ({@link org.hotline8890.organisation.Regions}) with its own center.
 */
package org.hotline8890.organisation;
