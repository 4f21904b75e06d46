import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester49 F2: a masked bundle kept a contact's full number and name where an API log's path carried them URL-encoded
/// (`%2B1%20415%20555%200171`, `Ana%20Lucia%20Gomez`, `query=Ana+Lucia+Gomez`) while the same file masked them written
/// plainly. Each encoded form is masked as its decoded form is; forms that hold no personal data stay as they were.
@Suite struct PIIMaskEncodedFormsTests {
    static func masker() -> PIIMasker {
        let masker = PIIMasker()
        masker.learn(from: .object([
            "contact_name": "Ana Lucia Gomez", "phone_number": "14155550171",
        ]))
        return masker
    }

    @Test(arguments: [
        ("GET /platform/v1/whatsapp/messages?phone_number=%2B1%20415%20555%200171  500",
         // The column gap after it grows by what the path lost, so columns stay aligned.
         "GET /platform/v1/whatsapp/messages?phone_number=+1 415 ••• 0171          500"),
        ("GET /platform/v1/log_search?query=Ana+Lucia+Gomez", "GET /platform/v1/log_search?query=<contact 1>"),
        ("GET /platform/v1/whatsapp/messages?conversation_id=0a1b&contact_name=Ana%20Lucia%20Gomez",
         "GET /platform/v1/whatsapp/messages?conversation_id=0a1b&contact_name=<contact 1>"),
        ("GET /x?q=Ana%2520Lucia%2520Gomez&y=1", "GET /x?q=<contact 1>&y=1"),
        ("{\"endpoint\": \"/p?phone_number=1%20415%20555%200171\"}", "{\"endpoint\": \"/p?phone_number=1 415 ••• 0171\"}"),
    ])
    func anEncodedNumberOrNameIsMasked(_ text: String, _ expected: String) {
        let masked = Self.masker().mask(text)
        #expect(masked == expected)
        for clear in ["Gomez", "555%200171", "Lucia"] { #expect(!masked.contains(clear), "\(masked)") }
    }

    /// An API log read before any result named the contact: its path's `contact_name=` and `phone_number=` teach the name
    /// and number, so the log search by the name and the error text that writes it are masked too.
    @Test func anAPILogsPathTeachesTheContact() {
        let masker = PIIMasker()
        masker.learn(from: .array([
            .object(["endpoint": "/platform/v1/whatsapp/messages?conversation_id=0a1b&contact_name=Ana%20Lucia%20Gomez&limit=5"]),
            .object(["endpoint": "/platform/v1/whatsapp/conversations?phone_number=%2B44%207700%20900123"]),
        ]))
        let text = "GET /platform/v1/log_search?query=Ana+Lucia+Gomez  500\n(#100) Contact Ana Lucia Gomez has no WhatsApp\n"
            + "to 447700900123 failed"
        let masked = masker.mask(text)
        for clear in ["Gomez", "Lucia", "900123"] { #expect(!masked.contains(clear), "\(masked)") }
        #expect(masked.contains("query=<contact 1>") && masked.contains("Contact <contact 1> has"), "\(masked)")
    }

    /// Encoded text that holds no personal data stays, and so does a form the plain matchers already read.
    @Test(arguments: [
        "GET /x?q=hello+world&text=order%20shipped", "GET /messages%2Fabc", "GET /p?a=b%ZZ",
        "GET /platform/v1/whatsapp/conversations?phone_number=%2B1415•••0171",
    ])
    func otherEncodedTextStays(_ text: String) {
        #expect(Self.masker().mask(text) == text)
    }

    /// The bundle and the transcript of tester49's seed (`Tests/Seeds/tester49-pii.seed.json`: API logs whose paths carry
    /// the contact's number and name encoded) hold neither in clear, and the transcript replays clean.
    ///
    /// The session may open with `logs --errors`, before any result has named the contact: the API log whose path
    /// carries `contact_name=` names them, and the other rows (a log search by the name, an error text with it) are
    /// masked by what it taught.
    @Test(arguments: [["conversations", "logs --errors", "errors --flat"], ["logs --errors", "errors --flat"]])
    func noSinkHoldsTheEncodedNumberOrName(_ typed: [String]) async throws {
        let (transcript, bundle, diff) = try await offPool {
            let fixture = try SimulatorFixture(seed: TestSeeds.file("tester49-pii.seed.json"))
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-encoded-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for line in ["record \(folder)/t.md"] + typed + ["bundle \(folder)/b.md", "record stop"] {
                shell.run(line: line)
            }
            func read(_ name: String) -> String {
                FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            let replay = try TranscriptChecker(
                expected: read("t.md"), path: folder + "/t.md", restore: TranscriptRestore.load(besides: folder + "/t.md")
            ).replay(on: try fixture.shell(phoneNumberID: "100200300400501").shell)
            return (read("t.md"), read("b.md"), replay.diff)
        }
        for (sink, text) in [("transcript", transcript), ("bundle", bundle)] {
            #expect(text.contains("personal data: masked") || sink == "transcript", "\(sink): \(text)")
            for clear in ["Gomez", "555%200171", "Lucia"] { #expect(!text.contains(clear), "\(sink) holds \(clear): \(text)") }
            #expect(text.contains("query=<contact "), "\(sink): \(text)")
        }
        #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))")
    }
}
