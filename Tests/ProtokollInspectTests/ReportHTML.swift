import Foundation

/// Reads back what a report drew: its overlay boxes and record entries, by the attributes
/// `PageView` and `RecordListView` write.
struct ReportHTML {
    struct Box: Equatable {
        var classes: String
        var id: String
        var record: String
        var left: Double
        var top: Double
        var width: Double
        var height: Double
        var tag: String?
    }

    let html: String

    /// The overlay boxes (`div.ov`), in document order.
    var boxes: [Box] {
        let pattern =
            #"<div class="(ov [^"]*)" id="(b\d+)" data-rec="(r\d+)" style="left:([\d.]+)px;top:([\d.]+)px;width:([\d.]+)px;height:([\d.]+)px"[^>]*>(?:<span class="tag">([^<]*)</span>)?"#
        return matches(pattern).map { groups in
            Box(
                classes: groups[1], id: groups[2], record: groups[3], left: Double(groups[4]) ?? -1,
                top: Double(groups[5]) ?? -1, width: Double(groups[6]) ?? -1, height: Double(groups[7]) ?? -1,
                tag: groups[8].isEmpty ? nil : groups[8])
        }
    }

    /// The DOM id of the list entry of the record with `id`.
    func entry(recordID id: String) -> String? {
        matches(
            #"<li class="rec[^"]*" id="(r\d+)" data-boxes="[^"]*" data-id="\#(NSRegularExpression.escapedPattern(for: id))""#
        )
        .first?[1]
    }

    /// The `data-boxes` of a list entry.
    func boxes(ofEntry entry: String) -> [String] {
        (matches(#"id="\#(entry)" data-boxes="([^"]*)""#).first?[1] ?? "").split(separator: " ").map(String.init)
    }

    /// Every `src` and `href` value.
    var links: [String] {
        matches(#"\b(?:src|href)\s*=\s*"([^"]*)""#).map { $0[1] }
    }

    func matches(_ pattern: String) -> [[String]] {
        // The patterns are literals in the tests; a bad one should stop the test run.
        let regex = try! NSRegularExpression(pattern: pattern)
        let text = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: text.length)).map { match in
            (0..<match.numberOfRanges).map { index in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : text.substring(with: range)
            }
        }
    }
}
