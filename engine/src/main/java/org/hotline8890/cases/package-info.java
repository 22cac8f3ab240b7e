/**
 * Cases (工单): the case aggregate with its number, query code, deadlines and their outcomes, and
 * the append-only event log that is each case's timeline. The aggregate changes state only through
 * intention-revealing methods that guard the current state; each change registers an event.
 */
package org.hotline8890.cases;
