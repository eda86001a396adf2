/// Builds a run's `index.html`: one row per document, worst first, each linking to its
/// report, with the counts an auditor scans for (no items found, many parse issues).
public struct IndexPageBuilder: Sendable {
    public init() {}

    /// - Parameters:
    ///   - entries: The documents, in the order to show them (``RunIndex/worstFirst(_:)``).
    ///   - runDirectory: The run output directory, named in the heading.
    public func html(entries: [RunIndex.Entry], runDirectory: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(ReportAssets.contentSecurityPolicy)\">\n"
        out += "<title>protokoll inspect — \(HTML.escape(runDirectory))</title>\n"
        out += "<style>\n\(ReportAssets.css)</style>\n</head>\n<body>\n<header class=\"top\">\n"
        out += "<h1>Run \(HTML.escape(runDirectory)): \(entries.count) documents</h1>\n"
        let failed = entries.filter(\.failed).count
        out += "<p>\(failed) failed · worst first: failed, then most parse issues, then no agenda items found</p>\n"
        out += "</header>\n<table class=\"index\">\n<thead><tr><th>document</th><th>status</th><th>items</th>"
        out += "<th>attendees</th><th>decisions</th><th>votes</th><th>furniture lines</th><th>parse issues</th>"
        out += "<th>report</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            let rowClass =
                entry.failed
                ? " class=\"bad\"" : (entry.counts.parseIssues > 0 || entry.counts.items == 0 ? " class=\"warn\"" : "")
            let name = HTML.escape(entry.outputName)
            let link = entry.report.map { "<a href=\"\(HTML.escape(Self.percentEncoded($0)))\">\(name)</a>" } ?? name
            let status =
                HTML.escape(entry.status) + (entry.message.map { "<br><small>\(HTML.escape($0))</small>" } ?? "")
            out += "<tr\(rowClass)><td>\(link)</td><td>\(status)</td>"
            for count in [
                entry.counts.items, entry.counts.attendees, entry.counts.decisions, entry.counts.votes,
                entry.counts.furniture, entry.counts.parseIssues,
            ] {
                out += "<td class=\"num\">\(count)</td>"
            }
            let report = entry.report.map { "<a href=\"\(HTML.escape(Self.percentEncoded($0)))\">open</a>" }
            out += "<td>\(report ?? HTML.escape(entry.note ?? ""))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</body>\n</html>\n"
    }

    /// A file name as a relative URL: "%", "#" and "?" in a name would otherwise cut the link.
    static func percentEncoded(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
