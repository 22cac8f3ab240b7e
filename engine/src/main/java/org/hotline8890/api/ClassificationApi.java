package org.hotline8890.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hotline8890.classification.CaseClassifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classification assist for the agent desk: likely type, category and department of a request's text,
 * learnt from the hotline's own closed cases (docs/classification.md). Empty lists mean "no idea yet".
 */
@RestController
@RequestMapping("/api/agent")
class ClassificationApi {

    private final CaseClassifier classifier;

    ClassificationApi(CaseClassifier classifier) {
        this.classifier = classifier;
    }

    @GetMapping("/classification")
    CaseClassifier.Suggestions suggest(@RequestParam @NotBlank @Size(max = 5000) String text,
                                       @RequestParam(defaultValue = "3") @Min(1) @Max(10) int limit) {
        return classifier.suggest(text, limit);
    }
}
