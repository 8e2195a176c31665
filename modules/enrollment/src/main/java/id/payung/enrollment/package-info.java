/**
 * Workers (NIK, person data, occupation, declared income level, village), their heirs and their
 * registration lifecycle: registered, verified with a KPJ, active, inactive or ended. Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrollment")
package id.payung.enrollment;
