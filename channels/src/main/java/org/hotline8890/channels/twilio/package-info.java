/**
 * Phone and SMS through Twilio. Voice webhooks answer with TwiML for the hotline menu (leave a
 * request, hear a case's status, reach an agent); the SMS webhook turns a text into a contact or, for
 * "CX &lt;case number&gt;", answers the case's status; every webhook must carry a valid
 * {@code X-Twilio-Signature}. Outbound, the citizen's notifications go out as SMS through Twilio's
 * REST API. Nothing here touches case tables: contacts go to the intake queue.
 */
package org.hotline8890.channels.twilio;
