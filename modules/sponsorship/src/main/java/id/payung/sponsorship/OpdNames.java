package id.payung.sponsorship;

import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The pemda's OPDs by id, inactive ones included (an old list may name an OPD since closed). */
@Component
class OpdNames {

    private final OpdRegistry opds;

    OpdNames(OpdRegistry opds) {
        this.opds = opds;
    }

    Map<UUID, Opd> of(TenantId tenant) {
        Map<UUID, Opd> byId = new HashMap<>();
        int page = 0;
        while (true) {
            var result = opds.list(tenant, null, true, new PageRequest(page, PageRequest.MAX_SIZE));
            result.items().forEach(o -> byId.put(o.id().value(), o));
            if (!result.hasNext()) return byId;
            page++;
        }
    }

    static String name(Map<UUID, Opd> byId, UUID id) {
        Opd opd = byId.get(id);
        return opd == null ? String.valueOf(id) : opd.name();
    }

    static String code(Map<UUID, Opd> byId, UUID id) {
        Opd opd = byId.get(id);
        return opd == null ? "" : opd.code();
    }

    static OpdId idOf(UUID id) {
        return new OpdId(id);
    }
}
