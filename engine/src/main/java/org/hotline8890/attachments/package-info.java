/**
 * Files uploaded to a case through the pages (a department's reply evidence, a citizen's photos): the
 * bytes on disk under a generated name, the metadata in {@code case_upload}. Kept apart from the pages so
 * the department workbench, the center and the citizen form share one store and one set of limits, and a
 * name chosen by an uploader never becomes a path on this machine.
 */
package org.hotline8890.attachments;
