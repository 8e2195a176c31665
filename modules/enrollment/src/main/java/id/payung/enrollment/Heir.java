package id.payung.enrollment;

/** An heir (ahli waris) a worker names, in the order given. */
public record Heir(int position, String name, HeirRelationship relationship, String nik) {

    public String maskedNik() {
        return Nik.masked(nik);
    }

    @Override
    public String toString() {
        return "Heir[" + position + ", " + relationship + "]";
    }
}
