package org.hotline8890.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline8890.HotlineProperties;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty roster: who is on duty for which unit when, kept by each department for itself (an admin
 * for every unit, and the center's supervisors), and the question the emergency alert asks of it.
 * The same checks serve one entry typed on a page, the JSON API, and every line of an import.
 */
@Service
@Transactional
public class DutyRoster {

    private static final int MAX_NAME = 100;

    private final DutyEntryRepository entries;
    private final Organisation organisation;
    private final HotlineProperties properties;
    private final DutySettings settings;
    private final Clock clock;

    DutyRoster(DutyEntryRepository entries, Organisation organisation, HotlineProperties properties,
               DutySettings settings, Clock clock) {
        this.entries = entries;
        this.organisation = organisation;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /** A shift as pages and the API show it. */
    public record Shift(Long id, String departmentCode, String departmentName, String name, String phone,
                        Instant start, Instant end, DutyRole role) {
    }

    /** What an import would save, and what stops it. */
    public record ImportPreview(List<Shift> shifts, List<RosterProblem> problems) {
        public boolean acceptable() {
            return problems.isEmpty() && !shifts.isEmpty();
        }
    }

    /** The person an emergency alert goes to. */
    public record OnDuty(String name, String phone, DutyRole role, String unitCode) {
    }

    /** The current and coming shifts the staff member may edit: their own unit's, or all for an admin. */
    @Transactional(readOnly = true)
    public List<Shift> shifts(Staff staff) {
        Instant since = clock.instant().minus(Duration.ofDays(settings.rosterDays()));
        List<DutyEntry> found = staff.role() == Role.ADMIN
                ? entries.findByEndsAtAfterOrderByStartsAtAsc(since)
                : entries.findByOrgUnitIdAndEndsAtAfterOrderByStartsAtAsc(staff.orgUnitId(), since);
        return found.stream().map(this::shift).toList();
    }

    public Shift add(Staff staff, String departmentCode, String name, String phone, String start, String end,
                     String role) {
        List<RosterProblem> problems = new ArrayList<>();
        Optional<DutyEntry> entry = check(staff, new RosterCsv.Line(0, departmentCode, name, phone, start, end, role),
                problems);
        if (entry.isEmpty()) {
            throw new RosterRefusedException(problems);
        }
        return shift(entries.save(entry.get()));
    }

    public void remove(Staff staff, Long id) {
        DutyEntry entry = entries.findById(id).filter(e -> mayEdit(staff, e.getOrgUnitId(), e.getRole()))
                .orElseThrow(() -> new RosterRefusedException(List.of(
                        new RosterProblem(0, "id", "unknown", "no shift " + id + " on your roster"))));
        entries.delete(entry);
    }

    /** Reads and checks a CSV roster without saving anything. */
    @Transactional(readOnly = true)
    public ImportPreview preview(Staff staff, byte[] csv) {
        RosterCsv.Parsed parsed = RosterCsv.read(csv);
        List<RosterProblem> problems = new ArrayList<>(parsed.problems());
        List<Shift> shifts = new ArrayList<>();
        for (RosterCsv.Line line : parsed.lines()) {
            check(staff, line, problems).ifPresent(e -> shifts.add(shift(e)));
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportPreview(shifts, problems);
    }

    /** Saves every line of the roster, or none: one bad line refuses the file, with every line's problem. */
    public int importCsv(Staff staff, byte[] csv) {
        RosterCsv.Parsed parsed = RosterCsv.read(csv);
        List<RosterProblem> problems = new ArrayList<>(parsed.problems());
        List<DutyEntry> valid = new ArrayList<>();
        for (RosterCsv.Line line : parsed.lines()) {
            check(staff, line, problems).ifPresent(valid::add);
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new RosterRefusedException(problems);
        }
        entries.saveAll(valid);
        return valid.size();
    }

    /**
     * Who answers for an emergency of {@code departmentId} at {@code at}: the unit's officer on duty, else
     * the nearest ancestor unit's, else the center's duty supervisor.
     */
    @Transactional(readOnly = true)
    public Optional<OnDuty> onDutyFor(Long departmentId, Instant at) {
        Optional<OrgUnit> unit = organisation.byId(departmentId);
        while (unit.isPresent()) {
            Optional<DutyEntry> officer = entries.covering(unit.get().getId(), DutyRole.OFFICER, at).stream().findFirst();
            if (officer.isPresent()) {
                return officer.map(this::onDuty);
            }
            unit = Optional.ofNullable(unit.get().getParentId()).flatMap(organisation::byId);
        }
        return entries.anyCovering(DutyRole.SUPERVISOR, at).stream().findFirst().map(this::onDuty);
    }

    private OnDuty onDuty(DutyEntry e) {
        return new OnDuty(e.getStaffName(), e.getPhone(), e.getRole(),
                organisation.byId(e.getOrgUnitId()).map(OrgUnit::getCode).orElse("?"));
    }

    private Optional<DutyEntry> check(Staff staff, RosterCsv.Line line, List<RosterProblem> problems) {
        int before = problems.size();
        int n = line.number();
        Optional<OrgUnit> unit = Optional.ofNullable(line.departmentCode()).map(String::trim)
                .filter(code -> !code.isEmpty()).flatMap(organisation::byCode).filter(OrgUnit::isActive);
        if (unit.isEmpty()) {
            problems.add(new RosterProblem(n, "department", "department",
                    "no department with code '" + blankIfNull(line.departmentCode()) + "'"));
        }
        String name = trimmed(line.name());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new RosterProblem(n, "name", "name", "name is missing or longer than " + MAX_NAME));
        }
        String phone = trimmed(line.phone());
        if (!RosterCsv.PHONE.matcher(phone).matches()) {
            problems.add(new RosterProblem(n, "phone", "phone", "phone '" + phone + "' is not a phone number"));
        }
        Optional<Instant> start = RosterCsv.time(line.start(), properties.zone());
        if (start.isEmpty()) {
            problems.add(new RosterProblem(n, "start", "start", "start '" + blankIfNull(line.start())
                    + "' is not a time like 2026-11-23 18:00"));
        }
        Optional<Instant> end = RosterCsv.time(line.end(), properties.zone())
                .or(() -> start.flatMap(s -> RosterCsv.endAfter(s, line.end(), properties.zone())));
        if (end.isEmpty()) {
            problems.add(new RosterProblem(n, "end", "end", "end '" + blankIfNull(line.end())
                    + "' is not a time like 2026-11-24 08:30 or 08:30"));
        }
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            problems.add(new RosterProblem(n, "end", "order", "end is before start"));
        }
        Optional<DutyRole> role = RosterCsv.role(blankIfNull(line.role()));
        if (role.isEmpty()) {
            problems.add(new RosterProblem(n, "role", "role", "role must be OFFICER or SUPERVISOR"));
        }
        if (unit.isPresent() && role.isPresent() && !mayEdit(staff, unit.get().getId(), role.get())) {
            problems.add(new RosterProblem(n, "department", "notYours",
                    "you may only edit your own department's officers"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DutyEntry(unit.get().getId(), name, phone, start.get(), end.get(), role.get(),
                staff.username(), clock.instant()));
    }

    /** A department keeps its own officers; the center's supervisors and every other unit are the admin's. */
    private static boolean mayEdit(Staff staff, Long unitId, DutyRole role) {
        return staff.role() == Role.ADMIN
                || staff.role() == Role.DEPARTMENT && unitId.equals(staff.orgUnitId()) && role == DutyRole.OFFICER;
    }

    private Shift shift(DutyEntry e) {
        Optional<OrgUnit> unit = organisation.byId(e.getOrgUnitId());
        return new Shift(e.getId(), unit.map(OrgUnit::getCode).orElse("?"), unit.map(OrgUnit::getName).orElse("?"),
                e.getStaffName(), e.getPhone(), e.getStartsAt(), e.getEndsAt(), e.getRole());
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
