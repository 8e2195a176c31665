/**
 * Workers (NIK, person data, occupation, declared income level, village), their heirs and their
 * registration lifecycle: registered, verified with a KPJ, active, inactive or ended; and the national
 * one-membership rule (ADR 0006). Built so far: single registration, lists, the worker page, the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrollment")
package id.payung.enrollment;
