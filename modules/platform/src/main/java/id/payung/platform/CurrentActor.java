package id.payung.platform;

/** Resolves the actor of the work running on this thread (the signed-in user, or the system). */
public interface CurrentActor {

    Actor get();
}
