/**
 * Plumbing every module stands on: the tenant a transaction runs for, who is acting, audit of writes,
 * problem details for bad input, security and the web shell. Holds no domain rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package id.payung.platform;
