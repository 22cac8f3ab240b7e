package org.hotline8890.api;

import org.hotline8890.records.EventLogVerification;
import org.hotline8890.records.PersonalDataRetention;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Records the law can rely on: checking the event log's hash chains, and running retention now. */
@RestController
class RecordsAdminApi {

    private final EventLogVerification verification;
    private final PersonalDataRetention retention;

    RecordsAdminApi(EventLogVerification verification, PersonalDataRetention retention) {
        this.verification = verification;
        this.retention = retention;
    }

    @GetMapping("/api/admin/event-log/verify")
    EventLogVerification.Report verifyEventLog() {
        return verification.verify();
    }

    @PostMapping("/api/admin/retention/run")
    PersonalDataRetention.Run runRetention() {
        return retention.runNow();
    }
}
