package org.hotline8890.web;

import java.nio.charset.StandardCharsets;

import org.hotline8890.attachments.CaseAttachments;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Downloads of files uploaded to a case, for every staff member who may see the case: the department
 * workbench links its own path, the center links {@code /cases/...}. Anything not visible or not there
 * is the same 404 page.
 */
@Controller
class CaseFiles {

    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final CurrentStaff staff;
    private final CaseAttachments attachments;

    CaseFiles(CaseRepository cases, CaseAccessPolicy access, CurrentStaff staff, CaseAttachments attachments) {
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.attachments = attachments;
    }

    @GetMapping({"/cases/{caseNumber}/attachments/{id}", "/department/cases/{caseNumber}/attachments/{id}"})
    ResponseEntity<Resource> download(@PathVariable String caseNumber, @PathVariable long id) {
        HotlineCase c = cases.findByCaseNumber(caseNumber)
                .filter(found -> access.canRead(staff.get(), found))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        CaseAttachments.Download download = attachments.open(c.getId(), id)
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        // Always a download, never shown inline: an uploaded file must not run as a page of this site.
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.attachment().originalName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .contentLength(download.attachment().sizeBytes())
                .body(new FileSystemResource(download.file()));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ModelAndView notFound() {
        return DepartmentPages.notFoundPage();
    }
}
