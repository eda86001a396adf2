import Foundation
import ProtokollModel
import ProtokollSegment
import TestSupport
import Testing

@testable import ProtokollInspect

/// The PSVO sample's report in a real browser: the boxes must be where the records say, the
/// page images must have ink under the furniture boxes, clicks must link boxes and records,
/// and the console must stay clean.
///
/// Skips without Debian's `chromium` package. Deliberately kept for a person to look at: the
/// report, its probed copy and the screenshot of its first page, in
/// `$TMPDIR/protokoll-inspect-browser/` (`psvo-2024-03-01.pdf.html`, `.probe.html`, `.pdf.png`).
/// Each run overwrites them, so the folder never grows; the browser's profile and output
/// files are removed.
@Suite("Report in headless Chromium", .enabled(if: Chromium.path != nil, "chromium is not installed"))
struct BrowserTests {
    /// What the probe script measured, decoded from the dumped DOM.
    struct Probe: Decodable {
        struct Sheet: Decodable {
            var page: Int
            var width: Double
            var height: Double
            var imageWidth: Double
            var imageHeight: Double
        }
        struct Box: Decodable {
            var id: String
            var rec: String
            var page: Int
            var left: Double
            var top: Double
            var width: Double
            var height: Double
        }
        struct Ink: Decodable {
            var id: String
            var dark: Int
            var pixels: Int
        }
        struct Clicks: Decodable {
            var boxRecordLit: Bool
            var recordBoxesLit: Bool
            var recordBoxes: Int
            var previousUnlit: Bool
        }
        var errors: [String]
        var sheets: [Sheet]
        var boxes: [Box]
        var ink: [Ink]
        var clicks: Clicks
    }

    /// Where the kept report and screenshot go: one fixed folder, not one per run.
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("protokoll-inspect-browser")

    @Test("overlays sit where the furniture bboxes say, on ink, linked both ways, with no console errors")
    func psvoInChromium() throws {
        try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
        let sample = Fixtures.sample("psvo-2024-03-01.pdf")
        let document = try InspectedDocument.read(path: sample.path)
        let builder = ReportBuilder(dpi: 100)
        let html = builder.html(for: document)
        let report = Self.directory.appendingPathComponent("psvo-2024-03-01.pdf.html")
        try Data(html.utf8).write(to: report)

        // 1. A screenshot of the top of the report, as a person first sees it.
        let screenshot = Self.directory.appendingPathComponent("psvo-2024-03-01.pdf.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Chromium.run(
            ["--hide-scrollbars", "--window-size=1400,1100", "--screenshot=\(screenshot.path)"], url: report,
            in: Self.directory)
        let png = try #require(FileManager.default.contents(atPath: screenshot.path), "no screenshot: \(shot.stderr)")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 50_000, "a blank screenshot compresses to almost nothing")

        // 2. The same report with a probe that measures it, dumped as DOM.
        let probed = Self.directory.appendingPathComponent("psvo-2024-03-01.probe.html")
        try Data(Self.instrument(html).utf8).write(to: probed)
        let run = try Chromium.run(
            ["--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000", "--dump-dom"], url: probed,
            in: Self.directory)
        let console = Chromium.consoleMessages(in: run.stderr)
        #expect(console.isEmpty, "the report wrote to the console: \(console)")
        let json = try #require(
            ReportHTML(html: run.stdout).matches(#"<pre id="probe">([^<]*)</pre>"#).first?[1],
            "no probe output; stderr: \(run.stderr.suffix(2000))")
        let probe = try JSONDecoder().decode(Probe.self, from: Data(Self.unescape(json).utf8))
        #expect(probe.errors.isEmpty, "\(probe.errors)")

        // Pages at points × 100/72 CSS pixels, with the image filling them.
        #expect(probe.sheets.count == document.pages.count)
        for (sheet, page) in zip(probe.sheets, document.pages) {
            #expect(abs(sheet.width - page.width * builder.scale) < 1)
            #expect(abs(sheet.height - page.height * builder.scale) < 1)
            #expect(abs(sheet.imageWidth - sheet.width) < 1 && abs(sheet.imageHeight - sheet.height) < 1)
        }

        // Every furniture line's box where its bbox says, within 2 px.
        let source = ReportHTML(html: html)
        var furnitureBoxes = 0
        for record in document.records {
            guard case .furniture(let line) = record else { continue }
            let index = try #require(line.id.split(separator: "/").last.flatMap { Int($0) }) - 1
            let bbox = try #require(document.furniture[index].bbox)
            let entry = try #require(source.entry(recordID: line.id))
            let box = try #require(probe.boxes.first { $0.rec == entry }, "no box for \(line.id)")
            #expect(box.page == line.page)
            let expected = [bbox.x0, bbox.y0, bbox.x1 - bbox.x0, bbox.y1 - bbox.y0].map { $0 * builder.scale }
            let measured = [box.left, box.top, box.width, box.height]
            #expect(zip(expected, measured).allSatisfy { abs($0 - $1) <= 2 }, "\(line.id): \(measured) ≠ \(expected)")
            furnitureBoxes += 1
        }
        #expect(furnitureBoxes > 0)

        // The rendered page has ink under every furniture box: the image and the boxes agree.
        #expect(probe.ink.count == furnitureBoxes)
        for ink in probe.ink {
            #expect(Double(ink.dark) / Double(max(ink.pixels, 1)) > 0.01, "no ink under \(ink.id)")
        }

        // Clicking a box lights its record; clicking a record lights all its boxes.
        #expect(probe.clicks.boxRecordLit)
        #expect(probe.clicks.recordBoxesLit && probe.clicks.recordBoxes > 0)
        #expect(probe.clicks.previousUnlit)
    }

