/**
 * Read models fed by the other modules' events: coverage against target and potential, breakdowns by
 * area, occupation, funding program and OPD, trends, money and claims; dashboards for each role, exports
 * and the rebuild (ADR 0011). Reads no other module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package id.payung.reporting;
