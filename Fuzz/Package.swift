// swift-tools-version: 6.1
// libFuzzer targets for protokoll. Built by scripts/fuzz/run.sh with `--sanitize=fuzzer`;
// not part of the main build or the tests.
import Foundation
import PackageDescription

/// A path dependency is named after its folder, whatever the clone is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let entryPoints: [(name: String, function: String)] = [
    ("fuzz-document", "document"), ("fuzz-word-xml", "wordXML"), ("fuzz-layout", "layout"), ("fuzz-text", "text"),
]

let package = Package(
    name: "ProtokollFuzz",
    dependencies: [.package(path: "..")],
    targets: entryPoints.map { target in
        .executableTarget(
            name: target.name,
            dependencies: [.product(name: "ProtokollFuzzing", package: parent)],
            path: "Sources/\(target.name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
