package id.payung.tenancy;

/** The three kinds of pemda; which one follows from the region code. */
public enum TenantKind {
    PROVINSI, KABUPATEN, KOTA
}
