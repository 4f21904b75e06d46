import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 N6: a 131000 ("Something went wrong") whose `error_data.details` name a rate limit got 131000's "unknown
/// reason; retry, then a ticket"; the details' rate limit is named, hedged (Meta's free text), with a slow-down fix.
@Suite struct RateLimitDetailsTests {
    static func error(_ code: String, _ details: String?) -> MessageError {
        MessageError(code: code, title: "Something went wrong", details: details)
    }

    @Test(arguments: [
        ("Message failed to send because there were too many messages sent from this phone number in a short period of time.",
         "one of its rate limits: the pair rate to one recipient (131056) or the number's throughput (130429)", "slow down: "),
        ("Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
         "its pair rate limit (131056", "wait before writing to this recipient again"),
    ])
    func aRateLimitInTheDetailsIsNamed(_ details: String, _ which: String, _ fix: String) {
        let error = Self.error("131000", details)
        #expect(error.meaning.hasPrefix("Meta's generic 'something went wrong', but its details name a rate limit"), "\(error.meaning)")
        #expect(error.meaning.contains(which), "\(error.meaning)")
        #expect(error.meaning.contains("Meta's free text"), "\(error.meaning)")
        for advice in [error.next, error.fix(for: nil, writtenSince: nil), error.fix(for: FailedSend(isTemplate: false, recipient: "14155550196"))] {
            #expect(advice.hasPrefix(fix), "\(advice)")
            #expect(advice.contains("1 message every 6 seconds"), "\(advice)")
        }
    }

    @Test func otherDetailsAndOtherCodesKeepTheCataloguesReading() {
        let plain = Self.error("131000", "Something went wrong on our side")
        #expect(plain.meaning == "the message failed for an unknown reason on Meta's side")
        #expect(plain.next.hasPrefix("retry; if it repeats"))
        let pair = Self.error("131056", "too many messages sent from this phone number to the same phone number")
        #expect(pair.meaning == "too many messages from this number to the same recipient in a short time")
    }

    /// `errors`' row named the code "something went wrong" before the rate limit's fix.
    @Test func theErrorsRowNamesTheRateLimit() throws {
        let details = "Message failed to send because there were too many messages sent from this phone number in a short period of time."
        let page = #"{"data":[{"id":"wamid.A","timestamp":"1795261800","type":"text","to":"14155550196","kapso":{"direction":"outbound","status":"failed","statuses":[{"id":"wamid.A","status":"failed","timestamp":"1795261802","errors":[{"code":131000,"title":"Something went wrong","error_data":{"details":"\#(details)"}}]}]}}]}"#
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(page.utf8)), since: 0)
        let meaning = try #require(triage.entries.first?.meaning)
        #expect(meaning.hasPrefix("something went wrong (its details name a rate limit): slow down: "), "\(meaning)")
    }
}
