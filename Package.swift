// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: text, blocks and formats → parse → extract → index → interfaces (CLI).
let package = Package(
    name: "VanBan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vanban", targets: ["vanban"]),
        .library(name: "VanBanExtract", targets: ["VanBanExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // ICU behind plain C functions: Foundation on Linux carries its own ICU
        // module, so Swift code must never import ICU's headers directly.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // libxml2 likewise: its headers pull ICU in, so only plain C functions cross over.
        .target(
            name: "CXMLShim",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2"), .linkedLibrary("z")]
        ),
        // poppler-glib (PDF text with positions, rendering) and Tesseract (OCR) likewise behind plain C.
        .target(
            name: "CPDFShim",
            cSettings: [.unsafeFlags(["-I/usr/include/poppler/glib", "-I/usr/include/poppler", "-I/usr/include/glib-2.0",
                                      "-I/usr/lib/x86_64-linux-gnu/glib-2.0/include", "-I/usr/lib/aarch64-linux-gnu/glib-2.0/include",
                                      "-I/usr/include/cairo", "-I/usr/include/pixman-1", "-I/usr/include/freetype2",
                                      "-I/usr/include/libpng16", "-I/usr/include/leptonica"])],
            linkerSettings: [.linkedLibrary("poppler-glib"), .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0"),
                             .linkedLibrary("cairo"), .linkedLibrary("tesseract"), .linkedLibrary("lept")]
        ),
        .target(name: "VanBanModel"),
        .target(name: "VanBanText", dependencies: ["CICUShim", "VanBanModel"]),
        // Blocks: paragraphs and tables, what every reader yields and every later stage reads.
        .target(name: "VanBanBlocks"),
        // Formats: DOCX, HTML and PDF to blocks (beside VanBanText, before parsing).
        .target(
            name: "VanBanFormats",
            dependencies: ["CXMLShim", "CPDFShim", "VanBanBlocks", "VanBanText", "VanBanModel"]
        ),
        .target(name: "VanBanParse", dependencies: ["VanBanBlocks", "VanBanText", "VanBanModel"]),
        .target(name: "VanBanExtract", dependencies: ["VanBanParse", "VanBanFormats", "VanBanBlocks", "VanBanText", "VanBanModel"]),
        .target(name: "VanBanJSON", dependencies: ["VanBanModel"]),
        .target(
            name: "VanBanStore",
            dependencies: ["VanBanModel", "VanBanText", "VanBanJSON", "VanBanExtract", "VanBanParse", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The shared backend: PostgreSQL behind the same DocumentStore protocol.
        .target(
            name: "VanBanPostgres",
            dependencies: ["VanBanStore", "VanBanExtract", "VanBanJSON", "VanBanModel", "VanBanText",
                           .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "VanBanIngest", dependencies: ["VanBanExtract", "VanBanFormats", "VanBanJSON", "VanBanStore", "VanBanModel", "VanBanText"]),
        // The HTTP API: thin handlers over the store and the pipeline.
        .target(
            name: "VanBanServer",
            dependencies: ["VanBanStore", "VanBanIngest", "VanBanExtract", "VanBanFormats", "VanBanJSON", "VanBanModel", "VanBanText",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "vanban",
            dependencies: [
                "VanBanExtract", "VanBanFormats", "VanBanBlocks", "VanBanParse", "VanBanText", "VanBanModel", "VanBanJSON", "VanBanStore", "VanBanIngest",
                "VanBanServer", "VanBanPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "vanban-bench", dependencies: ["VanBanExtract", "VanBanParse", "VanBanStore"]),
        // The libFuzzer target (tools/fuzz.sh builds it with -sanitize=fuzzer; libFuzzer supplies main).
        .executableTarget(name: "vanban-fuzz", dependencies: ["VanBanExtract", "VanBanJSON"],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .testTarget(name: "VanBanTextTests", dependencies: ["VanBanText"]),
        .testTarget(name: "VanBanBlocksTests", dependencies: ["VanBanBlocks", "VanBanFormats", "VanBanText"]),
        .testTarget(
            name: "VanBanFormatsTests",
            dependencies: ["VanBanFormats", "VanBanBlocks", "VanBanParse", "VanBanExtract", "VanBanText", "VanBanModel", "VanBanJSON", "VanBanIngest", "VanBanStore",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "VanBanParseTests", dependencies: ["VanBanParse", "VanBanBlocks", "VanBanText"]),
        .testTarget(name: "VanBanExtractTests", dependencies: ["VanBanExtract", "VanBanParse", "VanBanText", "VanBanModel"]),
        .testTarget(
            name: "VanBanCLITests",
            dependencies: ["vanban", "VanBanExtract", "VanBanParse", "VanBanText", "VanBanModel", "VanBanJSON", "VanBanServer"]
        ),
        .testTarget(name: "VanBanStoreTests", dependencies: ["VanBanStore", "VanBanPostgres", "VanBanIngest", "VanBanExtract", "VanBanModel", "VanBanText",
                                                             .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
