package io.cloudexchange.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.testplugin.MultiModulePlugin;
import io.cloudexchange.core.testplugin.TestFeedPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

class PluginApiTest extends ApiTestSupport {

    private static final MockMultipartFile JAR =
            new MockMultipartFile("file", "custom.jar", "application/java-archive", new byte[] {'P', 'K', 3, 4});

    @Test
    void requiresToken() throws Exception {
        mvc.perform(get("/api/plugins")).andExpect(status().isUnauthorized());
    }

    @Test
    void listsPluginsWithDescriptorSchemaAndSource() throws Exception {
        mvc.perform(asAdmin(get("/api/plugins")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'test-feed')].source").value("BUNDLED"));
        mvc.perform(asAdmin(get("/api/plugins/" + TestFeedPlugin.ID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Test feed"))
                .andExpect(jsonPath("$.modules[0]").value("CTE"))
                .andExpect(jsonPath("$.capabilities[0]").value("PULL"))
                .andExpect(jsonPath("$.minimumPlatformVersion").value("0.1.0"))
                .andExpect(jsonPath("$.schema.steps[0].fields[0].key").value("base_url"))
                .andExpect(jsonPath("$.schema.steps[0].fields[0].mandatory").value(true))
                .andExpect(jsonPath("$.schema.steps[0].fields[0].maxLength").value(200))
                .andExpect(jsonPath("$.schema.steps[0].fields[1].type").value("PASSWORD"))
                .andExpect(jsonPath("$.schema.steps[0].fields[2].max").value(10000.0))
                .andExpect(jsonPath("$.schema.steps[0].fields[2].secret").doesNotExist());
        mvc.perform(asAdmin(get("/api/plugins/nope"))).andExpect(status().isNotFound());
    }

    @Test
    void refusedUploadExplainsWhyInFileError() throws Exception {
        mvc.perform(asAdmin(multipart("/api/plugins").file(JAR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.startsWith("not a readable jar")));
        mvc.perform(asAdmin(multipart("/api/plugins")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value("is required"));
    }

    @Test
    void acceptedUploadAnswersThePlugin() throws Exception {
        LoadedPlugin installed = new LoadedPlugin(new MultiModulePlugin(), LoadedPlugin.Source.CUSTOM, Path.of("custom.jar"));
        doReturn(installed).when(pluginRegistry).install(any(), eq("custom.jar"));

        mvc.perform(asAdmin(multipart("/api/plugins").file(JAR)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(MultiModulePlugin.ID))
                .andExpect(jsonPath("$.source").value("CUSTOM"))
                .andExpect(jsonPath("$.modules.length()").value(2));
        assertThat(pluginRegistry.find(MultiModulePlugin.ID)).isPresent();
    }
}
