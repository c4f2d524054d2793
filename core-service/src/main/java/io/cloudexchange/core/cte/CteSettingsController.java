package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Threat Exchange settings: reconciliation policy, aging per source, retraction. */
@RestController
@RequestMapping("/api/cte/settings")
@Tag(name = "Threat Exchange")
class CteSettingsController {

    private final CteSettingsStore settings;
    private final AuditLog audit;

    CteSettingsController(CteSettingsStore settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The Threat Exchange settings")
    CteSettings get() {
        return settings.current();
    }

    @PutMapping
    @Operation(summary = "Replace the Threat Exchange settings")
    CteSettings put(@RequestBody CteSettings request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.defaultAgingDays() > CteSettings.MAX_AGING_DAYS) {
            errors.put("defaultAgingDays", "1 to " + CteSettings.MAX_AGING_DAYS + " days");
        }
        request.agingDaysByConfiguration().forEach((id, days) -> {
            if (days == null || days < 1 || days > CteSettings.MAX_AGING_DAYS) {
                errors.put("agingDaysByConfiguration." + id, "1 to " + CteSettings.MAX_AGING_DAYS + " days");
            }
        });
        if (request.retractionIntervalMinutes() > 7 * 24 * 60) {
            errors.put("retractionIntervalMinutes", "1 to 10080 minutes");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        CteSettings before = settings.current();
        CteSettings saved = settings.save(request);
        audit.record(AuditAction.UPDATE, "cte_settings", CteSettings.ID, AuditChanges.of()
                .field("reconciliationPolicy", before.reconciliationPolicy(), saved.reconciliationPolicy())
                .field("defaultAgingDays", before.defaultAgingDays(), saved.defaultAgingDays())
                .fields("agingDaysByConfiguration", before.agingDaysByConfiguration(), saved.agingDaysByConfiguration())
                .field("retractionEnabled", before.retractionEnabled(), saved.retractionEnabled())
                .field("retractionIntervalMinutes", before.retractionIntervalMinutes(), saved.retractionIntervalMinutes()));
        return saved;
    }
}
