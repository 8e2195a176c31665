/**
 * Workers (NIK, person data, occupation, declared income level, village), their heirs and their
 * registration lifecycle: registered, verified with a KPJ, active, inactive or ended; and the national
 * one-membership rule (ADR 0006). Built so far: single registration, lists, the worker page, the API;
 * the lifecycle ({@link id.payung.enrollment.WorkerLifecycle}: verification with a KPJ, deactivation and
 * end, the BPJS lookup of where a NIK is registered) and verification by batch with BPJS
 * ({@link id.payung.enrollment.VerificationBatches}). ACTIVE waits for the sponsorship module's
 * ContributionPaid event (see WorkerLifecycle).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrollment")
package id.payung.enrollment;
