package id.payung.platform.persistence;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail.AuditEntry;
import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.payung.platform.persistence.jooq.Tables.AUDIT_EVENT;

@Repository
public class AuditEvents {

    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditEvents(DSLContext db) {
        this.db = db;
    }

    public void append(TenantId tenant, Actor actor, String action, String subjectType, String subjectId,
                       Map<String, ?> details) {
        Map<String, String> flat = new LinkedHashMap<>();
        details.forEach((k, v) -> flat.put(k, String.valueOf(v)));
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.TENANT_ID, tenant.value())
                .set(AUDIT_EVENT.ACTOR_SUBJECT, actor.subject())
                .set(AUDIT_EVENT.ACTOR_NAME, actor.displayName())
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.SUBJECT_TYPE, subjectType)
                .set(AUDIT_EVENT.SUBJECT_ID, subjectId)
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(json.writeValueAsString(flat)))
                .execute();
    }

    public List<AuditEntry> about(String subjectType, String subjectId) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.SUBJECT_TYPE.eq(subjectType), AUDIT_EVENT.SUBJECT_ID.eq(subjectId))
                .orderBy(AUDIT_EVENT.AUDIT_EVENT_ID.desc())
                .limit(200)
                .fetch(this::toEntry);
    }

    public List<AuditEntry> recent(int limit) {
        return db.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.AUDIT_EVENT_ID.desc()).limit(limit).fetch(this::toEntry);
    }

    private AuditEntry toEntry(org.jooq.Record record) {
        var r = record.into(AUDIT_EVENT);
        return new AuditEntry(r.getOccurredAt(), r.getActorName(), r.getAction(), r.getSubjectType(), r.getSubjectId(),
                json.readValue(r.getDetails().data(), DETAILS));
    }
}
