package io.cloudexchange.core.sso.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A test identity provider: a key pair and self-signed certificate made with the JDK's keytool, and SAML
 * Responses written and signed here with the JDK's XML Digital Signature API, as a real IdP would.
 */
final class TestSamlIdp {

    static final String ENTITY_ID = "https://idp.example.test/saml";
    static final String SSO_URL = "https://idp.example.test/saml/sso";

    final PrivateKey key;
    final X509Certificate certificate;

    private TestSamlIdp(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A fresh RSA 2048 key and a certificate valid for a year. */
    static TestSamlIdp create() {
        return create("-validity", "365");
    }

    /** A key whose certificate expired yesterday. */
    static TestSamlIdp expired() {
        return create("-startdate", "-3d", "-validity", "1");
    }

    static TestSamlIdp create(String... validity) {
        try {
            Path dir = Files.createTempDirectory("saml-idp");
            Path store = dir.resolve("idp.p12");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "idp", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                    "-dname", "CN=test-idp-" + UUID.randomUUID(), "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", "changeit", "-keypass", "changeit"));
            command.addAll(List.of(validity));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, "changeit".toCharArray());
            }
            PrivateKey key = (PrivateKey) keyStore.getKey("idp", "changeit".toCharArray());
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate("idp");
            Files.delete(store);
            Files.delete(dir);
            return new TestSamlIdp(key, certificate);
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String pem() {
        return IdpCertificates.toPem(certificate);
    }

    String metadata() throws Exception {
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
                        <ds:X509Certificate>%s</ds:X509Certificate>
                      </ds:X509Data></ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s/post"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(ENTITY_ID, Base64.getMimeEncoder().encodeToString(certificate.getEncoded()), SSO_URL, SSO_URL);
    }

    /** One Response as an IdP writes it; each field can be changed before {@link #xml()}. */
    static final class Response {
        String responseId = "_r" + UUID.randomUUID();
        String assertionId = "_a" + UUID.randomUUID();
        String issuer = ENTITY_ID;
        String destination;
        String recipient;
        String audience;
        String inResponseTo;
        String nameId = "alice@example.com";
        String nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
        List<String> groups = List.of("ce-admins");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notBefore = now.minusSeconds(5);
        Instant notOnOrAfter = now.plusSeconds(300);
        String status = "urn:oasis:names:tc:SAML:2.0:status:Success";

        Response(SamlSettings settings, String inResponseTo) {
            this.destination = settings.acsUrl();
            this.recipient = settings.acsUrl();
            this.audience = settings.spEntityId();
            this.inResponseTo = inResponseTo;
        }

        String xml() {
            StringBuilder attributes = new StringBuilder();
            for (String group : groups) {
                attributes.append("<saml:AttributeValue>").append(group).append("</saml:AttributeValue>");
            }
            return ("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                    + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"%s\" Version=\"2.0\" IssueInstant=\"%s\" "
                    + "Destination=\"%s\" InResponseTo=\"%s\">"
                    + "<saml:Issuer>%s</saml:Issuer>"
                    + "<samlp:Status><samlp:StatusCode Value=\"%s\"/></samlp:Status>"
                    + assertionXml(attributes.toString())
                    + "</samlp:Response>").formatted(responseId, now, destination, inResponseTo, issuer, status);
        }

        String assertionXml(String attributeValues) {
            return ("<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"%s\" Version=\"2.0\" IssueInstant=\"%s\">"
                    + "<saml:Issuer>%s</saml:Issuer>"
                    + "<saml:Subject><saml:NameID Format=\"%s\">%s</saml:NameID>"
                    + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                    + "<saml:SubjectConfirmationData InResponseTo=\"%s\" Recipient=\"%s\" NotOnOrAfter=\"%s\"/>"
                    + "</saml:SubjectConfirmation></saml:Subject>"
                    + "<saml:Conditions NotBefore=\"%s\" NotOnOrAfter=\"%s\"><saml:AudienceRestriction>"
                    + "<saml:Audience>%s</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
                    + "<saml:AuthnStatement AuthnInstant=\"%s\" SessionIndex=\"_s1\"><saml:AuthnContext>"
                    + "<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
                    + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
                    + "<saml:AttributeStatement><saml:Attribute Name=\"groups\">%s</saml:Attribute></saml:AttributeStatement>"
                    + "</saml:Assertion>").formatted(assertionId, now, issuer, nameIdFormat, nameId, inResponseTo, recipient,
                    notOnOrAfter, notBefore, notOnOrAfter, audience, now, attributeValues);
        }
    }

    /** The Response with its Assertion signed (RSA-SHA256, SHA-256 digest, exclusive c14n). */
    String signedAssertion(Response response) {
        return serialize(signAssertion(parse(response.xml()), SignatureMethod.RSA_SHA256, DigestMethod.SHA256));
    }

    /** The Response signed as a whole (the Assertion inside unsigned). */
    String signedResponse(Response response) {
        Document document = parse(response.xml());
        sign(document.getDocumentElement(), SignatureMethod.RSA_SHA256, DigestMethod.SHA256);
        return serialize(document);
    }

    Document signAssertion(Document document, String signatureMethod, String digestMethod) {
        Element assertion = (Element) document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
        sign(assertion, signatureMethod, digestMethod);
        return document;
    }

    /** Signs an element as IdPs do: enveloped signature right after its Issuer, X509Data in KeyInfo. */
    void sign(Element element, String signatureMethod, String digestMethod) {
        sign(element, "#" + element.getAttribute("ID"), signatureMethod, digestMethod);
    }

    /** As {@link #sign(Element, String, String)} with any Reference URI, e.g. one pointing elsewhere. */
    void sign(Element element, String referenceUri, String signatureMethod, String digestMethod) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference(referenceUri, factory.newDigestMethod(digestMethod, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod, null), List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            Element issuer = (Element) element.getElementsByTagNameNS(SamlXml.ASSERTION, "Issuer").item(0);
            DOMSignContext context = new DOMSignContext(key, element, issuer.getNextSibling());
            context.setIdAttributeNS(element, null, "ID");
            factory.newXMLSignature(signedInfo, keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate)))))
                    .sign(context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String serialize(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
