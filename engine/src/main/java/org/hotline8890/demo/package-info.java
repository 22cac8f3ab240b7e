/**
 * Demo data for the embedded default: a city with three districts, their departments, streets and
 * communities, the category tree the bundled dispatch catalogue routes on, and one login per role.
 * Loaded once, into an empty database, when {@code hotline.demo-data} is true.
 */
package org.hotline8890.demo;
