/**
 * 并单: finding open cases that a new request repeats, so the agent or the center can merge it into
 * them instead of opening a second case about the same thing.
 */
package org.hotline8890.merging;
