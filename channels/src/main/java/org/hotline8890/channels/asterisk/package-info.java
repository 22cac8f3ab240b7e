/**
 * The phone channel through Asterisk. A FastAGI server runs the hotline IVR ({@link
 * org.hotline8890.channels.asterisk.HotlineIvr}): a recorded request becomes a contact on the intake
 * queue, a caller hears the status of their own case, or goes on to an agent. An AMI connection
 * turns Asterisk's queue events into {@link org.hotline8890.channels.asterisk.QueueCallEvent}s for the
 * engine: screen pops on the agent's console and the call-center figures. Nothing here touches case
 * tables.
 */
package org.hotline8890.channels.asterisk;
