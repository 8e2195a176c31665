package id.payung.tenancy;

import id.payung.platform.RegionCode;

/** An entry of the Kemendagri region reference data. */
public record Region(RegionCode code, RegionCode.Level level, String name) {
}
