package io.github.clerk4j.samples.harness;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/** Renders a QR code in a terminal with Unicode half blocks: two module rows per text line. */
final class QrCode {

  private QrCode() {}

  static String render(String text) {
    BitMatrix m;
    try {
      // margin 2: the quiet zone scanners need around the code
      m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as a QR code", e);
    }
    StringBuilder sb = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y += 2) {
      for (int x = 0; x < m.getWidth(); x++) {
        boolean top = m.get(x, y);
        boolean bottom = y + 1 < m.getHeight() && m.get(x, y + 1);
        sb.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
