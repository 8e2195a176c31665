package id.payung.platform;

import java.util.Optional;

/** Resolves the actor of the work running on this thread (the signed-in user, or the system). */
public interface CurrentActor {

    /** The actor, or a refusal ({@code 403 forbidden}) when nobody is signed in. */
    default Actor get() {
        return find().orElseThrow(() -> new DomainProblem(PlatformProblem.FORBIDDEN));
    }

    /** The actor, if anybody is signed in. */
    Optional<Actor> find();
}
