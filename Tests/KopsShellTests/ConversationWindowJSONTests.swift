import Foundation
import KapsoClient
import KopsTestSupport
import Testing

/// tester47 F7: `conversation ID --output json` held only Kapso's record, whose `last_inbound_at` can say closed while
/// kops's window line says open (a later message the contact wrote): a script reading the JSON got the opposite answer.
/// The JSON now carries kops's reading, `kops.window`, the same as the text.
@Suite struct ConversationWindowJSONTests {
    @Test(arguments: [
        ("d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", "open"),
        ("e5a6c7d8-4f5b-4c6d-8e7f-901234567890", "closed"),
    ])
    func theJSONSaysWhatTheWindowLineSays(id: String, state: String) async throws {
        let text = try await runDemo("conversation \(id)", number: "100200300400501")
        let ran = try await runDemo(["output json", "conversation \(id)"], number: "100200300400501")[1]
        let json = try JSONValue.parse(Array(ran.out.utf8))
        let window = json["kops"]?["window"]
        #expect(window?["state"]?.string == state, "\(ran.out)")
        let line = text.out.split(separator: "\n").first { $0.hasPrefix("window:") }.map { String($0.dropFirst("window:".count)).trimmingCharacters(in: .whitespaces) }
        #expect(window?["summary"]?.string == line, "\(text.out)")
        #expect(line?.hasPrefix(state) == true, "\(text.out)")
        if state == "open" { #expect(window?["open_until"]?.string != nil) }
        #expect(json["id"]?.string == id, "Kapso's record is still there")
    }
}
