package org.hotline8890.callcenter;

import org.hotline8890.security.CurrentStaff;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The same screen-pop feed as {@link ScreenPopApi}, for the agent console page: a browser's
 * EventSource carries the page's login session, which the stateless HTTP-Basic API chain does not
 * accept, so the page has its own door under {@code /agent/**} onto the one {@link ScreenPops}.
 */
@Controller
class ScreenPopPage {

    private final ScreenPops screenPops;
    private final CurrentStaff staff;

    ScreenPopPage(ScreenPops screenPops, CurrentStaff staff) {
        this.screenPops = screenPops;
        this.staff = staff;
    }

    @GetMapping(path = "/agent/screen-pops", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter screenPops() {
        return screenPops.open(staff.get().username());
    }
}
