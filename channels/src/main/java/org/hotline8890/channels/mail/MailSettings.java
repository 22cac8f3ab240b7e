package org.hotline8890.channels.mail;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the mayor's mailbox. Credentials come from the environment (see application.yml).
 *
 * @param enabled             poll the mailbox and deliver mail notifications
 * @param imap                where citizens' mails arrive
 * @param smtp                how the hotline's replies leave
 * @param fromAddress         the hotline's own address: From of every reply
 * @param fromName            the display name beside it
 * @param pollInterval        how often the mailbox is looked at
 * @param maxAttachmentSize   larger attachments are not stored; the case text lists them instead
 * @param attachmentDirectory where attachment bytes are kept, one file per content hash
 * @param caseNumberPrefix    first part of the case numbers a mail may quote (8890-YYYYMMDD-NNNNNN)
 */
@ConfigurationProperties("hotline.channels.mail")
record MailSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue Imap imap,
        @DefaultValue Smtp smtp,
        @DefaultValue("mayor-mailbox@hotline.example") String fromAddress,
        @DefaultValue("8890 市长信箱") String fromName,
        @DefaultValue("PT1M") Duration pollInterval,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("./data/attachments") Path attachmentDirectory,
        @DefaultValue("8890") String caseNumberPrefix) {

    /**
     * @param folder          the folder citizens' mails arrive in
     * @param processedFolder if set, handled mails are moved there; otherwise they stay, flagged \Seen
     * @param timeout         connect and read timeout
     */
    record Imap(@DefaultValue("localhost") String host,
                @DefaultValue("993") int port,
                String user,
                String password,
                @DefaultValue("true") boolean ssl,
                @DefaultValue("INBOX") String folder,
                String processedFolder,
                @DefaultValue("PT30S") Duration timeout) {

        boolean movesHandledMail() {
            return processedFolder != null && !processedFolder.isBlank();
        }
    }

    /**
     * @param startTls upgrade the connection with STARTTLS, and refuse to send without it
     * @param timeout  connect and read timeout
     */
    record Smtp(@DefaultValue("localhost") String host,
                @DefaultValue("587") int port,
                String user,
                String password,
                @DefaultValue("true") boolean startTls,
                @DefaultValue("PT30S") Duration timeout) {
    }
}
