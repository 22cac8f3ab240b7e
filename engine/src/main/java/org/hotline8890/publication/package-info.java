/**
 * Publication (办理结果公开): closed cases that are neither confidential nor declined by the citizen
 * are copied, de-identified, into the public record. Personal data never enters that table.
 */
package org.hotline8890.publication;
