package org.hotline8890.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotline8890.HotlineProperties;
import org.hotline8890.api.AgentDesk;
import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.InvalidFieldException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
import org.hotline8890.classification.CaseClassifier;
import org.hotline8890.intake.IntakeService;
import org.hotline8890.knowledge.Article;
import org.hotline8890.knowledge.ArticleNotFoundException;
import org.hotline8890.knowledge.ArticleStatus;
import org.hotline8890.knowledge.InvalidArticleException;
import org.hotline8890.knowledge.KnowledgeBase;
import org.hotline8890.merging.RepeatRequests;
import org.hotline8890.security.CurrentStaff;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent console (坐席受理台): the caller's earlier cases, the intake form, the knowledge base and
 * similar open cases on one wide page. Everything works as plain form posts: the search, "use this
 * answer", a similar case and a classifier's guess all post the whole intake form back to
 * {@code /agent/console}, which shows it again with that applied, so nothing typed is lost; htmx only
 * fills the side panels sooner. Calls are logged through {@link AgentDesk}, the agent API's own rules.
 */
@Controller
@RequestMapping("/agent")
class AgentConsolePages {

    static final int KB_RESULTS = 8;
    static final int SIMILAR_CASES = 5;
    static final int GUESSES = 3;
    private static final int MAX_QUERY = 200;
    private static final int MAX_ANSWER = 5000;
    /** The API's limit for an {@code Idempotency-Key}. */
    private static final int MAX_KEY = 100;
    /** The fields a call joining an existing case needs; the rest describe a new case. */
    private static final Set<String> JOIN_FIELDS = Set.of("phone", "subject", "content", "name");

    private final AgentDesk desk;
    private final KnowledgeBase knowledge;
    private final RepeatRequests repeats;
    private final CaseClassifier classifier;
    private final CaseRepository cases;
    private final Choices choices;
    private final Validator validator;
    private final MessageSource messages;
    private final CurrentStaff staff;
    private final Clock clock;
    private final ZoneId zone;

