import KapsoClient
import KapsoDiagnostics
import Testing

/// probe40 P40-8: recent failures whose advice says not to resend now (131056 pair rate limit, 131026 undeliverable,
/// 131049/131050 for marketing) hold a send to the contact: one table (`ResendHold.rules`), one line.
@Suite struct Probe40ResendHoldTests {
    static let now: Int64 = 1_795_262_400
    static let contact = "14155551002"

    static func send(_ id: String, at: Int64, code: Int?, template: Bool = false) throws -> Message {
        let status = code.map { #"{"id": "\#(id)", "status": "failed", "timestamp": "\#(at)", "errors": [{"code": \#($0), "title": "x"}]}"# }
            ?? #"{"id": "\#(id)", "status": "delivered", "timestamp": "\#(at)"}"#
        let body = template ? #""type": "template", "template": {"name": "order_update", "language": {"code": "en_US"}}"# : #""type": "text", "text": {"body": "hi"}"#
        let json = """
            {"id": "\(id)", "timestamp": "\(at)", \(body), "to": "\(contact)",
             "kapso": {"direction": "outbound", "status": "\(code == nil ? "delivered" : "failed")",
                       "phone_number_id": "100200300400501", "statuses": [\(status)]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    static func inbound(at: Int64) throws -> Message {
        let json = """
            {"id": "wamid.IN", "timestamp": "\(at)", "type": "text", "from": "\(contact)", "text": {"body": "hi"},
             "kapso": {"direction": "inbound", "status": "received", "phone_number_id": "100200300400501"}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    /// Meta's backoff: 4^X seconds, X from 0 (at least the pair limit's 6 s), capped at 24 h.
    @Test(arguments: [(1, 6), (2, 6), (3, 16), (4, 64), (5, 256), (40, 86_400)] as [(Int, Int64)])
    func backoff(failures: Int, seconds: Int64) {
        #expect(ResendHold.backoff(after: failures) == seconds)
    }

    /// Three 131056 in a row, the newest 5 s ago: held until Meta's backoff (16 s) passes; an hour later: said, not held.
    @Test func aPairRateLimitHoldsForMetasBackoff() throws {
        let sends = try [2_400, 1_200, 5].enumerated().map { try Self.send("wamid.P\($0.offset)", at: Self.now - Int64($0.element), code: 131056) }
        let hold = try #require(ResendHold.of(sends, sending: .text, now: Self.now))
        #expect(hold.holds && hold.count == 3 && hold.rule.code == "131056")
        #expect(hold.statement.hasPrefix("3 sends to this contact failed 131056 (pair rate limit) in 39 min, the newest 5 s ago"), "\(hold.statement)")
        #expect(hold.statement.contains("wait until 2026-11-21T12:00:11Z") && hold.statement.contains("wait before writing to this recipient again"), "\(hold.statement)")
        let later = try #require(ResendHold.of(sends, sending: .template(category: "UTILITY"), now: Self.now + 3_600))
        #expect(!later.holds && later.statement.contains("which has passed: this send may go"), "\(later.statement)")
        // A send that reached them since lifts it.
        let reached = sends + [try Self.send("wamid.OK", at: Self.now - 2, code: nil)]
        #expect(ResendHold.of(reached, sending: .text, now: Self.now) == nil)
    }

    /// 131026 twice with nothing since: held; once: said; the contact wrote since: lifted.
    @Test func undeliverableTwiceHoldsUntilTheContactActs() throws {
        let first = try Self.send("wamid.U0", at: Self.now - 600, code: 131026)
        let second = try Self.send("wamid.U1", at: Self.now - 300, code: 131026)
        let hold = try #require(ResendHold.of([first, second], sending: .text, now: Self.now))
        #expect(hold.holds && hold.statement.contains("nothing reached them and they have not written since"), "\(hold.statement)")
        #expect(hold.statement.contains("do not retry in a loop"), "\(hold.statement)")
        let once = try #require(ResendHold.of([second], sending: .text, now: Self.now))
        #expect(!once.holds)
        #expect(ResendHold.of([first, second, try Self.inbound(at: Self.now - 100)], sending: .text, now: Self.now) == nil)
    }

    /// The marketing rows hold marketing templates only; the table is the one `recentMarketingRefusal` reads.
    @Test func marketingRowsHoldMarketingTemplatesOnly() throws {
        let refused = try Self.send("wamid.M", at: Self.now - 7_200, code: 131049, template: true)
        #expect(ResendHold.of([refused], sending: .text, now: Self.now) == nil)
        #expect(ResendHold.of([refused], sending: .template(category: "UTILITY"), now: Self.now) == nil)
        #expect(ResendHold.of([refused], sending: .template(category: "MARKETING"), now: Self.now)?.rule.code == "131049")
        #expect(ResendHold.rules.map(\.code) == ["131056", "131026", "131049", "131050", "130472"])
    }
}
