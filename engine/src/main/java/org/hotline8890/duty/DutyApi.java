package org.hotline8890.duty;

import java.io.IOException;
import java.util.List;

import org.hotline8890.security.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The duty roster as JSON: a department reads and adds its own officers' shifts, an admin everyone's.
 * A refused entry or import answers 400 with every problem, each naming its line and field.
 */
@RestController
@RequestMapping("/api/duty/roster")
class DutyApi {

    private final DutyRoster roster;
    private final CurrentStaff staff;

    DutyApi(DutyRoster roster, CurrentStaff staff) {
        this.roster = roster;
        this.staff = staff;
    }

    record ShiftRequest(String departmentCode, String name, String phone, String start, String end, String role) {
    }

    record Imported(int imported) {
    }

    record Problem(String code, String message, List<FieldProblem> fields) {
    }

    record FieldProblem(String field, Integer line, String reason) {
    }

    @GetMapping
    List<DutyRoster.Shift> shifts() {
        return roster.shifts(staff.get());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DutyRoster.Shift add(@RequestBody ShiftRequest request) {
        return roster.add(staff.get(), request.departmentCode(), request.name(), request.phone(), request.start(),
                request.end(), request.role());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importCsv(@RequestParam("file") MultipartFile file) throws IOException {
        return new Imported(roster.importCsv(staff.get(), file.getBytes()));
    }

    @ExceptionHandler(RosterRefusedException.class)
    ResponseEntity<Problem> refused(RosterRefusedException e) {
        return ResponseEntity.badRequest().body(new Problem("duty.refused", "nothing was saved: " + e.getMessage(),
                e.problems().stream().map(p -> new FieldProblem(p.field(), p.line() > 0 ? p.line() : null,
                        p.describe())).toList()));
    }
}
