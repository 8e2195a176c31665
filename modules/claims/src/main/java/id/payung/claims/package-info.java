/**
 * JKM and JKK claims: report, documents, eligibility at the incident date, benefits from dated rule
 * tables, decision and payment. Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claims")
package id.payung.claims;
