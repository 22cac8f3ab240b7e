package org.hotline8890.duty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline8890.HotlineProperties;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty roster pages: {@code /department/duty} for a department's own officers, {@code /admin/duty}
 * for every unit and the center's supervisors. One shift by form, or a CSV file previewed then imported
 * whole; refusals come back next to the field or as a list of lines. The rules are {@link DutyRoster}'s.
 */
@Controller
class DutyPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DutyRoster roster;
    private final Organisation organisation;
    private final CurrentStaff staff;
    private final HotlineProperties properties;

    DutyPages(DutyRoster roster, Organisation organisation, CurrentStaff staff, HotlineProperties properties) {
        this.roster = roster;
        this.organisation = organisation;
        this.staff = staff;
        this.properties = properties;
    }

    /** A shift with its times as the hotline's clock shows them. */
    record Row(DutyRoster.Shift shift, String start, String end) {
    }

    /** What was typed into the add form, shown again when it is refused. */
    record Typed(String departmentCode, String name, String phone, String start, String end, String role) {
    }

    @GetMapping({"/department/duty", "/admin/duty"})
    String roster(Model model) {
        return page(model, null, Map.of(), null, List.of());
    }

    @PostMapping({"/department/duty/shifts", "/admin/duty/shifts"})
    String add(@RequestParam(required = false) String departmentCode, @RequestParam(required = false) String name,
               @RequestParam(required = false) String phone, @RequestParam(required = false) String start,
               @RequestParam(required = false) String end, @RequestParam(required = false) String role,
               Model model, RedirectAttributes redirect) {
        Typed typed = new Typed(departmentCode, name, phone, start, end, role);
        try {
            roster.add(staff.get(), departmentCode, name, phone, start, end, role);
        } catch (RosterRefusedException e) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            e.problems().forEach(p -> fieldErrors.putIfAbsent(p.field(), "page.duty.problem." + p.code()));
            return page(model, typed, fieldErrors, null, List.of());
        }
        redirect.addFlashAttribute("notice", "page.duty.added");
        return "redirect:" + base();
    }

    @PostMapping({"/department/duty/shifts/{id}/delete", "/admin/duty/shifts/{id}/delete"})
    String remove(@PathVariable Long id, RedirectAttributes redirect) {
        try {
            roster.remove(staff.get(), id);
            redirect.addFlashAttribute("notice", "page.duty.removed");
        } catch (RosterRefusedException e) {
            redirect.addFlashAttribute("problem", "page.duty.problem.unknown");
        }
        return "redirect:" + base();
    }

    @PostMapping({"/department/duty/import", "/admin/duty/import"})
    String importCsv(@RequestParam(required = false) MultipartFile file,
                     @RequestParam(required = false) String previewed,
                     @RequestParam(defaultValue = "preview") String action, Model model,
                     RedirectAttributes redirect) throws IOException {
        // After a preview the page carries the file's text, so the clerk need not choose the file again.
        byte[] csv = file != null && !file.isEmpty() ? file.getBytes()
                : previewed != null && !previewed.isBlank() ? previewed.getBytes(StandardCharsets.UTF_8) : null;
        if (csv == null) {
            return page(model, null, Map.of("file", "page.duty.problem.noFile"), null, List.of());
        }
        if ("import".equals(action)) {
            try {
                int saved = roster.importCsv(staff.get(), csv);
                redirect.addFlashAttribute("notice", "page.duty.imported");
                redirect.addFlashAttribute("noticeSubject", saved);
                return "redirect:" + base();
            } catch (RosterRefusedException e) {
                return page(model, null, Map.of(), null, e.problems());
            }
        }
        DutyRoster.ImportPreview preview = roster.preview(staff.get(), csv);
        model.addAttribute("previewed", new String(csv, StandardCharsets.UTF_8));
        return page(model, null, Map.of(), preview, preview.problems());
    }

    private String page(Model model, Typed typed, Map<String, String> fieldErrors, DutyRoster.ImportPreview preview,
                        List<RosterProblem> lineProblems) {
        Staff me = staff.get();
        boolean admin = me.role() == Role.ADMIN;
        OrgUnit own = organisation.byId(me.orgUnitId()).orElseThrow();
        model.addAttribute("base", base());
        model.addAttribute("admin", admin);
        model.addAttribute("rows", rows(roster.shifts(me)));
        model.addAttribute("units", admin ? organisation.all().stream().filter(OrgUnit::isActive).toList() : List.of(own));
        model.addAttribute("roles", admin ? List.of(DutyRole.values()) : List.of(DutyRole.OFFICER));
        model.addAttribute("typed", typed != null ? typed : new Typed(own.getCode(), "", "", "", "", DutyRole.OFFICER.name()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("previewRows", preview == null ? null : rows(preview.shifts()));
        model.addAttribute("previewAcceptable", preview != null && preview.acceptable());
        model.addAttribute("lineProblems", lineProblems);
        return "duty/roster";
    }

    private List<Row> rows(List<DutyRoster.Shift> shifts) {
        return shifts.stream().map(s -> new Row(s, shown(s.start()), shown(s.end()))).toList();
    }

    private String shown(Instant at) {
        return SHOWN.format(at.atZone(properties.zone()));
    }

    private String base() {
        return staff.get().role() == Role.ADMIN ? "/admin/duty" : "/department/duty";
    }
}
