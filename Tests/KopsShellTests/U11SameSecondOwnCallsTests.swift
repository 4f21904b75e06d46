import Foundation
import KapsoClient
import Testing

@testable import KopsShell

/// tester64b U11: a recorded `logs` page never checked the same: `trace` makes some of its reads at once, they are
/// stamped in the same second, and the API log's order among them is the order they arrived in, which changes between
/// runs (`-02:59:43Z GET …/messages (kops)` / `+02:59:43Z POST …/log_search (kops)`). The page orders kops's own calls of
/// one second by endpoint, method and status; other clients' calls keep the API's order.
@Suite struct U11SameSecondOwnCallsTests {
    static func log(_ id: String, _ method: String, _ path: String, at time: String, status: Int = 200) -> APILog {
        try! APILog(json: [
            "id": .string(id), "http_method": .string(method), "endpoint": .string(path),
            "response_status": .number(String(status)), "api_key_name": .string("backend"), "created_at": .string(time),
        ])
    }

    static let second = "2026-11-21T02:59:43Z"
    static let messages = log("a", "GET", "/platform/v1/whatsapp/messages", at: second)
    static let search = log("b", "POST", "/platform/v1/log_search", at: "2026-11-21T02:59:43.512Z")
    static let preference = log("c", "GET", "/platform/v1/whatsapp/contacts/x/marketing_preferences", at: second, status: 404)
    static let older = log("d", "GET", "/platform/v1/whatsapp/messages", at: "2026-11-21T02:59:42Z")

    static func rows(_ logs: [APILog], own: Set<String>) -> [String] {
        TableRenderer(width: 200, color: false).render(LogsCommand.table(logs, own: own)).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func kopsOwnCallsOfOneSecondShowInOneOrderWhateverTheirArrival() {
        let own: Set<String> = ["a", "b", "c", "d"]
        let one = Self.rows([Self.messages, Self.search, Self.preference, Self.older], own: own)
        let other = Self.rows([Self.preference, Self.search, Self.messages, Self.older], own: own)
        #expect(one == other)
        // The older second stays below.
        #expect(one.last?.contains("02:59:42") == true, "\(one)")
    }

    @Test func otherClientsCallsKeepTheAPIsOrder() {
        let one = Self.rows([Self.messages, Self.search, Self.preference], own: [])
        let other = Self.rows([Self.preference, Self.search, Self.messages], own: [])
        #expect(one != other)
        // An other client's call between two of kops's keeps its place.
        let mixed = Self.rows([Self.search, Self.preference, Self.messages], own: ["search", "b", "a"])
        #expect(mixed[1].contains("log_search") && mixed[2].contains("marketing") && mixed[3].contains("/messages"), "\(mixed)")
    }
}
