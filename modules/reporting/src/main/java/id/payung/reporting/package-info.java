/**
 * Read models fed by the other modules' events: coverage against target and potential, breakdowns,
 * trends, claims and exports. Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package id.payung.reporting;
