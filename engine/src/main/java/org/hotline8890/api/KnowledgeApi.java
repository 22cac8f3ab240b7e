package org.hotline8890.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.knowledge.Article;
import org.hotline8890.knowledge.KnowledgeBase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.security.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base (知识库): staff search it beside the intake form; departments propose articles
 * for their own unit and the center approves them or writes its own; owners see what expires.
 * Who may call what is in {@code SecurityConfig}; see docs/knowledge-base.md.
 */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeApi {

    private final KnowledgeBase knowledge;
    private final Organisation organisation;
    private final CurrentStaff staff;

    KnowledgeApi(KnowledgeBase knowledge, Organisation organisation, CurrentStaff staff) {
        this.knowledge = knowledge;
        this.organisation = organisation;
        this.staff = staff;
    }

    record ArticleView(long id, String question, String answer, String category, String ownerUnit,
                       String ownerUnitName, LocalDate validFrom, LocalDate validUntil, String sourceDocument,
                       String status, Long replacesId, String proposedBy, String decidedBy, String decisionNote,
                       long useCount) {
    }

    /**
     * A department's proposal or the center's article; {@code ownerUnit} (a unit code) is for the
     * center only, and {@code replacesId} makes it an update of an existing article.
     */
    record ArticleDraft(@NotBlank @Size(max = 500) String question, @NotBlank @Size(max = 20000) String answer,
                        @Size(max = 64) String category, @Size(max = 64) String ownerUnit,
                        @NotNull LocalDate validFrom, LocalDate validUntil,
                        @Size(max = 500) String sourceDocument, Long replacesId) {
    }

    record Decision(@Size(max = 1000) String note) {
    }

    record Rejection(@NotBlank @Size(max = 1000) String reason) {
    }

    /** Full-text search (Chinese words, e.g. "社保转移"): valid articles only, best match first. */
    @GetMapping("/articles")
    List<ArticleView> search(@RequestParam @NotBlank @Size(max = 200) String q) {
        return knowledge.search(q).stream().map(this::view).toList();
    }

    @GetMapping("/articles/{id}")
    ArticleView read(@PathVariable long id) {
        return view(knowledge.read(staff.get(), id));
    }

    @PostMapping("/articles")
    @ResponseStatus(HttpStatus.CREATED)
    ArticleView write(@Valid @RequestBody ArticleDraft draft) {
        Article.Content content = new Article.Content(draft.question(), draft.answer(), draft.category(),
                draft.validFrom(), draft.validUntil(), draft.sourceDocument());
        return view(knowledge.write(staff.get(), content, draft.ownerUnit(), draft.replacesId()));
    }

    @GetMapping("/proposals")
    List<ArticleView> proposals() {
        return knowledge.proposals(staff.get()).stream().map(this::view).toList();
    }

    @PostMapping("/articles/{id}/approve")
    ArticleView approve(@PathVariable long id, @Valid @RequestBody Decision decision) {
        return view(knowledge.approve(staff.get(), id, decision.note()));
    }

    @PostMapping("/articles/{id}/reject")
    ArticleView reject(@PathVariable long id, @Valid @RequestBody Rejection rejection) {
        return view(knowledge.reject(staff.get(), id, rejection.reason()));
    }

    @PostMapping("/articles/{id}/retire")
    ArticleView retire(@PathVariable long id, @Valid @RequestBody Decision decision) {
        return view(knowledge.retire(staff.get(), id, decision.note()));
    }

    /** Articles expiring within {@code hotline.knowledge.expiring-within}, or already expired: a department's own. */
    @GetMapping("/expiring")
    List<ArticleView> expiring() {
        return knowledge.expiring(staff.get()).stream().map(this::view).toList();
    }

    /** The reminders the daily expiry wrote for the owning units: a department's own. */
    @GetMapping("/reminders")
    List<KnowledgeBase.Reminder> reminders() {
        return knowledge.reminders(staff.get());
    }

    private ArticleView view(Article a) {
        OrgUnit owner = organisation.byId(a.getOwnerUnitId()).orElse(null);
        return new ArticleView(a.getId(), a.getQuestion(), a.getAnswer(), a.getCategoryCode(),
                owner == null ? null : owner.getCode(), owner == null ? null : owner.getName(), a.getValidFrom(),
                a.getValidUntil(), a.getSourceDocument(), a.getStatus().name(), a.getReplacesId(), a.getProposedBy(),
                a.getDecidedBy(), a.getDecisionNote(), a.getUseCount());
    }
}
