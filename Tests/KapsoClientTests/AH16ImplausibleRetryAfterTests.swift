import KapsoClient
import Testing

/// tester61 AH16: a 429 with `Retry-After: 99999999` read "retry in 1157 days", the server's number stated as a plan.
/// A wait past a day (`RetryAfter.plausible`) is named as the server's implausible ask, with what to do instead.
@Suite struct AH16ImplausibleRetryAfterTests {
    @Test func anImplausibleWaitIsNamedAsTheServersAsk() {
        let seconds = RetryAfter.seconds("99999999", date: nil, serverTime: nil)
        let message = KapsoAPIError.rateLimited(retryAfter: seconds, message: "Rate limit exceeded").message
        #expect(!message.contains("retry in 1157 days"), "\(message)")
        #expect(
            message.hasSuffix(
                "the server asked for an implausible wait of 1157 days (Retry-After: 99999999); retry later, and check Kapso's "
                    + "status if it persists"), "\(message)")
    }

    @Test func theLongestReadIsNotGivenAsTheHeadersValue() {
        let seconds = RetryAfter.seconds("99999999999999999999", date: nil, serverTime: nil)
        let message = KapsoAPIError.rateLimited(retryAfter: seconds, message: "Rate limit exceeded").message
        #expect(message.contains("an implausible wait of more than 11574 days (Retry-After: more than 999999999 s)"), "\(message)")
    }

    @Test(arguments: [(60, "retry in 60 s"), (3_600, "retry in 1 h"), (86_400, "retry in 24 h")])
    func aWaitUpToADayIsStated(seconds: Int, said: String) {
        #expect(KapsoAPIError.rateLimited(retryAfter: seconds, message: "m").message.hasSuffix(said))
    }
}
