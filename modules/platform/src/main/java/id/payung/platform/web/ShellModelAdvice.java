package id.payung.platform.web;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's shell needs: whether to warn that sign-in is switched off. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final boolean developerAccess;

    ShellModelAdvice(Environment environment) {
        this.developerAccess = environment.acceptsProfiles(Profiles.of("dev-no-auth"));
    }

    @ModelAttribute("developerAccess")
    boolean developerAccess() {
        return developerAccess;
    }
}
