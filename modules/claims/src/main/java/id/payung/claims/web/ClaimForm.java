package id.payung.claims.web;

import id.payung.claims.ClaimFiling.BeneficiaryDetails;
import id.payung.claims.ClaimFiling.ChildDetails;
import id.payung.claims.ClaimFiling.Report;

import java.util.ArrayList;
import java.util.List;

/** The report form as posted (mutable for data binding); rows beneficiaries[i].name, children[i].birthDate etc. */
public class ClaimForm {

    static final int BENEFICIARY_ROWS = 3;
    static final int CHILD_ROWS = 2;

    private String workerId = "";
    private String kind = "";
    private String incidentDate = "";
    private String incidentTime = "";
    private String incidentPlace = "";
    private String description = "";
    private boolean trafficAccident;
    private List<BeneficiaryRow> beneficiaries = new ArrayList<>();
    private List<ChildRow> children = new ArrayList<>();

    public static class BeneficiaryRow {
        private String name = "";
        private String relationship = "";
        private String nik = "";
        private String bankName = "";
        private String accountNumber = "";

        public BeneficiaryRow() {
        }

        BeneficiaryRow(String name, String relationship, String nik) {
            this.name = name;
            this.relationship = relationship;
            this.nik = nik;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String relationship) { this.relationship = relationship; }
        public String getNik() { return nik; }
        public void setNik(String nik) { this.nik = nik; }
        public String getBankName() { return bankName; }
        public void setBankName(String bankName) { this.bankName = bankName; }
        public String getAccountNumber() { return accountNumber; }
        public void setAccountNumber(String accountNumber) { this.accountNumber = accountNumber; }
    }

    public static class ChildRow {
        private String name = "";
        private String nik = "";
        private String birthDate = "";
        private String schoolLevel = "";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNik() { return nik; }
        public void setNik(String nik) { this.nik = nik; }
        public String getBirthDate() { return birthDate; }
        public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
        public String getSchoolLevel() { return schoolLevel; }
        public void setSchoolLevel(String schoolLevel) { this.schoolLevel = schoolLevel; }
    }

    ClaimForm withBlankRows() {
        while (beneficiaries.size() < BENEFICIARY_ROWS) beneficiaries.add(new BeneficiaryRow());
        while (children.size() < CHILD_ROWS) children.add(new ChildRow());
        return this;
    }

    Report toReport() {
        return new Report(workerId, kind, incidentDate, incidentTime, incidentPlace, description, trafficAccident,
                beneficiaries.stream().map(b -> new BeneficiaryDetails(b.getName(), b.getRelationship(), b.getNik(),
                        b.getBankName(), b.getAccountNumber())).toList(),
                children.stream().map(c -> new ChildDetails(c.getName(), c.getNik(), c.getBirthDate(), c.getSchoolLevel())).toList());
    }

    public String getWorkerId() { return workerId; }
    public void setWorkerId(String workerId) { this.workerId = workerId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getIncidentDate() { return incidentDate; }
    public void setIncidentDate(String incidentDate) { this.incidentDate = incidentDate; }
    public String getIncidentTime() { return incidentTime; }
    public void setIncidentTime(String incidentTime) { this.incidentTime = incidentTime; }
    public String getIncidentPlace() { return incidentPlace; }
    public void setIncidentPlace(String incidentPlace) { this.incidentPlace = incidentPlace; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isTrafficAccident() { return trafficAccident; }
    public void setTrafficAccident(boolean trafficAccident) { this.trafficAccident = trafficAccident; }
    public List<BeneficiaryRow> getBeneficiaries() { return beneficiaries; }
    public void setBeneficiaries(List<BeneficiaryRow> beneficiaries) { this.beneficiaries = beneficiaries == null ? new ArrayList<>() : beneficiaries; }
    public List<ChildRow> getChildren() { return children; }
    public void setChildren(List<ChildRow> children) { this.children = children == null ? new ArrayList<>() : children; }

    @Override
    public String toString() {
        return "ClaimForm[" + kind + "]";
    }
}
