/**
 * JKM and JKK claims: report (with heirs, bank accounts and documents), eligibility at the incident date
 * from sponsorship's paid months, benefits line by line from dated rule tables, BPJS's queue, decision
 * and payment (at most once) within 7 working days of complete documents. Services: {@link
 * id.payung.claims.ClaimFiling}, {@link id.payung.claims.ClaimHandling}, {@link id.payung.claims.ClaimViews};
 * for other modules {@link id.payung.claims.ClaimFacts} and the events of {@link id.payung.claims.ClaimsEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claims")
package id.payung.claims;
