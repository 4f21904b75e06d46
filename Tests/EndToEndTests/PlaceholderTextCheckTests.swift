import Foundation
import KopsTestSupport
import Testing

/// probe29 P29-7: a line typed with text shaped like a mask placeholder (`<contact 1>`, `<body 1>`) was recorded as
/// typed, and `kops check` refused the clean transcript ("it was masked and t.md.restore does not hold it", or "is
/// missing"). The recorder keeps such a line in the restore file, and the check replays it as typed.
@Suite struct PlaceholderTextCheckTests {
    @Test(arguments: [
        #"reply --to +14155550142 --dry-run "Hi <contact 1>, your order shipped""#,
        #"set note "<body 1>""#,
        #"explain '<message 1> 131047'"#,
    ])
    func aTypedPlaceholderShapeChecksClean(line: String) async throws {
        let (recorded, check) = try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p29-7-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let environment = ["HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
            let path = folder + "/t.md"
            let recorded = try ProcessRunner.run(
                "kops", ["--demo", "-c", "use 100200300400501", "-c", "record \(path)", "-c", line, "-c", "record stop"],
                environment: environment)
            return (recorded, try ProcessRunner.run("kops", ["check", path], environment: environment))
        }
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("output unchanged"), "\(check.stderr)")
    }
}
