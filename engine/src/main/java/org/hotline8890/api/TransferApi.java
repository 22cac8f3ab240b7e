package org.hotline8890.api;

import java.util.List;

import jakarta.validation.Valid;

import org.hotline8890.api.CaseViews.TransferView;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseTransfer;
import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.Regions;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseTransfers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 跨区域转办 for the center: transfer a case to another region's center, refuse a transfer back, and the
 * transfers in and out of the caller's region. See docs/organisation.md, "Transfers between regions".
 */
@RestController
@RequestMapping("/api/center")
class TransferApi {

    /** {@code repeated}: the request repeated a transfer already made, and nothing changed. */
    record TransferAnswer(TransferView transfer, String status, boolean repeated) {
    }

    record RegionTransfers(String region, List<TransferView> out, List<TransferView> in) {
    }

    private final CaseTransfers caseTransfers;
    private final CaseTransferRepository transfers;
    private final CaseRepository cases;
    private final Regions regions;
    private final CaseViews views;
    private final CurrentStaff staff;

    TransferApi(CaseTransfers caseTransfers, CaseTransferRepository transfers, CaseRepository cases, Regions regions,
                CaseViews views, CurrentStaff staff) {
        this.caseTransfers = caseTransfers;
        this.transfers = transfers;
        this.cases = cases;
        this.regions = regions;
        this.views = views;
        this.staff = staff;
    }

    /** Every region of the platform, the caller's own included, for the transfer form's choice. */
    @GetMapping("/regions")
    List<Regions.Region> regions() {
        return regions.all();
    }

    /** {@code 201} for a new transfer; {@code 200} with {@code repeated: true} when it had already been made. */
    @PostMapping("/cases/{caseNumber}/transfer")
    ResponseEntity<TransferAnswer> transfer(@PathVariable String caseNumber, @Valid @RequestBody CenterRequests.Transfer request) {
        request.check(regions);
        CaseTransfers.Outcome outcome = caseTransfers.transfer(staff.get(), caseNumber, request.toRegion(), request.reason());
        return ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(answer(outcome));
    }

    @PostMapping("/cases/{caseNumber}/transfer-refusal")
    TransferAnswer refuse(@PathVariable String caseNumber, @Valid @RequestBody CenterRequests.TransferRefusal request) {
        return answer(caseTransfers.refuse(staff.get(), caseNumber, request.reason()));
    }

    /** The transfers out of and into the caller's region, the latest first (at most 100 each). */
    @GetMapping("/transfers")
    @Transactional(readOnly = true)
    RegionTransfers transfers() {
        Staff me = staff.get();
        return new RegionTransfers(me.region(), views(transfers.findTop100ByFromRegionOrderByTransferredAtDesc(me.region())),
                views(transfers.findTop100ByToRegionOrderByTransferredAtDesc(me.region())));
    }

    private List<TransferView> views(List<CaseTransfer> found) {
        return found.stream().map(t -> views.transfer(cases.findById(t.getCaseId()).map(HotlineCase::getCaseNumber)
                .orElseThrow(), t)).toList();
    }

    private TransferAnswer answer(CaseTransfers.Outcome outcome) {
        return new TransferAnswer(views.transfer(outcome.theCase().getCaseNumber(), outcome.transfer()),
                outcome.theCase().getStatus().name(), outcome.repeated());
    }
}
