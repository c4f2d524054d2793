package io.cloudexchange.gateway.shell;

import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * How every page reacts to core-service errors it did not handle itself: an expired login goes back to the login
 * page, a pending password change to the change-password page, a refusal to a "no permission" page inside the
 * navigation, anything else to a short error page.
 */
@ControllerAdvice
class CoreErrorAdvice {

    static final String NO_PERMISSION = "You do not have permission";

    private final Navigation navigation;

    CoreErrorAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ExceptionHandler(CoreException.class)
    String coreError(CoreException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (ex.isUnauthorized()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return navigate("/login?expired", request, response);
        }
        if (ex.isPasswordChangeRequired()) {
            return navigate("/change-password", request, response);
        }
        if (ex.status() == HttpServletResponse.SC_FORBIDDEN) {
            return forbidden(request, response, model);
        }
        return errorPage(ex.status(), ex.userMessage(), request, response, model);
    }

    @ExceptionHandler(CoreUnavailableException.class)
    String coreUnavailable(HttpServletRequest request, HttpServletResponse response, Model model) {
        return errorPage(HttpServletResponse.SC_BAD_GATEWAY, CoreUnavailableException.MESSAGE, request, response,
                model);
    }

    /** Core refused what the user's roles do not allow: said inside the navigation shell, not as a failure. */
    private String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getHeader("HX-Request") != null) {
            return errorPage(HttpServletResponse.SC_FORBIDDEN, NO_PERMISSION, request, response, model);
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        navigation.addTo(model);
        model.addAttribute("message", NO_PERMISSION);
        return "forbidden";
    }

    /** For an htmx request only the message, shown on top of the current page's content. */
    private static String errorPage(int status, String message, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("message", message);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "main");
            response.setHeader("HX-Reswap", "afterbegin");
            return "error-page :: message";
        }
        return "error-page";
    }

    /** htmx follows redirects inside its XHR, so it is told to navigate the whole page instead. */
    private static String navigate(String location, HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", location);
            return "empty";
        }
        return "redirect:" + location;
    }
}
