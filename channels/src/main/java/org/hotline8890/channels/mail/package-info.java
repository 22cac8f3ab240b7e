/**
 * The mayor's mailbox (市长信箱) over IMAP and SMTP. {@code MailboxPoller} turns each new mail in the
 * hotline's IMAP folder into one contact on the intake queue (attachments kept in the
 * {@code AttachmentStore}, case numbers and In-Reply-To carried as references) and marks the mail
 * handled only after the queue has it; {@code MailOutboundChannel} sends the citizen's notifications
 * as threaded replies over SMTP; both are off unless {@code hotline.channels.mail.enabled} is true.
 * {@code MailboxFormApi} is the mailbox's web face ({@code POST /api/citizen/mailbox}), always on.
 */
package org.hotline8890.channels.mail;
