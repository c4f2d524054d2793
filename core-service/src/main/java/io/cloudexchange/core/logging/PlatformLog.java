package io.cloudexchange.core.logging;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the platform log: every entry goes to MongoDB (for the Logging page and API) and to SLF4J
 * (for the process log under {@code data/logs}). A failure to store an entry never breaks the caller.
 */
@Service
public class PlatformLog {

    public static final String PLATFORM_SOURCE = "platform";
    private static final Logger log = LoggerFactory.getLogger(PlatformLog.class);
    private static final int MAX_DETAILS = 8_000;

    private final PlatformLogRepository repository;
    private final Clock clock;

    public PlatformLog(PlatformLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public static String configurationSource(String configurationId) {
        return "configuration:" + configurationId;
    }

    public void write(LogLevel level, String source, String errorCode, String message, String details) {
        String line = (errorCode == null ? "" : "[" + errorCode + "] ") + source + ": " + message;
        switch (level) {
            case DEBUG -> log.debug(line);
            case INFO -> log.info(line);
            case WARN -> log.warn(line);
            case ERROR -> log.error(line);
        }
        if (level == LogLevel.DEBUG) {
            return;
        }
        try {
            String shortDetails = details != null && details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
            repository.save(new PlatformLogEntry(null, clock.instant(), level, source, errorCode, message, shortDetails));
        } catch (RuntimeException e) {
            log.warn("Could not store platform log entry: {}", e.toString());
        }
    }

    public void info(String source, String message) {
        write(LogLevel.INFO, source, null, message, null);
    }

    public void warn(String source, String errorCode, String message) {
        write(LogLevel.WARN, source, errorCode, message, null);
    }

    public void error(String source, String errorCode, String message, Throwable cause) {
        write(LogLevel.ERROR, source, errorCode, message, cause == null ? null : cause.toString());
    }
}
