import Foundation
import KapsoClient
@testable import KopsShell
import Testing

/// #16: a note no longer reads the journal (44 M instructions at 600 lines, paid by every process's first request);
/// the file is read only where a note is matched. What a note means must not change: another process sees it at once,
/// it counts as this session's, earlier runs' notes do not, and no note is read twice.
@Suite struct OwnLookupsJournalTests {
    static let host = "https://api.kapso.ai"

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kops-journal-\(UUID().uuidString)")
    }

    static func call(_ id: String, _ path: String) -> OwnLookups.LoggedCall {
        OwnLookups.LoggedCall(id: id, method: "GET", endpoint: path, status: 404, time: "2026-11-21T12:00:00Z")
    }

    @Test func aNoteIsWrittenAtOnceWithoutReadingTheJournal() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.path + "/own-lookups"
        OwnLookups(path: file).note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/messages/wamid.EARLIER1", time: 1_795_262_400)
        let own = OwnLookups(path: file)
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/messages/wamid.MINE0001", time: 1_795_262_400)
        #expect(!own.loaded, "a note does not read the journal")
        #expect(own.unread.count == 1)
        // Another process (another reader of the file) sees it before this one reads anything.
        #expect(OwnLookups(path: file).entries.map(\.path) == [
            "/platform/v1/whatsapp/messages/wamid.EARLIER1", "/platform/v1/whatsapp/messages/wamid.MINE0001",
        ])
        let matches = own.ownIDs(
            in: [Self.call("e", "/platform/v1/whatsapp/messages/wamid.EARLIER1"), Self.call("m", "/platform/v1/whatsapp/messages/wamid.MINE0001")],
            host: Self.host)
        #expect(matches.ids == ["e", "m"])
        #expect(matches.session == ["m"], "the note made before the journal was read is this session's; the earlier run's is not")
        #expect(own.entries.count == 2, "this process's note is not read back from the file a second time")
        // A note after the read goes to memory and the file alike.
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/messages/wamid.MINE0002", time: 1_795_262_401)
        #expect(own.entries.count == 3)
        #expect(OwnLookups(path: file).entries.count == 3)
    }

    @Test func startingASessionBeforeAnyNoteCountsOnlyLaterNotes() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.path + "/own-lookups"
        let own = OwnLookups(path: file)
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/messages/wamid.BEFORE01", time: 1_795_262_400)
        own.startSession()
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/messages/wamid.AFTER001", time: 1_795_262_400)
        let matches = own.ownIDs(
            in: [Self.call("b", "/platform/v1/whatsapp/messages/wamid.BEFORE01"), Self.call("a", "/platform/v1/whatsapp/messages/wamid.AFTER001")],
            host: Self.host)
        #expect(matches.ids == ["a", "b"])
        #expect(matches.session == ["a"])
    }

    /// Processes that never read the journal (a cron running `kops -c health`) let it grow; the next process to open
    /// one past `compactBytes` prunes it to the limits, keeping every look-up.
    @Test func aJournalGrownByProcessesThatNeverReadItIsCompacted() throws {
        let folder = Self.folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.path + "/own-lookups"
        var text = "1795262000\tGET\thttps://api.kapso.ai\t/platform/v1/whatsapp/messages/wamid.LOOKUP01\n"
        var index = 0
        while text.utf8.count <= OwnLookups.compactBytes {
            text += "\(1_795_262_000 + index)\tGET\thttps://api.kapso.ai\t/platform/v1/whatsapp/phone_numbers/100200300400501/messages?limit=20&page=\(index)\t200\trequest\n"
            index += 1
        }
        FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        let own = OwnLookups(path: file)
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/messages/wamid.MINE0001", time: 1_795_262_400)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == OwnLookups.requestLimit + 2, "the newest requests, the earlier look-up and this note")
        #expect(lines.first?.contains("wamid.LOOKUP01") == true && lines.last?.contains("wamid.MINE0001") == true)
        let matches = own.ownIDs(in: [Self.call("m", "/platform/v1/whatsapp/messages/wamid.MINE0001")], host: Self.host)
        #expect(matches.session == ["m"])
    }

    @Test func tabsAndLineBreaksInANoteStayOnItsLine() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.path + "/own-lookups"
        let own = OwnLookups(path: file)
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/contacts/a\tb\nc\u{2028}d-é", time: 1_795_262_400)
        own.note(method: "GET", host: Self.host, path: "/platform/v1/whatsapp/contacts/plain", time: 1_795_262_400)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty, "\(lines)")
        #expect(OwnLookups(path: file).entries.map(\.path) == [
            "/platform/v1/whatsapp/contacts/a b c d-é", "/platform/v1/whatsapp/contacts/plain",
        ])
    }
}
