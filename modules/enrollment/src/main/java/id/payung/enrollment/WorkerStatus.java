package id.payung.enrollment;

/** A worker's registration lifecycle: registered, verified with a KPJ, active once paid, inactive or ended. */
public enum WorkerStatus { REGISTERED, VERIFIED, ACTIVE, INACTIVE, ENDED }
