import Foundation
import ProtokollModel
import ProtokollNormalize
import TestSupport
import Testing

/// Third-party protocols from `../shared/corpus/real/`: no crash, nothing lost, and a printed
/// count of what was removed, for a reviewer to eyeball.
struct RealCorpusTests {
    static var documents: [URL] {
        guard let folder = Fixtures.realCorpus else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".pdf") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(.enabled(if: Fixtures.realCorpus != nil, "needs ../shared/corpus/real"), arguments: documents)
    func normalizesWithoutLoss(url: URL) throws {
        let document = try NormalizedDocument(url)
        var counts: [String: Int] = [:]
        for furniture in document.furniture { counts[furniture.kind.rawValue, default: 0] += 1 }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print(
            "furniture \(url.lastPathComponent): \(document.furniture.count) [\(summary)], blocks \(document.blocks.count)"
        )
        #expect(
            document.blocks.map(\.sourceLines).reduce(0, +) + document.furniture.count == document.input.lines.count)
        #expect(document.end != nil)
    }
}
