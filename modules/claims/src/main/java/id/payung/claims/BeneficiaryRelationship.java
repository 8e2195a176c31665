package id.payung.claims;

/** Who receives the money: the worker himself (accident) or an heir (death), in DOMAIN.md's order of heirs. */
public enum BeneficiaryRelationship { SELF, SPOUSE, CHILD, PARENT, SIBLING, IN_LAW, OTHER }
