package id.payung.sponsorship.web;

import id.payung.enrollment.WorkerApplicationForm;
import id.payung.sponsorship.AsnSponsorships.Proposal;

/**
 * The ASN's "add a worker I sponsor" form as posted (mutable for binding). One NIK field serves both
 * modes; the new worker's fields and heir rows (enrollment's registration form) are used only in mode NEW.
 */
public class SponsorForm extends WorkerApplicationForm {

    private String mode = "EXISTING";
    private String relationship = "";
    private String firstPeriod = "";
    private String consentSha256 = "";
    private boolean consent;

    Proposal toProposal() {
        return new Proposal(mode, getNik(), "NEW".equalsIgnoreCase(mode) ? toApplication() : null, relationship, firstPeriod);
    }

    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getFirstPeriod() { return firstPeriod; }
    public void setFirstPeriod(String firstPeriod) { this.firstPeriod = firstPeriod; }
    public String getConsentSha256() { return consentSha256; }
    public void setConsentSha256(String consentSha256) { this.consentSha256 = consentSha256; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}
