package io.cloudexchange.core.sso.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;

/**
 * Verifies the enveloped XML signature of one SAML element (Response or Assertion) with the JDK's XML Digital
 * Signature API, against the configured IdP certificates only (any KeyInfo in the message is ignored).
 * The signature must be a direct child of the element, hold exactly one Reference whose URI is {@code #} plus
 * that element's ID, use only allowed algorithms (no SHA-1, no comments-preserving canonicalization) and only
 * the enveloped-signature and canonicalization transforms. Only that element's ID attribute is registered as an
 * ID, so the reference can resolve to no other element.
 */
final class SamlSignatureVerifier {

    static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384,
            SignatureMethod.ECDSA_SHA512);
    static final Set<String> DIGEST_METHODS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);
    static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE, "http://www.w3.org/2006/12/xml-c14n11");
    static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE, "http://www.w3.org/2006/12/xml-c14n11");

    private SamlSignatureVerifier() {
    }

    /**
     * Whether {@code element} carries a valid signature by one of {@code certificates}: false when it has none,
     * {@link SamlRejected} when its signature is malformed, uses a refused algorithm or does not verify.
     */
    static boolean verify(Element element, String id, List<X509Certificate> certificates) {
        List<Element> signatures = SamlXml.children(element, SamlXml.DSIG, "Signature");
        if (signatures.isEmpty()) {
            return false;
        }
        if (signatures.size() > 1) {
            throw new SamlRejected(element.getLocalName() + " has more than one signature");
        }
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        for (X509Certificate certificate : certificates) {
            DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signatures.get(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            context.setIdAttributeNS(element, null, "ID");
            try {
                XMLSignature signature = factory.unmarshalXMLSignature(context);
                checkAlgorithms(signature.getSignedInfo(), id);
                if (signature.validate(context)) {
                    return true;
                }
            } catch (MarshalException | XMLSignatureException | ClassCastException e) {
                throw new SamlRejected("the " + element.getLocalName() + " signature cannot be checked: " + e.getMessage());
            }
        }
        throw new SamlRejected("the " + element.getLocalName() + " signature does not verify with the configured IdP certificate");
    }

    private static void checkAlgorithms(SignedInfo signedInfo, String id) {
        require(CANONICALIZATIONS.contains(signedInfo.getCanonicalizationMethod().getAlgorithm()),
                "canonicalization " + signedInfo.getCanonicalizationMethod().getAlgorithm());
        require(SIGNATURE_METHODS.contains(signedInfo.getSignatureMethod().getAlgorithm()),
                "signature algorithm " + signedInfo.getSignatureMethod().getAlgorithm());
        List<?> references = signedInfo.getReferences();
        if (references.size() != 1) {
            throw new SamlRejected("the signature has " + references.size() + " references; exactly one is allowed");
        }
        Reference reference = (Reference) references.get(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw new SamlRejected("the signature references '" + reference.getURI() + "', not the signed element #" + id);
        }
        require(DIGEST_METHODS.contains(reference.getDigestMethod().getAlgorithm()),
                "digest algorithm " + reference.getDigestMethod().getAlgorithm());
        boolean enveloped = false;
        for (Object transform : reference.getTransforms()) {
            String algorithm = ((Transform) transform).getAlgorithm();
            require(TRANSFORMS.contains(algorithm), "transform " + algorithm);
            enveloped |= Transform.ENVELOPED.equals(algorithm);
        }
        require(enveloped, "a signature without the enveloped-signature transform");
    }

    private static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new SamlRejected(what + " is not allowed");
        }
    }
}
