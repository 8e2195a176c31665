package id.payung.enrollment;

/** How an heir (ahli waris) is related to the worker. */
public enum HeirRelationship { SPOUSE, CHILD, PARENT, SIBLING, IN_LAW, OTHER }
