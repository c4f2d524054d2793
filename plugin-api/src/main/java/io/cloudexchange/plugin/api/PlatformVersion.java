package io.cloudexchange.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (major.minor.patch, optional pre-release suffix ignored for ordering). */
public record PlatformVersion(int major, int minor, int patch) implements Comparable<PlatformVersion> {

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+][0-9A-Za-z.-]+)?");

    public PlatformVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative");
        }
    }

    /** Parses {@code 1.2.3} (a {@code -SNAPSHOT} style suffix is accepted and ignored). */
    public static PlatformVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("version is missing");
        }
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version like 1.2.3");
        }
        return new PlatformVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public static boolean isValid(String text) {
        return text != null && SEMVER.matcher(text.trim()).matches();
    }

    /** The version of the platform this plugin API was built for. */
    public static PlatformVersion current() {
        try (InputStream in = PlatformVersion.class.getResourceAsStream("platform.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return parse(props.getProperty("platform.version", "0.0.0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int compareTo(PlatformVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
