package id.payung.sponsorship;

/**
 * The columns a deduction list export can have, in the default order, with the default header the finance
 * agency (BPKAD) sees. A pemda chooses, orders and renames them ({@link CycleSettings}).
 */
public enum DeductionColumn {
    NOMOR("No"),
    NIP("NIP"),
    NAMA("Nama"),
    KODE_OPD("Kode OPD"),
    NAMA_OPD("OPD"),
    PERIODE("Periode"),
    JUMLAH_PEKERJA("Jumlah Pekerja"),
    JUMLAH_POTONGAN("Jumlah Potongan (Rp)"),
    KETERANGAN("Keterangan");

    private final String defaultHeader;

    DeductionColumn(String defaultHeader) {
        this.defaultHeader = defaultHeader;
    }

    public String defaultHeader() {
        return defaultHeader;
    }
}
