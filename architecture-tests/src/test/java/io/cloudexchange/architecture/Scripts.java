package io.cloudexchange.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's operational scripts the way CI does: from the project root, without a terminal. */
final class Scripts {

    private Scripts() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path root, List<String> command, Map<String, String> extraEnv, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("script", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("CI", "true");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("CE_DATA_DIR");
        env.remove("CE_CONFIG_FILE");
        env.putAll(extraEnv);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
