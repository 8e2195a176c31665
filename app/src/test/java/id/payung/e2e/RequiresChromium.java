package id.payung.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Browser tests need Debian's Chromium and its chromedriver ({@code apt-get install -y chromium chromium-driver}).
 * Without them the browser classes are skipped, and the build log says so loudly; nothing else skips them.
 */
final class RequiresChromium implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(CHROMIUM)) missing.append(' ').append(CHROMIUM);
        if (!Files.isExecutable(CHROMEDRIVER)) missing.append(' ').append(CHROMEDRIVER);
        if (missing.isEmpty()) return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        String reason = "END-TO-END BROWSER TESTS SKIPPED: missing" + missing
                + " (install with: apt-get install -y chromium chromium-driver)";
        System.err.println("\n" + "!".repeat(100) + "\n!!! " + reason + "\n!!! skipped: "
                + context.getDisplayName() + "\n" + "!".repeat(100) + "\n");
        return ConditionEvaluationResult.disabled(reason);
    }
}
