/**
 * End-to-end suite: Payung as a user meets it. Payung runs on port 18080 with the {@code demo} profile
 * (real sign-in) on a throw-away embedded PostgreSQL; people sign in on the real Keycloak of
 * {@code infra/keycloak} (started through {@code start-dev.sh} if it is not running) in a headless
 * Debian Chromium driven by Selenium through {@code /usr/bin/chromedriver}.
 *
 * <p>Runs in the normal build ({@code ./mvnw verify}); alone:
 * {@code ./mvnw -pl app -am test -Dtest='*EndToEnd*' -Dsurefire.failIfNoSpecifiedTests=false}.
 * Browser classes are skipped, with a loud message, only when {@code /usr/bin/chromium} or
 * {@code /usr/bin/chromedriver} is missing ({@code apt-get install -y chromium chromium-driver}).
 * On a failure the screenshot, page source and URL are written to {@code app/target/e2e/}.
 *
 * <p>The dev realm lists {@code http://127.0.0.1:18080/*} and {@code http://localhost:18080/*} as redirect and
 * post-logout URIs of {@code payung-web} ({@code infra/keycloak/dev/build-dev-realm.py}). A Keycloak already
 * running from an older dev realm gets them added at run time through the dev bootstrap admin (logged loudly).
 */
package id.payung.e2e;
