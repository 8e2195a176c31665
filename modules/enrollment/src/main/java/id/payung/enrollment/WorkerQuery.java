package id.payung.enrollment;

/** Filters of the worker list; blank ones are ignored. */
public record WorkerQuery(String name, String kpj, String villageCode, String occupationCode, String status) {

    public static WorkerQuery all() {
        return new WorkerQuery(null, null, null, null, null);
    }
}
