package org.hotline8890.callcenter;

import org.hotline8890.security.CurrentStaff;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent console's live feed: a {@code screen-pop} event each time the agent's phone rings. Two
 * doors onto the one {@link ScreenPops}: the API's, with HTTP Basic, and the console page's, because a
 * browser's EventSource carries the page's login session, which the stateless API chain does not accept.
 */
@RestController
class ScreenPopApi {

    private final ScreenPops screenPops;
    private final CurrentStaff staff;

    ScreenPopApi(ScreenPops screenPops, CurrentStaff staff) {
        this.screenPops = screenPops;
        this.staff = staff;
    }

    @GetMapping(path = {"/api/agent/screen-pops", "/agent/screen-pops"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter screenPops() {
        return screenPops.open(staff.get().username());
    }
}
