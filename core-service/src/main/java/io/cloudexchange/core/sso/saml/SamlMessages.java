package io.cloudexchange.core.sso.saml;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The messages the service provider writes: the AuthnRequest (HTTP-Redirect binding) and its own metadata. */
final class SamlMessages {

    private SamlMessages() {
    }

    /** The IdP URL carrying a deflated, base64 AuthnRequest and the RelayState (unsigned: the SP has no key). */
    static String redirectUrl(SamlSettings settings, String requestId, String relayState, Instant now) {
        Document document = newDocument();
        Element request = document.createElementNS(SamlXml.PROTOCOL, "samlp:AuthnRequest");
        request.setAttributeNS(null, "ID", requestId);
        request.setAttributeNS(null, "Version", "2.0");
        request.setAttributeNS(null, "IssueInstant", now.truncatedTo(ChronoUnit.SECONDS).toString());
        request.setAttributeNS(null, "Destination", settings.ssoUrl());
        request.setAttributeNS(null, "AssertionConsumerServiceURL", settings.acsUrl());
        request.setAttributeNS(null, "ProtocolBinding", SamlXml.HTTP_POST);
        Element issuer = document.createElementNS(SamlXml.ASSERTION, "saml:Issuer");
        issuer.setTextContent(settings.spEntityId());
        request.appendChild(issuer);
        Element policy = document.createElementNS(SamlXml.PROTOCOL, "samlp:NameIDPolicy");
        policy.setAttributeNS(null, "AllowCreate", "true");
        request.appendChild(policy);
        document.appendChild(request);
        String encoded = Base64.getEncoder().encodeToString(deflate(serialize(document)));
        return settings.ssoUrl() + (settings.ssoUrl().contains("?") ? "&" : "?")
                + "SAMLRequest=" + URLEncoder.encode(encoded, StandardCharsets.UTF_8)
                + "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8);
    }

    /** SP metadata to register at the IdP: entity id, the ACS (HTTP-POST) and that assertions must be signed. */
    static String serviceProviderMetadata(SamlSettings settings) {
        Document document = newDocument();
        Element entity = document.createElementNS(SamlXml.METADATA, "md:EntityDescriptor");
        entity.setAttributeNS(null, "entityID", settings.spEntityId());
        Element sp = document.createElementNS(SamlXml.METADATA, "md:SPSSODescriptor");
        sp.setAttributeNS(null, "AuthnRequestsSigned", "false");
        sp.setAttributeNS(null, "WantAssertionsSigned", "true");
        sp.setAttributeNS(null, "protocolSupportEnumeration", SamlXml.PROTOCOL);
        Element acs = document.createElementNS(SamlXml.METADATA, "md:AssertionConsumerService");
        acs.setAttributeNS(null, "Binding", SamlXml.HTTP_POST);
        acs.setAttributeNS(null, "Location", settings.acsUrl());
        acs.setAttributeNS(null, "index", "0");
        acs.setAttributeNS(null, "isDefault", "true");
        sp.appendChild(acs);
        entity.appendChild(sp);
        document.appendChild(entity);
        return serialize(document);
    }

    private static Document newDocument() {
        try {
            return SamlXml.factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(String xml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
