package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asterisk's side of one FastAGI call, as Asterisk speaks it: the {@code agi_*} environment and a
 * blank line, then one {@code 200 result=...} line per command; a hang-up is a {@code HANGUP} line
 * and {@code 511} for every command after it.
 */
final class AgiCall implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;
    private boolean hungUp;

    private AgiCall(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    static AgiCall dial(int port, String callerId, String uniqueId) throws IOException {
        AgiCall call = new AgiCall(new Socket("127.0.0.1", port));
        call.send("""
                agi_network: yes
                agi_network_script: hotline-ivr
                agi_request: agi://127.0.0.1:%d/hotline-ivr
                agi_channel: SIP/trunk-%s
                agi_language: zh
                agi_type: SIP
                agi_uniqueid: %s
                agi_version: 18.20.0
                agi_callerid: %s
                agi_calleridname: unknown
                agi_callingpres: 0
                agi_callingani2: 0
                agi_callington: 0
                agi_callingtns: 0
                agi_dnid: 8890
                agi_rdnis: unknown
                agi_context: from-trunk
                agi_extension: 8890
                agi_priority: 2
                agi_enhanced: 0.0
                agi_accountcode:\s
                agi_threadid: 140245

                """.formatted(port, uniqueId.replace('.', '-'), uniqueId, callerId));
        return call;
    }

    /** Reads the next command and checks how it starts (quotes aside); returns it without quotes. */
    AgiCall expect(String commandStart) throws IOException {
        String command = nextCommand();
        assertThat(command).startsWith(commandStart);
        return this;
    }

    String nextCommand() throws IOException {
        String line = in.readLine();
        assertThat(line).as("the IVR sent another command").isNotNull();
        return line.replace("\"", "");
    }

    void reply(String line) throws IOException {
        send(line + "\n");
    }

    /** The caller hangs up: Asterisk says so, and refuses whatever comes next. */
    void hangUp() throws IOException {
        hungUp = true;
        send("HANGUP\n");
    }

    /**
     * Answers the status variable Asterisk-Java sets after the script, then waits for the IVR to let go;
     * returns that status: {@code SUCCESS}, or {@code FAILED} when an exception escaped the script.
     */
    String finish() throws IOException {
        String status = null;
        String line;
        while ((line = in.readLine()) != null) {
            send(hungUp ? "511 Command Not Permitted on a dead channel or intercept routine\n" : "200 result=1\n");
            String command = line.replace("\"", "");
            assertThat(command).startsWith("SET VARIABLE AJ_AGISTATUS ");
            status = command.substring("SET VARIABLE AJ_AGISTATUS ".length()).strip();
        }
        return status;
    }

    private void send(String text) throws IOException {
        out.write(text);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
