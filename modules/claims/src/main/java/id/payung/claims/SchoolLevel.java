package id.payung.claims;

/** School levels of the scholarship table: kindergarten, primary, junior and senior secondary, university or training. */
public enum SchoolLevel { TK, SD, SMP, SMA, PT }
