/** The web shell shared by every module's pages: form problem rendering, the home page. */
@org.springframework.modulith.NamedInterface("web")
package id.payung.platform.web;
