package id.payung.platform;

/** A signed-in principal (browser session or API token) that knows the Payung actor it stands for. */
public interface ActorPrincipal {

    Actor actor();
}
