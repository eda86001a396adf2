// swift-tools-version: 6.1
import PackageDescription

// Release binaries allocate through jemalloc: the stages allocate and free millions of small
// strings and arrays per batch, and jemalloc does that in about a tenth less CPU time than
// glibc's allocator (docs/benchmarks.md). Debug builds keep glibc's, which the sanitizers
// replace.
// Every executable also depends on CAllocatorSettings, the options jemalloc starts with.
let releaseAllocator: [LinkerSetting] = [.linkedLibrary("jemalloc", .when(configuration: .release))]

let package = Package(
    name: "protokoll",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "protokoll-extract", targets: ["protokoll-extract"]),
        .executable(name: "protokoll-normalize", targets: ["protokoll-normalize"]),
        .executable(name: "protokoll-segment", targets: ["protokoll-segment"]),
        .executable(name: "protokoll-emit", targets: ["protokoll-emit"]),
        .executable(name: "protokoll", targets: ["protokoll"]),
        // The stages as libraries, for the in-process benchmarks in Benchmarks/.
        .library(name: "ProtokollModel", targets: ["ProtokollModel"]),
        .library(name: "ProtokollExtract", targets: ["ProtokollExtract"]),
        .library(name: "ProtokollNormalize", targets: ["ProtokollNormalize"]),
        .library(name: "ProtokollSegment", targets: ["ProtokollSegment"]),
        .library(name: "ProtokollFuzzing", targets: ["ProtokollFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module (ProtokollExtract). Tesseract reads
        // scanned pages (OCR).
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // Tesseract's headers only: the library is loaded when the first scan needs it.
        .target(name: "CTesseract", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // lcms2 keeps the colour conversions poppler would rebuild on every page (PDF/A, ICC).
        .target(name: "CColourTransformCache", linkerSettings: [.linkedLibrary("lcms2")]),

        // prctl(2) and sched_getaffinity(2), which Swift's Glibc module does not expose.
        .target(name: "CProcessControl"),

        // jemalloc's options, compiled into every executable.
        .target(name: "CAllocatorSettings"),

        // SHA-256 blocks through the CPU's SHA instructions, where it has them.
        .target(name: "CSHA256"),

        // Record types, NDJSON, hashing; Swift but for the hashing instructions.
        .target(name: "ProtokollModel", dependencies: ["CSHA256"]),

        // Format readers: PDF through poppler-glib (scans through Tesseract), DOCX through
        // ZIPFoundation and libxml2.
        .target(
            name: "ProtokollExtract",
            dependencies: [
                "ProtokollModel", "CPoppler", "CColourTransformCache", "CLibXML2", "CTesseract",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Pure Swift: page furniture, blocks, text repair, the canonical text.
        .target(name: "ProtokollNormalize", dependencies: ["ProtokollModel"]),

        // Pure Swift: items, decisions, votes, attendance, signatures; the public v1 records.
        .target(name: "ProtokollSegment", dependencies: ["ProtokollModel"]),

        // What the libFuzzer targets in Fuzz/ run; the tests replay saved crashers through it.
        .target(
            name: "ProtokollFuzzing",
            dependencies: [
                "ProtokollExtract", "ProtokollNormalize", "ProtokollSegment", "ProtokollModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // The visual audit: rendered pages with the records' boxes, as self-contained HTML.
        .target(
            name: "ProtokollInspect",
            dependencies: ["ProtokollModel", "ProtokollExtract", "ProtokollNormalize", "ProtokollSegment"]
        ),

        // The batch runner's core: configuration, the ledger and the isolated worker processes.
        .target(
            name: "ProtokollRunner",
            dependencies: [
                "ProtokollModel", "ProtokollExtract", "ProtokollNormalize", "ProtokollSegment", "CProcessControl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .executableTarget(
            name: "protokoll-extract",
            dependencies: [
                "CAllocatorSettings", "ProtokollExtract", "ProtokollModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseAllocator
        ),
        .executableTarget(
            name: "protokoll-normalize",
            dependencies: [
                "CAllocatorSettings", "ProtokollNormalize", "ProtokollModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseAllocator
        ),
        .executableTarget(
            name: "protokoll-segment",
            dependencies: [
                "CAllocatorSettings", "ProtokollSegment", "ProtokollModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseAllocator
        ),
        .executableTarget(
            name: "protokoll-emit",
            dependencies: [
                "CAllocatorSettings", "ProtokollSegment", "ProtokollModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseAllocator
        ),
        .executableTarget(
            name: "protokoll",
            dependencies: [
                "CAllocatorSettings", "ProtokollRunner", "ProtokollModel", "ProtokollExtract", "ProtokollInspect",
                "CProcessControl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseAllocator
        ),

        .target(
            name: "TestSupport",
            dependencies: [
                "ProtokollModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "ProtokollModelTests", dependencies: ["ProtokollModel", "TestSupport"]),
        .testTarget(
            name: "ProtokollExtractTests",
            dependencies: ["ProtokollExtract", "ProtokollModel", "TestSupport"]
        ),
        .testTarget(
            name: "ProtokollNormalizeTests",
            dependencies: ["ProtokollNormalize", "ProtokollExtract", "ProtokollModel", "TestSupport"]
        ),
        .testTarget(
            name: "ProtokollSegmentTests",
            dependencies: [
                "ProtokollSegment", "ProtokollNormalize", "ProtokollExtract", "ProtokollModel", "TestSupport",
            ],
            exclude: ["Expectations"]
        ),
        .testTarget(
            name: "ProtokollRunnerTests",
            dependencies: ["ProtokollRunner", "ProtokollModel", "TestSupport"]
        ),
        .testTarget(
            name: "ProtokollInspectTests",
            dependencies: ["ProtokollInspect", "ProtokollExtract", "ProtokollModel", "ProtokollSegment", "TestSupport"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ProtokollModel", "TestSupport"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .swiftLanguageMode(.v6),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
