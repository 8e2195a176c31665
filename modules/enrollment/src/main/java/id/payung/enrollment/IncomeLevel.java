package id.payung.enrollment;

/** A declared income level of Lampiran II PP 44/2015, in whole Rupiah, with its monthly JKK premium. */
public record IncomeLevel(String code, long income, long jkkPremium) {
}
