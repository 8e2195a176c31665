package id.payung.enrollment;

/** An occupation of the maintained list; transport-sector ones get the PP 50/2025 discount from January 2026. */
public record Occupation(String code, String nameId, String nameEn, boolean transportSector) {
}
