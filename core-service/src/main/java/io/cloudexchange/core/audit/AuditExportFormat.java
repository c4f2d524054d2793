package io.cloudexchange.core.audit;

/** The formats of {@code GET /api/audit/export}. */
enum AuditExportFormat {
    CSV, JSON
}
