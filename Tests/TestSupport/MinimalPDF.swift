public import Foundation

/// Writes small, valid PDFs by hand for hostile-input tests: page counts, page sizes and
/// object graphs no producer would write.
public enum MinimalPDF {
    /// A PDF of `pages` pages sharing one content stream that shows `text`.
    public static func pages(_ pages: Int, size: (Double, Double) = (595, 842), text: String = "Sida") -> Data {
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages).map { "\($0 + 5) 0 R" }.joined(separator: " "))] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        let content = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
        objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        for _ in 0..<pages {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(size.0) \(size.1)] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
            )
        }
        return assemble(objects)
    }

    /// A page tree whose /Kids point back at itself.
    public static func circularPageTree() -> Data {
        assemble([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ])
    }

    /// Numbers the objects from 1, writes the cross-reference table and trailer.
    static func assemble(_ objects: [String]) -> Data {
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            body += String(format: "%010d 00000 n \n", offset)
        }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }
}
