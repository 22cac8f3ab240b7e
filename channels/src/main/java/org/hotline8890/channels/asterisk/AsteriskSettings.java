package org.hotline8890.channels.asterisk;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The phone channel's settings; both halves are off until switched on.
 *
 * @param agi    the FastAGI server that runs the IVR
 * @param ami    the Asterisk Manager Interface connection (screen pops, queue figures)
 * @param ivr    how the IVR behaves
 * @param agents which staff user sits at which agent phone: the queue member's interface (or
 *               member name) as Asterisk reports it, e.g. {@code SIP/1001}, to a staff username.
 *               In YAML or properties, keys with a slash need brackets: {@code agents."[SIP/1001]"}
 */
@ConfigurationProperties("hotline.channels.asterisk")
record AsteriskSettings(@DefaultValue Agi agi, @DefaultValue Ami ami, @DefaultValue Ivr ivr,
                        Map<String, String> agents) {

    AsteriskSettings {
        agents = agents == null ? Map.of() : Map.copyOf(agents);
    }

    /**
     * @param enabled     run the FastAGI server
     * @param bindAddress the address to listen on
     * @param port        the FastAGI port (Asterisk's {@code agi://host:port/...})
     * @param poolSize    calls served at once; Asterisk gets a refusal beyond it and the dialplan
     *                    sends the caller to the agent queue
     * @param scriptName  the path in the dialplan's AGI URL, {@code agi://engine:4573/hotline-ivr}
     */
    record Agi(@DefaultValue("false") boolean enabled,
               @DefaultValue("0.0.0.0") String bindAddress,
               @DefaultValue("4573") int port,
               @DefaultValue("50") int poolSize,
               @DefaultValue("hotline-ivr") String scriptName) {
    }

    /**
     * @param enabled           connect to the Asterisk Manager Interface
     * @param host              Asterisk's host
     * @param port              the AMI port
     * @param username          the AMI user of {@code manager.conf}
     * @param secret            that user's secret; from the environment only
     * @param retryInterval     how long to wait before trying again when Asterisk cannot be reached at
     *                          start-up; once logged in, Asterisk-Java reconnects by itself
     */
    record Ami(@DefaultValue("false") boolean enabled,
               @DefaultValue("127.0.0.1") String host,
               @DefaultValue("5038") int port,
               @DefaultValue("hotline") String username,
               @DefaultValue("") String secret,
               @DefaultValue("PT10S") Duration retryInterval) {
    }

    /**
     * @param zone              the hotline's time zone, for staffed hours and deadlines read out
     * @param staffedFrom       start of the hours agents answer; with {@code staffedUntil} unset,
     *                          agents answer 24x7 (the default)
     * @param staffedUntil      end of those hours; before {@code staffedFrom} means past midnight
     * @param caseNumberPrefix  the hotline's case-number prefix, to rebuild a number from its digits
     * @param attempts          how often the caller may try a menu before going on to an agent
     * @param digitTimeout      how long to wait for a key after a prompt
     * @param maxRecording      the longest message a caller may leave
     * @param maxSilence        silence that ends a recording
     * @param minRecording      a recording shorter than this holds nothing and is not a request
     * @param receiptWait       how long the caller waits to hear the case number before being told
     *                          it follows by SMS
     * @param recordingDirectory where Asterisk writes recordings, relative to its spool or absolute
     * @param recordingFormat   Asterisk's file format for recordings
     * @param sampleRate        samples per second of that format ({@code endpos} counts samples)
     * @param deadlineFormat    how {@code SAY DATETIME} reads a deadline
     * @param routeVariable     the channel variable that tells the dialplan where the call goes next
     */
    record Ivr(@DefaultValue("Asia/Shanghai") ZoneId zone,
               LocalTime staffedFrom,
               LocalTime staffedUntil,
               @DefaultValue("8890") String caseNumberPrefix,
               @DefaultValue("3") int attempts,
               @DefaultValue("PT5S") Duration digitTimeout,
               @DefaultValue("PT3M") Duration maxRecording,
               @DefaultValue("PT5S") Duration maxSilence,
               @DefaultValue("PT1S") Duration minRecording,
               @DefaultValue("PT4S") Duration receiptWait,
               @DefaultValue("hotline/recordings") String recordingDirectory,
               @DefaultValue("wav") String recordingFormat,
               @DefaultValue("8000") int sampleRate,
               @DefaultValue("YBd") String deadlineFormat,
               @DefaultValue("HOTLINE_ROUTE") String routeVariable) {

        boolean staffedAt(LocalTime time) {
            if (staffedFrom == null || staffedUntil == null || staffedFrom.equals(staffedUntil)) {
                return true;
            }
            return staffedFrom.isBefore(staffedUntil)
                    ? !time.isBefore(staffedFrom) && time.isBefore(staffedUntil)
                    : !time.isBefore(staffedFrom) || time.isBefore(staffedUntil);
        }
    }
}
