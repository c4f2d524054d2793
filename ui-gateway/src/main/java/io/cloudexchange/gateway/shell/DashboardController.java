package io.cloudexchange.gateway.shell;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@ShellPage
class DashboardController {

    @GetMapping("/")
    String dashboard() {
        return "dashboard";
    }
}
