package io.slideo.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * An asymmetric signing key made for one test run, as an identity provider such as Supabase holds
 * it: RS256 (RSA 2048) or ES256 (EC P-256), with a {@code kid}, its public half as a JWK, and tokens
 * signed with the JDK's own {@link Signature} (so the verifier under test shares no code with the signer).
 */
public final class TestSigningKey {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String alg;
    private final String kid;
    private final KeyPair pair;

    private TestSigningKey(String alg, String kid, KeyPair pair) {
        this.alg = alg;
        this.kid = kid;
        this.pair = pair;
    }

    public static TestSigningKey rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestSigningKey("RS256", "rsa-" + UUID.randomUUID(), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestSigningKey ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new TestSigningKey("ES256", "ec-" + UUID.randomUUID(), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String alg() {
        return alg;
    }

    public String kid() {
        return kid;
    }

    /** The public key as a JWK, as a JWKS endpoint lists it (with {@code alg} and {@code use}, as Supabase does). */
    public String publicJwk() {
        if (pair.getPublic() instanceof RSAPublicKey rsa) {
            return String.format("{\"kty\":\"RSA\",\"kid\":\"%s\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"%s\",\"e\":\"%s\"}",
                    kid, unsigned(rsa.getModulus(), 0), unsigned(rsa.getPublicExponent(), 0));
        }
        ECPublicKey ec = (ECPublicKey) pair.getPublic();
        return String.format("{\"kty\":\"EC\",\"kid\":\"%s\",\"alg\":\"ES256\",\"use\":\"sig\",\"crv\":\"P-256\",\"x\":\"%s\",\"y\":\"%s\"}",
                kid, unsigned(ec.getW().getAffineX(), 32), unsigned(ec.getW().getAffineY(), 32));
    }

    /** The public key's X.509 encoding, the bytes an attacker would use as an HMAC secret. */
    public byte[] publicKeyBytes() {
        return pair.getPublic().getEncoded();
    }

    /** A compact JWS of these claims, headed with this key's alg and kid. */
    public String sign(String claimsJson) {
        return signClaimingKid(kid, claimsJson);
    }

    /** Signed with this key while the header names another kid: a forgery against that kid's key. */
    public String signClaimingKid(String claimedKid, String claimsJson) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + claimedKid + "\"}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(alg.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            signature.initSign(pair.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Big-endian without the sign byte, left-padded to {@code length} bytes when given (EC coordinates). */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return B64.encodeToString(bytes);
    }
}
