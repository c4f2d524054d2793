package io.cloudexchange.core.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The baseline audit: every authenticated POST, PUT, PATCH or DELETE under {@code /api/} that recorded no
 * entry of its own is recorded with actor, method and path, and status. Runs inside the security filter
 * chain's dispatch, so refused requests (401, 403) never reach it.
 */
@Component
class MutatingRequestAudit extends OncePerRequestFilter {

    private static final Map<String, AuditAction> ACTIONS = Map.of(
            "POST", AuditAction.CREATE, "PUT", AuditAction.UPDATE, "PATCH", AuditAction.UPDATE, "DELETE", AuditAction.DELETE);

    private final AuditLog auditLog;

    MutatingRequestAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ACTIONS.containsKey(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(AuditLog.RECORDED) == null) {
                AuditLog.currentActor().ifPresent(actor -> auditLog.recordRequest(actor, ACTIONS.get(request.getMethod()),
                        request.getMethod() + " " + request.getRequestURI(), response.getStatus()));
            }
        }
    }
}
