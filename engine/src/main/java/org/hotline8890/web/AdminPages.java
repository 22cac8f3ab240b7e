package org.hotline8890.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hotline8890.HotlineProperties;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.channels.Channel;
import org.hotline8890.intake.ChannelActivity;
import org.hotline8890.intake.ChannelSwitches;
import org.hotline8890.intake.DeadLetters;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's home (a link to each admin page, and what needs attention) and the channel
 * status: per channel, which adapters are on, what came in, what died and what waits to go out.
 */
@Controller
@RequestMapping("/admin")
class AdminPages {

    private final WorkingCalendarService calendar;
    private final DeadLetters deadLetters;
    private final ChannelSwitches switches;
    private final ChannelActivity activity;
    private final CitizenNotificationRepository notifications;
    private final Clock clock;
    private final ZoneId zone;

    AdminPages(WorkingCalendarService calendar, DeadLetters deadLetters, ChannelSwitches switches,
               ChannelActivity activity, CitizenNotificationRepository notifications, Clock clock,
               HotlineProperties properties) {
        this.calendar = calendar;
        this.deadLetters = deadLetters;
        this.switches = switches;
        this.activity = activity;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** One row of the channel status page. */
    record ChannelRow(Channel channel, List<ChannelSwitches.Adapter> adapters, Instant lastReceived,
                      long contactsToday, long deadLetters, long waiting, long failed) {

        public boolean isOn() {
            return adapters.stream().anyMatch(ChannelSwitches.Adapter::on);
        }
    }

    @GetMapping
    String home(Model model) {
        model.addAttribute("missingYears", calendar.missingYears());
        model.addAttribute("deadLetterCount", deadLetters.openCount());
        return "admin/home";
    }

    @GetMapping("/channels")
    String channels(Model model) {
        Instant startOfToday = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        Map<Channel, ChannelActivity.Traffic> traffic = activity.trafficSince(startOfToday);
        Map<String, Long> dead = deadLetters.openCountByChannel();
        List<ChannelSwitches.Adapter> adapters = switches.adapters();
        List<ChannelRow> rows = Arrays.stream(Channel.values()).map(channel -> new ChannelRow(channel,
                adapters.stream().filter(a -> a.channel() == channel).toList(),
                traffic.get(channel).lastReceived(), traffic.get(channel).since(),
                dead.getOrDefault(channel.name(), 0L),
                notifications.countByChannelAndState(channel, NotificationState.PENDING),
                notifications.countByChannelAndState(channel, NotificationState.FAILED))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("letters", deadLetters.open());
        model.addAttribute("zone", zone);
        return "admin/channels";
    }

    /** The same requeue as {@code POST /api/admin/dead-letters/{id}/requeue}, for the page. */
    @PostMapping("/channels/dead-letters/{id}/requeue")
    String requeue(@PathVariable long id, RedirectAttributes redirect) {
        try {
            deadLetters.requeue(id);
            return OrganisationPages.done(redirect, "admin.notice.requeued", String.valueOf(id), "/admin/channels");
        } catch (CaseStateException alreadyRequeued) {
            redirect.addFlashAttribute("problem", "admin.channels.requeueGone");
            return "redirect:/admin/channels";
        }
    }
}
