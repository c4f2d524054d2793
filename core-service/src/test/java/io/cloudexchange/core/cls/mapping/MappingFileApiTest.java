package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditEntry;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MappingFileApiTest extends ApiTestSupport {

    private static final String BASE = "/api/cls/mapping-files";

    @Autowired
    private LogMappers mappers;

    @Test
    void listsTheShippedDefaultsAsReadOnly() throws Exception {
        mvc.perform(asAdmin(get(BASE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(DefaultMappingFiles.CEF_SYSLOG))
                .andExpect(jsonPath("$[0].readOnly").value(true))
                .andExpect(jsonPath("$[0].formats", hasItem("CEF")))
                .andExpect(jsonPath("$[0].content").doesNotExist())
                .andExpect(jsonPath("$[1].id").value(DefaultMappingFiles.LEEF_QRADAR))
                .andExpect(jsonPath("$[2].id").value(DefaultMappingFiles.JSON));
    }

    @Test
    void defaultsCannotBeChangedOrDeleted() throws Exception {
        mvc.perform(asAdmin(withJson(put(BASE + "/" + DefaultMappingFiles.CEF_SYSLOG), Map.of("name", "mine"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("shipped default: it cannot be changed")));
        mvc.perform(asAdmin(delete(BASE + "/" + DefaultMappingFiles.CEF_SYSLOG)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("cannot be deleted")));
    }

    @Test
    void copyEditAndDeleteAreAuditedAndTheMapperFollowsTheEdit() throws Exception {
        JsonNode copy = readJson(mvc.perform(asAdmin(withJson(post(BASE + "/" + DefaultMappingFiles.CEF_SYSLOG + "/copy"),
                        Map.of("name", "Our SIEM"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.readOnly").value(false))
                .andReturn().getResponse().getContentAsString());
        String id = copy.get("id").asString();
        Map<String, Object> dlp = SimulatorShapedRecords.record(io.cloudexchange.netskope.simulator.dataexport.DataType.DLP);
        assertThat(mappers.mapper(id, LogFormat.CEF).map(LogType.ALERT, "dlp", dlp)).contains("src=10.1.2.3");

        ObjectNode content = (ObjectNode) copy.get("content");
        ((ObjectNode) content.at("/taxonomy/alerts/DLP/extension/src")).put("mapping_field", "dstip");
        mvc.perform(asAdmin(withJson(put(BASE + "/" + id), Map.of("content", content))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Our SIEM"));
        assertThat(mappers.mapper(id, LogFormat.CEF).map(LogType.ALERT, "dlp", dlp)).contains("src=142.250.74.46");

        mvc.perform(asAdmin(delete(BASE + "/" + id))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(get(BASE + "/" + id))).andExpect(status().isNotFound());

        List<AuditEntry> entries = mongo.findAll(AuditEntry.class).stream()
                .filter(e -> MappingFileService.AUDIT_TARGET.equals(e.targetType())).toList();
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
        AuditEntry update = entries.stream().filter(e -> e.action() == AuditAction.UPDATE).findFirst().orElseThrow();
        assertThat(update.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("content.taxonomy.alerts.DLP.extension.src.mapping_field");
            assertThat(change.before()).isEqualTo("srcip");
            assertThat(change.after()).isEqualTo("dstip");
        });
    }

    @Test
    void anInvalidFileIsRefusedWithEveryProblemKeyedByItsPath() throws Exception {
        String text = """
                {"cef_version": "0", "taxonomy": {"alerts": {"dlp": {
                  "header": {"Device Vendor": {"default_value": "Netskope"}, "Device Product": {"default_value": "P"},
                             "Device Version": {"default_value": "1"}, "Device Event Class ID": {"default_value": "dlp"},
                             "Name": {"mapping_field": "alert_name"}},
                  "extension": {"src": {"mapping_field": "srcip", "transformation": "Float"},
                                "cnt": {"mapping_field": "count", "default_value": "many", "transformation": "Integer"}}}}}}
                """;
        mvc.perform(asAdmin(withJson(post(BASE), Map.of("name", "broken", "content", text))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['content.taxonomy.alerts.dlp.extension.src.transformation']",
                        containsString("unknown transformation 'Float'; expected one of 'String', 'Integer', 'Floating Point'")))
                .andExpect(jsonPath("$.errors['content.taxonomy.alerts.dlp.extension.cnt.default_value']",
                        containsString("'many' is not a valid Integer")))
                .andExpect(jsonPath("$.errors['content.taxonomy.alerts.dlp.header.Severity']").value("is required"));
        mvc.perform(asAdmin(withJson(post(BASE), Map.of("name", "broken", "content", "{\"json\": "))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.content", containsString("is not valid JSON at line 1")));
        assertThat(mongo.getCollection("cls_mapping_files").countDocuments()).isZero();
    }

    @Test
    void namesAreUniqueIncludingTheDefaults() throws Exception {
        mvc.perform(asAdmin(withJson(post(BASE + "/" + DefaultMappingFiles.JSON + "/copy"), Map.of("name", "JSON Default Mappings"))))
                .andExpect(status().isConflict());
        mvc.perform(asAdmin(post(BASE + "/" + DefaultMappingFiles.JSON + "/copy"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Copy of JSON Default Mappings"));
        mvc.perform(asAdmin(post(BASE + "/" + DefaultMappingFiles.JSON + "/copy"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Copy of JSON Default Mappings (2)"));
    }

    @Test
    void uploadsCeExportsAndDownloadsTheText() throws Exception {
        String jsonData = "{\"json\": {\"alerts\": {\"dlp\": [\"_id\", \"user\"]}}}";
        String export = json.writeValueAsString(Map.of("name", "From CE", "jsonData", jsonData));
        String id = readJson(mvc.perform(asAdmin(multipart(BASE + "/upload")
                        .file(new MockMultipartFile("file", "ce-mappings.json", "application/json",
                                export.getBytes(StandardCharsets.UTF_8)))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("From CE"))
                .andExpect(jsonPath("$.formats[0]").value("JSON"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(asAdmin(get(BASE + "/" + id + "/download")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("From CE.json")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(jsonData));
        assertThat(mappers.mapper(id, LogFormat.JSON).map(LogType.ALERT, "dlp", Map.of("_id", "a", "user", "u", "x", 1)))
                .isEqualTo("{\"_id\":\"a\",\"user\":\"u\"}");

        mvc.perform(asAdmin(multipart(BASE + "/upload").file(new MockMultipartFile("file", "x.json", "application/json",
                        "{\"json\": {\"weblogs\": {}}}".getBytes(StandardCharsets.UTF_8)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['file.json.weblogs']").value("unknown log type; expected alerts or events"));
    }

    @Test
    void aMapperForAMissingFormatOrFileIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mappers.mapper(DefaultMappingFiles.JSON, LogFormat.CEF))
                .isInstanceOf(io.cloudexchange.core.api.InvalidRequestException.class)
                .hasMessageContaining("has no CEF section");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mappers.mapper("nope", LogFormat.CEF))
                .isInstanceOf(io.cloudexchange.core.api.NotFoundException.class);
    }
}
