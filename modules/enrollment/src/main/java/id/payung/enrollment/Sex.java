package id.payung.enrollment;

/** Sex as the NIK records it (women's birth day +40). */
public enum Sex { MALE, FEMALE }
