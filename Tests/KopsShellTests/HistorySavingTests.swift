import Foundation
import KopsTerminal
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// probe27 P27-20: on a full disk the session's history lines were dropped without a word. The disk is staged by a
/// writer that takes a few bytes, then fails with ENOSPC as a full file system does.
@Suite struct HistorySavingTests {
    /// A writer that takes `first` bytes of the first write, then fails every write with ENOSPC.
    static func fullDisk(after first: Int) -> @Sendable (Int32, UnsafeRawBufferPointer) -> Int {
        let taken = Taken()
        return { fd, bytes in
            guard taken.take() else {
                errno = ENOSPC
                return -1
            }
            return Glibc.write(fd, bytes.baseAddress, min(first, bytes.count))
        }
    }

    final class Taken: @unchecked Sendable {
        private var done = false
        private let lock = NSLock()
        func take() -> Bool {
            lock.lock()
            let first = !done
            done = true
            lock.unlock()
            return first
        }
    }

    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fullhist-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func anEntryTheDiskDoesNotTakeIsNamedAndLeavesTheFileAsItWas() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history"
        try Data("old line\n".utf8).write(to: URL(fileURLWithPath: path))
        var file = HistoryFile(path: path)
        file.writeBytes = Self.fullDisk(after: 3)
        #expect(file.append("explain 131047") == "no space left on device")
        // The 3 bytes written are cut off again: the next entry does not run into a part of this one.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old line\n")
    }

    @Test func theFirstFailureIsSaidOnceAndTheHeldLinesAreWrittenWhenTheFileTakesThem() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history"
        try Data("old line\n".utf8).write(to: URL(fileURLWithPath: path))
        let working = HistoryFile(path: path)
        var full = working
        full.writeBytes = { _, _ in
            errno = ENOSPC
            return -1
        }
        var saving = HistorySaving()
        let first = saving.save("explain 1", to: full)
        #expect(first == "warning: history not saved to \(path) (no space left on device); this session's lines are kept in "
            + "memory and written once it takes them, or lost at exit")
        #expect(saving.save("explain 2", to: full) == nil, "said once")
        #expect(saving.held == ["explain 1", "explain 2"])
        #expect(saving.save("explain 3", to: working) == nil)
        #expect(saving.held.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old line\nexplain 1\nexplain 2\nexplain 3\n")
    }

    /// `forget` cut the file to nothing before writing what it kept: on a full disk the whole history was gone.
    @Test func forgettingASecretOnAFullDiskKeepsTheOldFileWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history"
        let old = "numbers\nset ms whsec_abcdef123456\nstate\n"
        try Data(old.utf8).write(to: URL(fileURLWithPath: path))
        var file = HistoryFile(path: path)
        file.writeBytes = Self.fullDisk(after: 0)
        file.forget(["whsec_abcdef123456"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["history"], "no new file left behind")
        // With room on the disk the secret's line goes.
        HistoryFile(path: path).forget(["whsec_abcdef123456"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "numbers\nstate\n")
    }
}
