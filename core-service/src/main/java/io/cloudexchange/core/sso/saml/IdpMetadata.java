package io.cloudexchange.core.sso.saml;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the service provider needs from an identity provider's SAML metadata: its entity id, its
 * SingleSignOnService location for the HTTP-Redirect binding and its signing certificates.
 */
record IdpMetadata(String entityId, String ssoUrl, List<X509Certificate> certificates) {

    /** Reads metadata XML (an EntityDescriptor, or an EntitiesDescriptor holding exactly one IdP). */
    static IdpMetadata parse(String xml) {
        Document document;
        try {
            document = SamlXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (SamlRejected e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        List<Element> idps = SamlXml.descendants(document, SamlXml.METADATA, "IDPSSODescriptor");
        if (idps.isEmpty()) {
            throw new IllegalArgumentException("has no IDPSSODescriptor: is it an identity provider's metadata?");
        }
        if (idps.size() > 1) {
            throw new IllegalArgumentException("describes " + idps.size() + " identity providers; paste the one to use");
        }
        Element idp = idps.get(0);
        Element entity = (Element) idp.getParentNode();
        String entityId = SamlXml.attribute(entity, "entityID");
        if (entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("has no entityID");
        }
        String ssoUrl = null;
        for (Element service : SamlXml.children(idp, SamlXml.METADATA, "SingleSignOnService")) {
            if (SamlXml.HTTP_REDIRECT.equals(SamlXml.attribute(service, "Binding")) && ssoUrl == null) {
                ssoUrl = SamlXml.attribute(service, "Location");
            }
        }
        if (ssoUrl == null) {
            throw new IllegalArgumentException("has no SingleSignOnService with the HTTP-Redirect binding");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
            String use = SamlXml.attribute(key, "use");
            if (use != null && !"signing".equals(use)) {
                continue;
            }
            for (Element certificate : SamlXml.descendants(key, SamlXml.DSIG, "X509Certificate")) {
                certificates.add(IdpCertificates.fromBase64(SamlXml.text(certificate)));
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("has no signing certificate (KeyDescriptor use=\"signing\")");
        }
        return new IdpMetadata(entityId.strip(), ssoUrl.strip(), List.copyOf(certificates));
    }
}
