package io.cloudexchange.netskope.simulator.dataexport;

import java.util.SplittableRandom;

/**
 * Writes the n-th record of a type as a tenant would export it. A record depends only on the seed,
 * the type and n, so every read of the same position returns the same bytes.
 */
final class RecordGenerator {

    private static final String[] USERS = {"alice@acme.example", "bob@acme.example", "carol@acme.example",
            "dave@acme.example", "erin@acme.example", "frank@acme.example", "grace@acme.example",
            "heidi@acme.example", "ivan@acme.example", "judy@acme.example", "mallory@acme.example",
            "zoë.müller@acme.example"};
    private static final String[][] APPS = {{"Box", "Cloud Storage"}, {"Dropbox", "Cloud Storage"},
            {"Google Drive", "Cloud Storage"}, {"Microsoft Office 365 OneDrive for Business", "Cloud Storage"},
            {"Slack", "Collaboration"}, {"GitHub", "Development Tools"}, {"Salesforce", "CRM"},
            {"ChatGPT", "Generative AI"}, {"WeTransfer", "Cloud Storage"}, {"Gmail", "Webmail"}};
    private static final String[] HOSTS = {"files.example.com", "cdn.example.net", "login.example.org",
            "malware-drop.example.biz", "update.example.io", "docs.example.com"};
    private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};
    private static final String[] ACTIONS = {"alert", "block", "allow", "useralert"};
    private static final String[] ACCESS_METHODS = {"Client", "Reverse Proxy", "API Connector", "IPSec", "GRE"};
    private static final String[] OSES = {"Windows 11", "macOS 15", "Ubuntu 24.04", "iOS 18", "Android 15"};
    private static final String[] BROWSERS = {"Chrome", "Edge", "Firefox", "Safari", "Native"};
    private static final String[] LOCATIONS = {"Dublin", "Frankfurt", "San Jose", "Tokyo", "São Paulo"};
    private static final String[] ACTIVITIES = {"Upload", "Download", "Login Successful", "Share", "Edit", "Delete"};
    private static final String[] MALWARE = {"Trojan.GenericKD", "Ransom.LockBit", "Backdoor.Agent", "Worm.Mydoom"};

    private final long seed;

    RecordGenerator(long seed) {
        this.seed = seed;
    }

    void write(Utf8Text out, DataType type, long n, long timestampSeconds) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(type.ordinal() + 1L) ^ mix(n * 0x9E37L + 7)));
        String user = pick(random, USERS);
        String[] app = APPS[random.nextInt(APPS.length)];
        String host = pick(random, HOSTS);
        RecordWriter record = new RecordWriter(out)
                .string("_id", id(type, n))
                .number("timestamp", timestampSeconds)
                .string("type", type.family() == DataType.Family.ALERTS ? alertRecordType(type) : type.label())
                .string("access_method", pick(random, ACCESS_METHODS))
                .string("user", user)
                .string("ur_normalized", user)
                .string("userkey", user)
                .string("app", app[0])
                .string("appcategory", app[1])
                .string("category", app[1])
                .number("cci", 10 + random.nextInt(90))
                .string("ccl", pick(random, new String[] {"low", "medium", "high", "excellent"}))
                .string("srcip", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)))
                .string("dstip", (11 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256)
                        + "." + (1 + random.nextInt(254)))
                .string("src_location", pick(random, LOCATIONS))
                .string("dst_location", pick(random, LOCATIONS))
                .string("hostname", host)
                .string("site", app[0])
                .string("url", "https://" + host + "/path/" + Long.toHexString(random.nextLong() & 0xffffffL))
                .string("os", pick(random, OSES))
                .string("browser", pick(random, BROWSERS))
                .string("device", "Windows Device")
                .string("organization_unit", "acme/engineering")
                .string("traffic_type", "CloudApp")
                .unsignedId("transaction_id", random.nextLong() | Long.MIN_VALUE)
                .number("_insertion_epoch_timestamp", timestampSeconds + 1 + random.nextInt(30));
        if (type.family() == DataType.Family.ALERTS) {
            record.string("alert", "yes")
                    .string("alert_type", type.label())
                    .string("alert_name", alertName(type, random))
                    .string("severity", pick(random, SEVERITIES))
                    .string("policy", "Policy " + (1 + random.nextInt(20)))
                    .string("action", pick(random, ACTIONS))
                    .string("acked", "false");
        } else {
            record.string("activity", pick(random, ACTIVITIES));
        }
        typeSpecific(record, type, random, host);
        record.end();
    }

    private static void typeSpecific(RecordWriter record, DataType type, SplittableRandom random, String host) {
        switch (type) {
            case MALWARE -> record.string("md5", hex(random, 32)).string("sha256", hex(random, 64))
                    .string("malware_name", pick(random, MALWARE)).string("malware_type", "Trojan")
                    .string("file_name", "invoice-" + random.nextInt(1000) + ".exe")
                    .number("file_size", 1024 + random.nextInt(5_000_000));
            case MALSITE -> record.string("malsite_category", pick(random, new String[] {"Phishing", "Malware", "Botnet"}))
                    .string("malsite_id", hex(random, 16));
            case DLP -> record.string("dlp_profile", "PCI-DSS").string("dlp_rule", "Credit card numbers")
                    .string("dlp_rule_severity", pick(random, SEVERITIES))
                    .unsignedId("dlp_incident_id", random.nextLong() | Long.MIN_VALUE)
                    .string("file_name", "customers-" + random.nextInt(100) + ".xlsx");
            case COMPROMISED_CREDENTIAL -> record.string("breach_id", hex(random, 24))
                    .string("breach_date", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10))
                    .string("matched_username", "user" + random.nextInt(500))
                    .number("breach_score", random.nextInt(100));
            case UBA -> record.number("ubaScore", random.nextInt(1000))
                    .string("uba_inst_type", pick(random, new String[] {"Bulk download", "Impossible travel", "Rare app"}));
            case SECURITY_ASSESSMENT -> record.string("sa_rule_name", "Storage bucket is public")
                    .string("sa_profile_name", "CIS AWS").string("compliance_standards", "CIS");
            case ANOMALY -> record.string("anomaly_type", "Unusual data upload").string("risk_level", pick(random, SEVERITIES));
            case IPS, CTEP -> record.string("signature", "ET TROJAN Suspicious beacon " + random.nextInt(9999))
                    .string("threat_name", pick(random, MALWARE));
            case C2 -> record.string("c2_category", "Command and Control").number("beacon_interval", 30 + random.nextInt(600));
            case NETWORK -> record.unsignedId("network_session_id", random.nextLong() | Long.MIN_VALUE)
                    .string("protocol", pick(random, new String[] {"TCP", "UDP"}))
                    .number("dstport", pick(random, new int[] {22, 53, 443, 3389, 8080}))
                    .number("numbytes", random.nextInt(10_000_000));
            case PAGE -> record.number("numbytes", random.nextInt(10_000_000)).number("client_bytes", random.nextInt(1_000_000))
                    .string("page", "https://" + host + "/");
            case AUDIT -> record.string("audit_log_event", "Admin login succeeded")
                    .string("supporting_data", "{\"ip\":\"10.0.0.1\"}").string("severity_level", "2");
            case INCIDENT -> record.unsignedId("incident_id", random.nextLong() | Long.MIN_VALUE)
                    .string("status", pick(random, new String[] {"new", "in_progress", "closed"}))
                    .string("object", "customers.xlsx");
            case ENDPOINT -> record.string("device_name", "LAPTOP-" + random.nextInt(9999))
                    .string("event_type", "USB device connected");
            case INFRASTRUCTURE -> record.string("alarm_name", "Publisher disconnected")
                    .string("device_name", "publisher-" + random.nextInt(9));
            default -> record.string("object", "document-" + random.nextInt(1000) + ".docx");
        }
    }

    private static String alertRecordType(DataType type) {
        return switch (type) {
            case POLICY, DLP, MALSITE, WATCHLIST, QUARANTINE -> "nspolicy";
            case UBA, ANOMALY -> "anomaly";
            default -> "connection";
        };
    }

    private static String alertName(DataType type, SplittableRandom random) {
        return type.label() + " alert " + (1 + random.nextInt(50));
    }

    /** Unique per seed, type and position: 8 hex digits of the stream, then 16 of the position. */
    private String id(DataType type, long n) {
        String stream = Long.toHexString(mix(seed ^ (type.ordinal() + 1L)) | 0x8000_0000L);
        String position = Long.toHexString(n);
        return stream.substring(stream.length() - 8) + "0".repeat(16 - position.length()) + position;
    }

    private static String hex(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = Character.forDigit(random.nextInt(16), 16);
        }
        return new String(chars);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int pick(SplittableRandom random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
