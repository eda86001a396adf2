import ProtokollModel
import ProtokollSegment

/// One box drawn over a rendered page, in points; the view multiplies by the scale.
struct Overlay: Equatable {
    var record: Int
    var kind: OverlayKind
    var page: Int
    var box: BoundingBox
    /// A label shown on the box: the rule that removed a furniture line.
    var tag: String?
    /// A parse issue's pin, drawn as a marker at the box's top-left corner.
    var isPin = false
    /// The outline of a whole vote list, dashed so the voters' lines inside it stand out.
    var dashed = false

    var area: Double { (box.x1 - box.x0) * (box.y1 - box.y0) }

    /// The overlays of every placed record: line boxes from the geometry, furniture boxes
    /// from the normalize records, pins for issues.
    static func all(
        for placements: [RecordPlacement], in document: InspectedDocument, geometry: TextGeometry
    ) -> [Overlay] {
        var overlays: [Overlay] = []
        for placement in placements {
            let record = document.records[placement.record]
            for index in placement.furniture {
                let line = document.furniture[index]
                guard let box = line.bbox else { continue }
                overlays.append(
                    Overlay(
                        record: placement.record, kind: placement.kind, page: line.page, box: box,
                        tag: placement.kind == .furniture ? line.rule : nil))
            }
            if placement.kind == .issue {
                if let offset = placement.pin, let anchor = geometry.anchor(offset) {
                    overlays.append(
                        Overlay(record: placement.record, kind: .issue, page: anchor.page, box: anchor.box, isPin: true)
                    )
                } else if let page = placement.page {
                    overlays.append(
                        Overlay(
                            record: placement.record, kind: .issue, page: page,
                            box: BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0), isPin: true))
                }
                continue
            }
            let isVoteList = record.kind == .voteEvent
            for span in placement.spans {
                for found in geometry.boxes(span.lowerBound, span.upperBound) {
                    overlays.append(
                        Overlay(
                            record: placement.record, kind: placement.kind, page: found.page, box: found.box,
                            dashed: isVoteList))
                }
            }
        }
        return overlays
    }
}
