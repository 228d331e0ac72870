package io.phasewatch.alerts.sink;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} followed by the lower-case hex HMAC-SHA256 of the exact
 * body bytes, keyed with the shared secret. A receiver recomputes it over the bytes it received
 * and compares in constant time.
 */
public final class Signatures {
  public static final String HEADER = "X-Phasewatch-Signature";
  public static final String PREFIX = "sha256=";

  private Signatures() {}

  public static String sign(Secret secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmacSha256(secret.bytes(), body));
  }

  private static byte[] hmacSha256(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is available on every Java platform", e);
    }
  }
}
