package org.hotline8890.web;

import org.hotline8890.api.CaseRequest;
import org.hotline8890.cases.CaseType;

/**
 * What the citizen's request form posts, kept as typed so that a refused form comes back filled in.
 * The rules are not here: {@link #toRequest()} hands the fields to the API's {@link CaseRequest}, whose
 * constraints the page checks.
 */
class RequestForm {

    private CaseType type;
    private String category;
    private String district;
    private String location;
    private String subject;
    private String content;
    private String name;
    private String phone;
    private String email;
    private boolean anonymous;
    private boolean consentToPublish;

    CaseRequest toRequest() {
        return new CaseRequest(type, category, null, district, location, subject, content, name, phone, email,
                anonymous, false, consentToPublish, null);
    }

    public CaseType getType() { return type; }
    public void setType(CaseType type) { this.type = type; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
    public boolean isConsentToPublish() { return consentToPublish; }
    public void setConsentToPublish(boolean consentToPublish) { this.consentToPublish = consentToPublish; }
}
