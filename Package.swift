// swift-tools-version:6.1
import PackageDescription

#if canImport(Glibc)
import Glibc
#endif

/// `-L static-libs` where its `libstdc++.a`, a link to gcc 12's (Debian 12, what the README and CI build on), is there:
/// the release `kops` then has libstdc++ linked in instead of loading `libstdc++.so.6` at every start (the Swift
/// runtime, ICU and TOMLKit use it; the toolchain's `static-stdlib-args.lnk` names `-lstdc++`, which takes the first
/// folder's `libstdc++.a` or `.so`, so `-static-libstdc++` changes nothing). The loader relocated it and ran its
/// initialisers: 1.85 M instructions of every start (`kops --version` 3.96 → 2.11 M), 4 % of the 50-read replay
/// (docs/performance.md, "Session 58").
/// Elsewhere the link is dangling and the flag is left out (gold stops at a dangling `libstdc++.a`): libstdc++ loaded.
let staticLibstdcxx: [String] = {
    #if canImport(Glibc)
    let folder = Context.packageDirectory + "/static-libs"
    return access(folder + "/libstdc++.a", R_OK) == 0 ? ["-L", folder] : []
    #else
    return []
    #endif
}()

let package = Package(
    name: "kops",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kops", targets: ["kops"]),
        .executable(name: "kapso-sim", targets: ["kapso-sim"]),
        .library(name: "KapsoSimulator", targets: ["KapsoSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C at the bottom: system libraries and one small shim target.
        // libcurl's headers only: kops opens libcurl with dlopen at the first request (CKopsShims/kops_curl.c), so
        // nothing links it and commands that send nothing never load it (apt: libcurl4-openssl-dev).
        .systemLibrary(name: "CCurl"),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "CKopsShims", dependencies: ["CCurl", "CEditLine"]),

        // Swift layers, each depending only on those above it.
        .target(name: "KopsHTTP", dependencies: ["CKopsShims", "CCurl"]),
        .target(name: "KapsoClient", dependencies: ["KopsHTTP", "CKopsShims"]),
        .target(name: "KapsoDiagnostics", dependencies: ["KapsoClient"]),
        .target(
            name: "KopsShell",
            dependencies: ["KapsoDiagnostics", "KapsoClient", "KopsHTTP", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "KopsTerminal", dependencies: ["KopsShell", "CKopsShims", "CEditLine"]),
        .target(
            name: "KapsoSimulator",
            dependencies: [
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"), "CCrypto",
                // The webhook event catalogue and its sample payloads only; no client models.
                "KapsoDiagnostics",
            ]
        ),
        .target(name: "KopsTestSupport", dependencies: ["KapsoSimulator", "KopsShell", "KopsHTTP"]),
        .executableTarget(
            name: "kops",
            dependencies: [
                // No KapsoSimulator: `--demo` runs the kapso-sim executable beside kops (DemoSimulator.swift).
                "KopsShell", "KopsTerminal", "KapsoClient", "KapsoDiagnostics", "KopsHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The static build's link exports every public symbol of kops's own modules (13,462; the toolchain's
            // static-stdlib-args.lnk says `-export-dynamic`), and the Swift runtime's start-up `dladdr` of its own path
            // walked that table: 0.46 M instructions of every start (docs/performance.md, "Session 56"). Nothing looks
            // kops's symbols up by name: libcurl, libcrypto and zlib are opened with dlopen and read with dlsym on them.
            // Linked by lld (the toolchain's, `-use-ld=lld`) with its relative relocations packed (`-z pack-relative-relocs`,
            // DT_RELR, read by glibc 2.36 on): the loader applied 85,757 RELA entries, 24 bytes each, at every start, where a
            // RELR table is 17 KB of bitmaps (2 MB less in the file): 0.42 M instructions of the 50-read replay and of every
            // start (docs/performance.md, "Session 59"). gold, the driver's default, cannot pack them.
            linkerSettings: [
                .unsafeFlags(
                    ["-Xlinker", "--no-export-dynamic", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
                        + staticLibstdcxx, .when(configuration: .release))
            ]
        ),
        .executableTarget(
            name: "kapso-sim",
            dependencies: ["KapsoSimulator", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "KopsHTTPTests", dependencies: ["KopsHTTP", "KopsTestSupport"]),
        .testTarget(name: "KapsoClientTests", dependencies: ["KapsoClient", "KopsTestSupport"]),
        .testTarget(name: "KapsoDiagnosticsTests", dependencies: ["KapsoDiagnostics", "KopsTestSupport"]),
        .testTarget(name: "KopsShellTests", dependencies: ["KapsoDiagnostics", "KopsShell", "KopsTerminal", "KopsTestSupport"]),
        .testTarget(name: "KapsoSimulatorTests", dependencies: ["KapsoSimulator"]),
        .testTarget(
            name: "KopsLaunchTests",
            dependencies: ["kops", "KopsShell", "KopsTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "EndToEndTests", dependencies: ["KopsTestSupport", "KopsHTTP"]),
        .testTarget(name: "TranscriptTests", dependencies: ["KopsTestSupport"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        // Concrete generic types (`[IDCache.Kind: [String]]`'s storage, `[Range<Int>]`) are instantiated through their
        // metadata accessors with the witness tables passed in, not from a mangled name: the runtime's demangler looked
        // each requirement's conformance up by scanning the static binary's every conformance record, about 120,000
        // instructions a first use, 2.8 M of the 50-read replay (docs/performance.md, "Session 52"). Release only:
        // debug builds and tests are as before.
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
    ]
}
