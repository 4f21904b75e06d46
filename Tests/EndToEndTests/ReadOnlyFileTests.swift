import Foundation
import KopsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// probe22 P22-16 and its siblings: a file kops writes that cannot be written is named as the culprit with what to do
/// (the transcript read-only, the folder not writable, config.toml read-only), not blamed on a backup or the folder.
/// Permissions bind a user other than root: as root the files are given to `nobody` and kops runs as it (`setpriv`).
@Suite(.serialized) struct ReadOnlyFileTests {
    private static let nobody: uid_t = 65534

    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ro-\(UUID().uuidString)")
        for sub in ["", "cfg/kops", "state"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return folder
    }

    /// Hands everything under `folder` to the user kops runs as (as root: nobody).
    private func giveAway(_ folder: URL) throws {
        guard getuid() == 0 else { return }
        let paths = [folder.path] + (FileManager.default.subpaths(atPath: folder.path) ?? []).map { folder.path + "/" + $0 }
        for path in paths { lchown(path, Self.nobody, Self.nobody) }
    }

    /// kops as the files' owner: itself, or nobody under root.
    private func kops(_ arguments: [String], folder: URL) async throws -> ProcessResult {
        let environment = [
            "HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/cfg", "XDG_STATE_HOME": folder.path + "/state",
        ]
        let asOwner = getuid() == 0
            ? ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", ProcessRunner.executable("kops").path] + arguments)
            : ("kops", arguments)
        return try await offPool { try ProcessRunner.run(asOwner.0, asOwner.1, environment: environment) }
    }

    @Test func checkUpdateOfAReadOnlyTranscriptNamesIt() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try giveAway(folder)
        let path = folder.appendingPathComponent("ro.md").path
        let recorded = try await kops(["--demo", "-c", "record \(path); explain 131047"], folder: folder)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        // Its output differs from the replay's, and it is read-only.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let prompt = try #require(text.range(of: "> explain 131047\n"))
        let edited = text.replacingCharacters(in: prompt.upperBound..<prompt.upperBound, with: "an edited line\n")
        #expect(edited != text)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        try giveAway(folder)
        chmod(path, 0o444)
        let result = try await kops(["check", path, "--update"], folder: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "error: cannot write transcript '\(path)': it is read-only (mode 0444); make it writable (chmod u+w \(path)) first\n"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("backup"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + "~"), "no backup is made for a refusal")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
    }

    /// The restore file is rewritten with the transcript: one made read-only is named before anything is written.
    @Test func checkUpdateNamesAReadOnlyRestoreFile() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try giveAway(folder)
        let path = folder.appendingPathComponent("r.md").path
        let recorded = try await kops(["--demo", "-c", "record \(path); use 100200300400501; whois +14155550142"], folder: folder)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let restore = path + ".restore"
        try #require(FileManager.default.fileExists(atPath: restore))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let prompt = try #require(text.range(of: "> use 100200300400501\n"))
        let edited = text.replacingCharacters(in: prompt.upperBound..<prompt.upperBound, with: "an edited line\n")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        try giveAway(folder)
        chmod(restore, 0o444)
        let result = try await kops(["check", path, "--update"], folder: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "cannot write transcript '\(path)': its restore file \(restore): it is read-only (mode 0444); make it writable "
                    + "(chmod u+w \(restore)) first\n"), "\(result.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
    }

    /// `record --force` does not replace a read-only file (the rename beside it would have), and a folder kops may not
    /// write in is named as the folder.
    @Test func recordNamesAReadOnlyFileAndAFolderItMayNotWriteIn() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("keep.md").path
        // A transcript: `--force` replaces no other file (tester57 AB5).
        try Data("# kops transcript\n\nkeep me\n".utf8).write(to: URL(fileURLWithPath: path))
        let sub = folder.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        try giveAway(folder)
        chmod(path, 0o444)
        chmod(sub, 0o555)
        defer { chmod(sub, 0o755) }
        let forced = try await kops(["--demo", "-c", "record \(path) --force"], folder: folder)
        #expect(forced.status == 1, "\(forced.stderr)")
        #expect(forced.stderr.contains("cannot write transcript '\(path)': it is read-only (mode 0444)"), "\(forced.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# kops transcript\n\nkeep me\n")
        let inFolder = try await kops(["--demo", "-c", "record \(sub)/new.md"], folder: folder)
        #expect(inFolder.status == 1, "\(inFolder.stderr)")
        #expect(
            inFolder.stderr.contains(
                "cannot write transcript '\(sub)/new.md': its folder \(sub) is not writable for you (mode 0555); make it "
                    + "writable, or write it elsewhere"), "\(inFolder.stderr)")
    }

    /// A read-only config.toml (a dotfile manager's, a deliberate chmod) is named and left as it is: the rename beside it
    /// replaced it.
    @Test func profileAddNamesAReadOnlyConfig() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("cfg/kops/config.toml").path
        let text = "[profiles.a]\nbase_url = \"https://api.kapso.ai\"\napi_key_env = \"A_KEY\"\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        try giveAway(folder)
        chmod(config, 0o444)
        let result = try await kops(["-c", "profile add b --base-url https://api.kapso.ai --key-env B_KEY"], folder: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains("cannot write \(config): it is read-only (mode 0444); make it writable (chmod u+w \(config)) first"),
            "\(result.stderr)")
        #expect(try String(contentsOfFile: config, encoding: .utf8) == text)
    }
}
