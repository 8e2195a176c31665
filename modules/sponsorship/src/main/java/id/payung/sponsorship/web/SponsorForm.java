package id.payung.sponsorship.web;

import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.sponsorship.AsnSponsorships.Proposal;

import java.util.ArrayList;
import java.util.List;

/**
 * The ASN's "add a worker I sponsor" form as posted (mutable for binding). One NIK field serves both
 * modes; the new worker's fields and heir rows are used only in mode NEW.
 */
public class SponsorForm {

    static final int HEIR_ROWS = 3;

    private String mode = "EXISTING";
    private String nik = "";
    private String relationship = "";
    private String firstPeriod = "";
    private String consentSha256 = "";
    private boolean consent;
    private String name = "";
    private String birthDate = "";
    private String sex = "";
    private String address = "";
    private String villageCode = "";
    private String phone = "";
    private String occupationCode = "";
    private String incomeLevelCode = "";
    private List<HeirRow> heirs = new ArrayList<>();

    public static class HeirRow {
        private String name = "";
        private String relationship = "";
        private String nik = "";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String relationship) { this.relationship = relationship; }
        public String getNik() { return nik; }
        public void setNik(String nik) { this.nik = nik; }
    }

    SponsorForm withBlankHeirRows() {
        while (heirs.size() < HEIR_ROWS) heirs.add(new HeirRow());
        return this;
    }

    Proposal toProposal() {
        Application worker = "NEW".equalsIgnoreCase(mode)
                ? new Application(nik, name, birthDate, sex, address, villageCode, phone, occupationCode, incomeLevelCode,
                heirs.stream().map(h -> new HeirDetails(h.getName(), h.getRelationship(), h.getNik())).toList())
                : null;
        return new Proposal(mode, nik, worker, relationship, firstPeriod);
    }

    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getNik() { return nik; }
    public void setNik(String nik) { this.nik = nik; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getFirstPeriod() { return firstPeriod; }
    public void setFirstPeriod(String firstPeriod) { this.firstPeriod = firstPeriod; }
    public String getConsentSha256() { return consentSha256; }
    public void setConsentSha256(String consentSha256) { this.consentSha256 = consentSha256; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getVillageCode() { return villageCode; }
    public void setVillageCode(String villageCode) { this.villageCode = villageCode; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getOccupationCode() { return occupationCode; }
    public void setOccupationCode(String occupationCode) { this.occupationCode = occupationCode; }
    public String getIncomeLevelCode() { return incomeLevelCode; }
    public void setIncomeLevelCode(String incomeLevelCode) { this.incomeLevelCode = incomeLevelCode; }
    public List<HeirRow> getHeirs() { return heirs; }
    public void setHeirs(List<HeirRow> heirs) { this.heirs = heirs; }
}
