package io.cloudexchange.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ProxyFromSetupTest {

    private final SettingsService settings = mock(SettingsService.class);
    private final SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));
    private final PlatformLog platformLog = mock(PlatformLog.class);

    @Test
    void seedsTheProxyFromSetupWhenNoneIsSetWithThePasswordEncrypted() {
        when(settings.current()).thenReturn(PlatformSettings.defaults());

        new ProxyFromSetup(settings, cipher, platformLog, "http://proxy.corp:3128", "svc", "s3cret").seedProxy();

        ArgumentCaptor<ProxySettings> saved = ArgumentCaptor.forClass(ProxySettings.class);
        verify(settings).updateProxy(saved.capture());
        assertThat(saved.getValue().url()).isEqualTo("http://proxy.corp:3128");
        assertThat(saved.getValue().username()).isEqualTo("svc");
        assertThat(saved.getValue().encryptedPassword()).isNotEqualTo("s3cret");
        assertThat(cipher.decrypt(saved.getValue().encryptedPassword())).isEqualTo("s3cret");
    }

    @Test
    void neverOverridesAProxyAnAdminAlreadySet() {
        when(settings.current()).thenReturn(PlatformSettings.defaults()
                .withProxy(new ProxySettings("http://chosen.by.admin:8080", "", null)));

        new ProxyFromSetup(settings, cipher, platformLog, "http://proxy.corp:3128", "", "").seedProxy();

        verify(settings, never()).updateProxy(any());
    }

    @Test
    void doesNothingWithoutAProxyInSetup() {
        new ProxyFromSetup(settings, cipher, platformLog, "", "", "").seedProxy();

        verify(settings, never()).updateProxy(any());
    }
}
