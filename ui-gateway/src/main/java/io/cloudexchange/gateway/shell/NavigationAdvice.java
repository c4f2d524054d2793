package io.cloudexchange.gateway.shell;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Supplies the navigation shell to every {@link ShellPage}. */
@ControllerAdvice(annotations = ShellPage.class)
class NavigationAdvice {

    private final Navigation navigation;

    NavigationAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute
    void navigation(Model model) {
        navigation.addTo(model);
    }
}
