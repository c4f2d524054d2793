package io.cloudexchange.core.api;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Uploads (plugin jars) up to 50 MB; larger ones answer 400 with {@code errors.file}. */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    static final DataSize MAX_FILE = DataSize.ofMegabytes(50);
    /** The file plus room for the multipart envelope. */
    static final DataSize MAX_REQUEST = DataSize.ofMegabytes(51);

    @Bean
    MultipartConfigElement multipartConfigElement() {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(MAX_FILE);
        factory.setMaxRequestSize(MAX_REQUEST);
        return factory.createMultipartConfig();
    }
}
