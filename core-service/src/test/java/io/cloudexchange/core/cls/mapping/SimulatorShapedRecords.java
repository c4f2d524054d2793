package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.netskope.simulator.dataexport.DataType;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records with the fields and value types the Netskope simulator exports (see its RecordGenerator). */
final class SimulatorShapedRecords {

    private SimulatorShapedRecords() {
    }

    static LogType logType(DataType type) {
        return type.family() == DataType.Family.ALERTS ? LogType.ALERT : LogType.EVENT;
    }

    static Map<String, Object> record(DataType type) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("_id", "8f3a2b1c0000000000000001");
        r.put("timestamp", 1_764_410_877L);
        r.put("type", type.family() == DataType.Family.ALERTS ? "nspolicy" : type.label());
        r.put("access_method", "Client");
        r.put("user", "zoë.müller@acme.example");
        r.put("ur_normalized", "zoë.müller@acme.example");
        r.put("userkey", "zoë.müller@acme.example");
        r.put("app", "Google Drive");
        r.put("appcategory", "Cloud Storage");
        r.put("category", "Cloud Storage");
        r.put("cci", 77L);
        r.put("ccl", "high");
        r.put("srcip", "10.1.2.3");
        r.put("dstip", "142.250.74.46");
        r.put("src_location", "São Paulo");
        r.put("dst_location", "Dublin");
        r.put("hostname", "files.example.com");
        r.put("site", "Google Drive");
        r.put("url", "https://files.example.com/path/a1b2c3");
        r.put("os", "Windows 11");
        r.put("browser", "Chrome");
        r.put("device", "Windows Device");
        r.put("organization_unit", "acme/engineering");
        r.put("traffic_type", "CloudApp");
        r.put("transaction_id", "9223372036854775809");
        r.put("_insertion_epoch_timestamp", 1_764_410_880L);
        if (type.family() == DataType.Family.ALERTS) {
            r.put("alert", "yes");
            r.put("alert_type", type.label());
            r.put("alert_name", type.label() + " alert 7");
            r.put("severity", "high");
            r.put("policy", "Policy 3");
            r.put("action", "block");
            r.put("acked", "false");
        } else {
            r.put("activity", "Upload");
        }
        switch (type) {
            case MALWARE -> {
                r.put("md5", "0123456789abcdef0123456789abcdef");
                r.put("sha256", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                r.put("malware_name", "Trojan.GenericKD");
                r.put("malware_type", "Trojan");
                r.put("file_name", "invoice-12.exe");
                r.put("file_size", 123_456L);
            }
            case DLP -> {
                r.put("dlp_profile", "PCI-DSS");
                r.put("dlp_rule", "Credit card numbers");
                r.put("dlp_rule_severity", "high");
                r.put("dlp_incident_id", "9223372036854775999");
                r.put("file_name", "customers-1.xlsx");
            }
            case NETWORK -> {
                r.put("network_session_id", "9223372036854775901");
                r.put("protocol", "TCP");
                r.put("dstport", 443L);
                r.put("numbytes", 5_000L);
            }
            case PAGE -> {
                r.put("numbytes", 9_000L);
                r.put("client_bytes", 700L);
                r.put("page", "https://files.example.com/");
            }
            case AUDIT -> {
                r.put("audit_log_event", "Admin login succeeded");
                r.put("supporting_data", "{\"ip\":\"10.0.0.1\"}");
                r.put("severity_level", "2");
            }
            case UBA -> {
                r.put("ubaScore", 640L);
                r.put("uba_inst_type", "Impossible travel");
            }
            default -> r.put("object", "document-5.docx");
        }
        return r;
    }
}
