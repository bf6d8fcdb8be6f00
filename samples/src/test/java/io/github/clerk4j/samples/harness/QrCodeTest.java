package io.github.clerk4j.samples.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal rendering is a real QR code: read back module by module, a scanner decodes it. */
class QrCodeTest {

  private static final int SCALE = 4;

  @Test
  void renderedCodeScansBackToTheUri() throws Exception {
    String uri = "otpauth://totp/Example:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";

    List<String> lines = QrCode.render(uri).lines().toList();
    int width = lines.get(0).length();
    int height = lines.size() * 2;
    int[] pixels = new int[width * SCALE * height * SCALE];
    for (int row = 0; row < lines.size(); row++) {
      for (int x = 0; x < width; x++) {
        char c = lines.get(row).charAt(x);
        paint(pixels, width, x, row * 2, c == '█' || c == '▀');
        paint(pixels, width, x, row * 2 + 1, c == '█' || c == '▄');
      }
    }
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(width * SCALE, height * SCALE, pixels)));

    assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(uri);
  }

  private static void paint(int[] pixels, int width, int x, int y, boolean dark) {
    int rgb = dark ? 0x000000 : 0xFFFFFF;
    for (int dy = 0; dy < SCALE; dy++) {
      for (int dx = 0; dx < SCALE; dx++) {
        pixels[(y * SCALE + dy) * width * SCALE + x * SCALE + dx] = rgb;
      }
    }
  }
}
