package io.cloudexchange.gateway.proxy;

import java.net.http.HttpClient;
import java.time.Duration;

import io.cloudexchange.gateway.GatewayProperties;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiProxyConfiguration {

    @Bean
    ServletRegistrationBean<ApiProxyServlet> apiProxyServlet(GatewayProperties properties) {
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ServletRegistrationBean<ApiProxyServlet> registration =
                new ServletRegistrationBean<>(new ApiProxyServlet(httpClient, properties.coreUrl()), "/api/*");
        registration.setName("apiProxy");
        return registration;
    }
}