    AgentConsolePages(AgentDesk desk, KnowledgeBase knowledge, RepeatRequests repeats,
                      CaseClassifier classifier, CaseRepository cases, Choices choices, Validator validator,
                      MessageSource messages, CurrentStaff staff, Clock clock, HotlineProperties properties) {
        this.cases = cases;
        this.staff = staff;
        this.desk = desk;
        this.knowledge = knowledge;
        this.repeats = repeats;
        this.classifier = classifier;
        this.choices = choices;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** A saved call as the agent reads it out; {@code joined}: the call was added to an existing case. */
    record Saved(String caseNumber, String queryCode, boolean duplicate, boolean joined) {
    }

    /** One classifier guess as a one-click choice; {@code label} in the reader's words. */
    record Pick(String field, String code, String label, int percent) {
    }

    @GetMapping
    String console(@RequestParam(defaultValue = "") String caller, Model model, Locale locale) {
        AgentCallForm form = AgentCallForm.next();
        if (!caller.isBlank()) {
            form.setPhone(clip(caller.strip(), 32));
        }
        model.addAttribute("form", form);
        return show(form, caller, "", model, locale);
    }

    /**
     * The form posted back to be shown again with one thing done: a knowledge search ({@code kb}), an
     * article's answer taken ({@code useArticle}), a classifier's guess taken ({@code pick} =
     * {@code field:code}), or the caller looked up ({@code caller}).
     */
    @PostMapping("/console")
    String again(@ModelAttribute("form") AgentCallForm form, BindingResult binding,
                 @RequestParam(defaultValue = "") String kb, @RequestParam(required = false) Long useArticle,
                 @RequestParam(defaultValue = "") String pick, @RequestParam(defaultValue = "") String caller,
                 Model model, Locale locale) {
        if (useArticle != null) {
            validArticle(useArticle).ifPresent(a -> {
                form.setAnswer(a.getAnswer());
                form.setArticleId(a.getId());
                form.setDecision(AgentDesk.Decision.ANSWER);
            });
        }
        applyPick(form, pick);
        if (!caller.isBlank() && (form.getPhone() == null || form.getPhone().isBlank())) {
            form.setPhone(clip(caller.strip(), 32));
        }
        return show(form, caller, kb, model, locale);
    }

    @PostMapping("/calls")
    String save(@ModelAttribute("form") AgentCallForm form, BindingResult binding, Model model, Locale locale) {
        String whenLabel = text("agent.content.when", locale);
        String wishLabel = text("agent.content.wish", locale);
        if (form.getKey() == null || form.getKey().isBlank() || form.getKey().length() > MAX_KEY) {
            // Only a tampered form lacks its key; it still saves, once, under a key of its own.
            form.setKey(UUID.randomUUID().toString());
        }
        CaseRequest request = form.toRequest(whenLabel, wishLabel);
        boolean joining = form.joinsExistingCase();
        if (!binding.hasErrors()) {
            for (ConstraintViolation<CaseRequest> violation : validator.validate(request)) {
                String property = violation.getPropertyPath().toString();
                if (!joining || JOIN_FIELDS.contains(property) || "reachable".equals(property)) {
                    reject(binding, property);
                }
            }
            if (joining && (form.getPhone() == null || form.getPhone().isBlank())) {
                reject(binding, "phone");
            }
            if (!joining && form.getDecision() == null) {
                binding.rejectValue("decision", "agent.invalid.decision");
            } else if (!joining) {
                AgentDesk.decisionProblems(form.getDecision(), form.getAnswer(), citedArticle(form))
                        .forEach(problem -> reject(binding, problem.field()));
            }
            if (form.getAnswer() != null && form.getAnswer().length() > MAX_ANSWER) {
                binding.rejectValue("answer", "agent.invalid.answer");
            }
        }
        if (binding.hasErrors()) {
            return show(form, "", "", model, locale);
        }
        IntakeService.Accepted accepted;
        try {
            accepted = joining
                    ? desk.addToCase(form.getExistingCase(), form.getName(), form.getPhone(), form.getSubject(),
                            form.fullContent(whenLabel, wishLabel), form.getKey())
                    : desk.logCall(request, form.getDecision(), form.getAnswer(), citedArticle(form), form.getKey());
        } catch (InvalidFieldException refused) {
            reject(binding, refused.field());
            return show(form, "", "", model, locale);
        } catch (InvalidArticleException | ArticleNotFoundException notCitable) {
            // Retired or expired since the agent took its answer: the answer stays, the citation must go.
            reject(binding, "articleId");
            return show(form, "", "", model, locale);
        }
        if (!joining && !accepted.duplicate()) {
            recordClassification(accepted.caseNumber(), form);
        }
        model.addAttribute("saved", new Saved(accepted.caseNumber(), accepted.queryCode(), accepted.duplicate(), joining));
        AgentCallForm next = AgentCallForm.next();
        model.addAttribute("form", next);
        return show(next, "", "", model, locale);
    }

    /** Knowledge search results as the agent types (htmx); the plain form posts to {@link #again}. */
    @GetMapping("/knowledge")
    String knowledgeResults(@RequestParam(defaultValue = "") String kb, Model model) {
        model.addAttribute("kb", kb);
        model.addAttribute("articles", articles(kb));
        return "agent/console :: knowledge";
    }

    /** Open cases the call may repeat (htmx), refreshed as phone, subject and content change. */
    @GetMapping("/similar")
    String similar(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String subject,
                   @RequestParam(defaultValue = "") String content, @RequestParam(defaultValue = "") String existingCase,
                   Model model) {
        AgentCallForm form = AgentCallForm.next();
        form.setExistingCase(existingCase);
        model.addAttribute("form", form);
        model.addAttribute("similar", similarCases(phone, subject, content));
        return "agent/console :: similar";
    }

    /** The classifier's guesses (htmx) for the words typed so far. */
    @GetMapping("/classification")
    String classification(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String content,
                          Model model, Locale locale) {
        model.addAttribute("picks", picks(subject, content, locale));
        return "agent/console :: classification";
    }

    private String show(AgentCallForm form, String caller, String kb, Model model, Locale locale) {
        model.addAttribute("zone", zone);
        model.addAttribute("types", List.of(CaseType.values()));
        model.addAttribute("urgencies", List.of(Urgency.values()));
        model.addAttribute("decisions", List.of(AgentDesk.Decision.values()));
        model.addAttribute("categories", choices.categories(locale));
        model.addAttribute("districts", choices.districts(locale));
        model.addAttribute("caller", caller);
        model.addAttribute("earlier", caller.isBlank() ? null : desk.earlierCases(clip(caller.strip(), 32)));
        model.addAttribute("kb", kb);
        model.addAttribute("articles", articles(kb));
        model.addAttribute("similar", similarCases(form.getPhone(), form.getSubject(), form.getContent()));
        model.addAttribute("picks", picks(form.getSubject(), form.getContent(), locale));
        return "agent/console";
    }

    private List<Article> articles(String kb) {
        if (kb == null || kb.isBlank()) {
            return List.of();
        }
        return knowledge.search(clip(kb.strip(), MAX_QUERY)).stream().limit(KB_RESULTS).toList();
    }

    /** Only an article the search could have offered today may be cited: approved and within its dates. */
    private Optional<Article> validArticle(long id) {
        try {
            Article article = knowledge.read(staff.get(), id);
            return article.getStatus() == ArticleStatus.APPROVED && article.isValidOn(LocalDate.now(clock.withZone(zone)))
                    ? Optional.of(article) : Optional.empty();
        } catch (ArticleNotFoundException gone) {
            return Optional.empty();
        }
    }

    private List<RepeatRequests.Suggestion> similarCases(String phone, String subject, String content) {
        return repeats.suggest(new RepeatRequests.Probe(phone, subject, content, null, clock.instant()), SIMILAR_CASES);
    }

    /**
     * What the classifier would have suggested for the saved words against what the agent filed, for the
     * accuracy report (docs/classification.md). The department is the catalogue's to choose, not the agent's.
     */
    private void recordClassification(String caseNumber, AgentCallForm form) {
        String text = text(form.getSubject(), form.getContent());
        if (text.isEmpty()) {
            return;
        }
        cases.findByCaseNumber(caseNumber).ifPresent(c -> classifier.recordChoice(c.getId(),
                classifier.suggest(text, GUESSES), new CaseClassifier.Choice(
                        form.getType() == null ? null : form.getType().name(), form.getCategory(), null)));
    }

    private static String text(String subject, String content) {
        return ((subject == null ? "" : subject) + "\n" + (content == null ? "" : content)).strip();
    }

    private List<Pick> picks(String subject, String content, Locale locale) {
        String text = text(subject, content);
        if (text.isEmpty()) {
            return List.of();
        }
        CaseClassifier.Suggestions guesses = classifier.suggest(text, GUESSES);
        List<Pick> picks = new ArrayList<>();
        guesses.types().forEach(g -> picks.add(pick("type", g, typeLabel(g.code(), locale))));
        var categoryNames = choices.categories(locale);
        guesses.categories().forEach(g -> picks.add(pick("category", g, categoryNames.stream()
                .filter(c -> c.code().equals(g.code())).map(Choices.Choice::name).findFirst().orElse(g.code()))));
        var departmentNames = choices.departments(locale);
        guesses.departments().forEach(g -> picks.add(pick("department", g, departmentNames.stream()
                .filter(d -> d.code().equals(g.code())).map(Choices.Choice::name).findFirst().orElse(g.code()))));
        return picks;
    }

    private static Pick pick(String field, CaseClassifier.Guess guess, String label) {
        return new Pick(field, guess.code(), label, (int) Math.round(guess.score() * 100));
    }

    private String typeLabel(String code, Locale locale) {
        return messages.getMessage("case.type." + code, null, code, locale);
    }

    /** Only fields the form has can be picked; a department guess is a hint for the center, not a field here. */
    private static void applyPick(AgentCallForm form, String pick) {
        int colon = pick.indexOf(':');
        if (colon < 0) {
            return;
        }
        String field = pick.substring(0, colon);
        String code = pick.substring(colon + 1);
        if ("type".equals(field)) {
            try {
                form.setType(CaseType.valueOf(code));
            } catch (IllegalArgumentException unknown) {
                // A guess the form cannot take is left out, as if not clicked.
            }
        } else if ("category".equals(field)) {
            form.setCategory(clip(code, 64));
        }
    }

    /** The article belongs to the answer: an agent who took one and then chose to send the call on cites nothing. */
    private static Long citedArticle(AgentCallForm form) {
        return form.getDecision() == AgentDesk.Decision.ANSWER ? form.getArticleId() : null;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void reject(BindingResult binding, String property) {
        // The "reachable" rule is about the contact as a whole; the phone field is where it is fixed.
        String field = "reachable".equals(property) ? "phone" : property;
        String code = switch (field) {
            case "answer", "articleId", "existingCase", "decision", "urgency" -> "agent.invalid." + field;
            default -> CitizenPages.INVALID + field;
        };
        if ("articleId".equals(field)) {
            field = "answer";
        }
        if (!binding.hasFieldErrors(field)) {
            binding.rejectValue(field, code);
        }
    }

    private static String clip(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }
}
