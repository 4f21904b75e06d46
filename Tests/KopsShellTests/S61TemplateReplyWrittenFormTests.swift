import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// Session 61, item 3: a free-form `reply` names the form of the number the contact wrote from (their WhatsApp ID) and
/// what to do on a 131026 (`ContactNumber.WrittenForm`, tester60 AH15); `reply --template` said nothing, and its 131026
/// pointed at `reply --to +ID TEXT`, a free-form reply, for a template send.
@Suite struct S61TemplateReplyWrittenFormTests {
    /// The tester60 seed (João wrote an hour ago from 551187654321, the form without Brazil's ninth digit) with
    /// probe40's approved `order_update` template on the same WABA, written to a temporary file.
    static func seed() throws -> SimulatorSeed {
        let base = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSeeds.path("tester60-windows-forms.seed.json"))))
                as? [String: Any])
        let holds = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSeeds.path("probe40-holds.seed.json"))))
                as? [String: Any])
        var seed = base
        seed["message_templates"] = (holds["message_templates"] as? [[String: Any]])?.filter { $0["name"] as? String == "order_update" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s61-forms-templates-\(UUID().uuidString).seed.json")
        try JSONSerialization.data(withJSONObject: seed).write(to: path)
        return .file(path.path)
    }

    static let template = "reply --to +5511987654321 --template order_update --language en_US --param A-1"

    @Test func aTemplateReplyNamesTheFormTheContactWroteFrom() async throws {
        let run = try await runDemo([Self.template + " --dry-run"], number: "100200300400501", seed: try Self.seed())[0]
        #expect(run.status == 0, "\(run.err)")
        let said = run.out + run.err
        #expect(said.contains(#""to": "5511987654321""#), "\(said)")
        #expect(said.contains("the contact wrote from +551187654321 at 2026-11-21T11:00:00Z (1 h ago), the same number as "
            + "+5511987654321 in another form (Brazil's ninth digit"), "\(said)")
        #expect(said.contains("sending to +5511987654321 as given; if Meta answers 131026, send to +551187654321 "
            + "('reply --to +551187654321 --template order_update …')"), "\(said)")
    }

    /// The simulator answers 131026 to the dialled form: the refusal says to send the template again, not a text.
    @Test func a131026AfterATemplateSaysToSendTheTemplateAgain() async throws {
        let run = try await runDemo([Self.template], number: "100200300400501", seed: try Self.seed())[0]
        #expect(run.status != 0, "\(run.out)")
        #expect(run.err.contains("131026"), "\(run.err)")
        #expect(run.err.contains("'reply --to +551187654321 --template order_update …'"), "\(run.err)")
        #expect(!run.err.contains("'reply --to +551187654321 TEXT'"), "\(run.err)")
    }
}
