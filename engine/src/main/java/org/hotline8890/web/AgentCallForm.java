package org.hotline8890.web;

import java.util.UUID;

import org.hotline8890.api.AgentDesk;
import org.hotline8890.api.CaseRequest;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;

/**
 * What the agent console's intake form posts, kept as typed so that a refused or re-shown form comes
 * back filled in. The rules are not here: {@link #toRequest} hands the fields to the API's
 * {@link CaseRequest}, whose constraints the page checks, and {@link AgentDesk} decides the rest.
 * {@code key} is the form's one-time idempotency key: a second post of the same form finds the first case.
 */
class AgentCallForm {

    private String key = UUID.randomUUID().toString();
    private CaseType type;
    private String category;
    private Urgency urgency = Urgency.NORMAL;
    private String name;
    private String phone;
    private boolean anonymous;
    private String occurredAt;
    private String district;
    private String location;
    private String subject;
    private String content;
    private String wish;
    private boolean confidential;
    private boolean consentToPublish;
    private AgentDesk.Decision decision = AgentDesk.Decision.DISPATCH;
    private String answer;
    private Long articleId;
    private String existingCase;

    /**
     * The request as the API takes it. When and what the caller asks for have no field of their own in
     * a case, so they become labelled lines of its content ({@code whenLabel}, {@code wishLabel}).
     */
    CaseRequest toRequest(String whenLabel, String wishLabel) {
        return new CaseRequest(type, category, urgency, district, location, subject, fullContent(whenLabel, wishLabel),
                name, phone, null, anonymous, confidential, consentToPublish, null);
    }

    String fullContent(String whenLabel, String wishLabel) {
        if (content == null || content.isBlank()) {
            // Left blank, so the content's own rule names the missing description.
            return content;
        }
        StringBuilder text = new StringBuilder(content.strip());
        if (occurredAt != null && !occurredAt.isBlank()) {
            text.append("\n").append(whenLabel).append(occurredAt.strip());
        }
        if (wish != null && !wish.isBlank()) {
            text.append("\n").append(wishLabel).append(wish.strip());
        }
        return text.toString();
    }

    boolean joinsExistingCase() {
        return existingCase != null && !existingCase.isBlank();
    }

    /** A fresh form for the next call, with a new one-time key. */
    static AgentCallForm next() {
        return new AgentCallForm();
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public CaseType getType() { return type; }
    public void setType(CaseType type) { this.type = type; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public Urgency getUrgency() { return urgency; }
    public void setUrgency(Urgency urgency) { this.urgency = urgency; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getWish() { return wish; }
    public void setWish(String wish) { this.wish = wish; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean confidential) { this.confidential = confidential; }
    public boolean isConsentToPublish() { return consentToPublish; }
    public void setConsentToPublish(boolean consentToPublish) { this.consentToPublish = consentToPublish; }
    public AgentDesk.Decision getDecision() { return decision; }
    public void setDecision(AgentDesk.Decision decision) { this.decision = decision; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public Long getArticleId() { return articleId; }
    public void setArticleId(Long articleId) { this.articleId = articleId; }
    public String getExistingCase() { return existingCase; }
    public void setExistingCase(String existingCase) { this.existingCase = existingCase; }
}