    /// The report with two scripts added: one first in `<head>` that records errors and
    /// refused resources, one last in `<body>` that measures boxes relative to their page,
    /// counts dark pixels of the page image under each furniture box, clicks a box and a
    /// record, and writes it all as JSON into `<pre id="probe">`. Images load eagerly in this
    /// copy: `--dump-dom` does not wait for lazy images or asynchronous decoding.
    static func instrument(_ html: String) -> String {
        let catcher = """
            <script>window.__errors = [];
            addEventListener("error", function (e) { __errors.push(String(e.message)); });
            addEventListener("securitypolicyviolation", function (e) { __errors.push("refused " + e.blockedURI); });
            </script>
            """
        let probe = """
            <script>
            addEventListener("load", function () {
              var out = { errors: __errors, sheets: [], boxes: [], ink: [], clicks: {} };
              document.querySelectorAll(".sheet").forEach(function (sheet) {
                var r = sheet.getBoundingClientRect(), img = sheet.querySelector("img").getBoundingClientRect();
                out.sheets.push({ page: +sheet.dataset.page, width: r.width, height: r.height,
                                  imageWidth: img.width, imageHeight: img.height });
              });
              document.querySelectorAll(".ov").forEach(function (box) {
                var sheet = box.closest(".sheet"), s = sheet.getBoundingClientRect(), r = box.getBoundingClientRect();
                out.boxes.push({ id: box.id, rec: box.dataset.rec, page: +sheet.dataset.page,
                                 left: r.left - s.left, top: r.top - s.top, width: r.width, height: r.height });
              });
              var box = document.querySelector(".ov.k-furniture");
              box.click();
              out.clicks.boxRecordLit = document.getElementById(box.dataset.rec).classList.contains("hl");
              var record = document.querySelector(".rec.k-participant");
              record.click();
              var ids = record.dataset.boxes.split(" ").filter(Boolean);
              out.clicks.recordBoxes = ids.length;
              out.clicks.recordBoxesLit = ids.every(function (id) { return document.getElementById(id).classList.contains("hl"); });
              out.clicks.previousUnlit = !box.classList.contains("hl");
              // Images load eagerly in this copy, so by "load" they are all there to read.
              document.querySelectorAll(".sheet img").forEach(function (img) {
                var sheet = img.closest(".sheet"), s = sheet.getBoundingClientRect();
                var canvas = document.createElement("canvas");
                canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                var context = canvas.getContext("2d", { willReadFrequently: true });
                context.drawImage(img, 0, 0);
                var k = img.naturalWidth / s.width;
                sheet.querySelectorAll(".ov.k-furniture").forEach(function (box) {
                  var r = box.getBoundingClientRect();
                  var data = context.getImageData(Math.floor((r.left - s.left) * k), Math.floor((r.top - s.top) * k),
                    Math.max(1, Math.ceil(r.width * k)), Math.max(1, Math.ceil(r.height * k))).data;
                  var dark = 0;
                  for (var i = 0; i < data.length; i += 4) { if (data[i] + data[i + 1] + data[i + 2] < 384) { dark++; } }
                  out.ink.push({ id: box.id, dark: dark, pixels: data.length / 4 });
                });
              });
              var pre = document.createElement("pre");
              pre.id = "probe";
              pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            });
            </script>
            """
        return html.replacingOccurrences(of: "<head>\n", with: "<head>\n\(catcher)\n")
            .replacingOccurrences(of: "loading=\"lazy\"", with: "loading=\"eager\"")
            .replacingOccurrences(of: "</body>", with: "\(probe)\n</body>")
    }

    /// The text of a `<pre>` as the DOM dump escapes it.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
