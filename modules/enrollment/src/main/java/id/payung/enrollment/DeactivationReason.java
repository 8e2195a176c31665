package id.payung.enrollment;

/** Why a worker is made inactive or ended. LAINNYA needs a note saying what. */
public enum DeactivationReason { MENINGGAL, PINDAH_DOMISILI, BERHENTI_BEKERJA, PERMINTAAN_SENDIRI, LAINNYA }
