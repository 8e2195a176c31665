package id.payung.claims;

/** The lasting result of a work accident as BPJS assesses it: none, partial (a table percentage) or total permanent. */
public enum Disability { NONE, PARTIAL, TOTAL }
