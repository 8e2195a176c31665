package id.payung.tenancy;

/** A suspended pemda keeps its data readable but accepts no writes until reactivated. */
public enum TenantStatus {
    ACTIVE, SUSPENDED
}
