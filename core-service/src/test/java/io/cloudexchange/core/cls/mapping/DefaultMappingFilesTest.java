package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.netskope.simulator.dataexport.DataType;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DefaultMappingFilesTest {

    private final DefaultMappingFiles defaults = new DefaultMappingFiles();

    @Test
    void shipsCefLeefAndJsonFilesThatParse() {
        assertThat(defaults.all()).extracting(MappingFile::id)
                .containsExactly(DefaultMappingFiles.CEF_SYSLOG, DefaultMappingFiles.LEEF_QRADAR, DefaultMappingFiles.JSON);
        assertThat(defaults.find(DefaultMappingFiles.CEF_SYSLOG).orElseThrow().definition().formats())
                .containsExactlyInAnyOrder(LogFormat.CEF, LogFormat.JSON);
        assertThat(defaults.find(DefaultMappingFiles.LEEF_QRADAR).orElseThrow().definition().formats())
                .containsExactly(LogFormat.LEEF);
        assertThat(defaults.find(DefaultMappingFiles.JSON).orElseThrow().definition().formats())
                .containsExactly(LogFormat.JSON);
        assertThat(defaults.all()).allMatch(MappingFile::readOnly);
    }

    @Test
    void everyDefaultMapsEverySimulatorTypeWithoutProblems() {
        JsonMapper json = JsonMapper.builder().build();
        for (MappingFile file : defaults.all()) {
            for (LogFormat format : file.definition().formats()) {
                LogMapper mapper = CompiledLogMappers.compile(file, format);
                for (DataType type : DataType.values()) {
                    Map<String, Object> record = SimulatorShapedRecords.record(type);
                    List<String> problems = new ArrayList<>();
                    String line = mapper.map(SimulatorShapedRecords.logType(type), type.pathName(), record,
                            (target, problem) -> problems.add(target + ": " + problem));
                    assertThat(problems).as("%s %s %s", file.id(), format, type).isEmpty();
                    switch (format) {
                        case CEF -> assertThat(line).startsWith("CEF:0|Netskope|Netskope Security Cloud|1.0|")
                                .contains("externalId=8f3a2b1c0000000000000001", "src=10.1.2.3", "rt=1764410877");
                        case LEEF -> assertThat(line).startsWith("LEEF:2.0|Netskope|Netskope Security Cloud|1.0|")
                                .contains("^src=10.1.2.3^", "devTime=2025-11-29T10:07:57Z");
                        case JSON -> {
                            JsonNode node = json.readTree(line);
                            assertThat(node.get("_id").asString()).isEqualTo("8f3a2b1c0000000000000001");
                            assertThat(node.propertyNames()).containsExactlyElementsOf(record.keySet());
                        }
                    }
                }
            }
        }
    }

    @Test
    void alertSeverityWordsBecomeCefScores() {
        LogMapper cef = CompiledLogMappers.compile(defaults.find(DefaultMappingFiles.CEF_SYSLOG).orElseThrow(), LogFormat.CEF);
        Map<String, Object> record = SimulatorShapedRecords.record(DataType.DLP);
        String line = cef.map(SimulatorShapedRecords.logType(DataType.DLP), "dlp", record);
        assertThat(line).startsWith("CEF:0|Netskope|Netskope Security Cloud|1.0|DLP|DLP alert 7|8|");
    }
}
