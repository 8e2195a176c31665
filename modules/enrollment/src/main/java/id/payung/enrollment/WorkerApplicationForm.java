package id.payung.enrollment;

import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker's registration as a page form posts it (mutable for data binding; heirs as rows heirs[i].name
 * etc.): the bindable twin of {@link WorkerRegistration.Application}. Published so that another module's
 * page that registers a worker on the way (an ASN sponsoring a new worker) binds the same fields.
 */
public class WorkerApplicationForm {

    public static final int HEIR_ROWS = 3;

    private String nik = "";
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

    /** At least {@value #HEIR_ROWS} heir rows to fill in, plus those posted. */
    public WorkerApplicationForm withBlankHeirRows() {
        while (heirs.size() < HEIR_ROWS) heirs.add(new HeirRow());
        return this;
    }

    public Application toApplication() {
        return new Application(nik, name, birthDate, sex, address, villageCode, phone, occupationCode, incomeLevelCode,
                heirs.stream().map(h -> new HeirDetails(h.getName(), h.getRelationship(), h.getNik())).toList());
    }

    public String getNik() { return nik; }
    public void setNik(String nik) { this.nik = nik; }
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
    public void setHeirs(List<HeirRow> heirs) { this.heirs = heirs == null ? new ArrayList<>() : heirs; }

    @Override
    public String toString() {
        return "WorkerForm[heirs=" + heirs.size() + "]";
    }
}
