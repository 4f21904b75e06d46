import KapsoDiagnostics
import Testing

/// tester55 X5: `explain` read a count or a time in pasted words as an error code: "failed (4 attempts)" was Meta's code 4
/// "app rate limit", "webhook failed 10 minutes ago" code 10 "permission denied", "Error 500 times" HTTP 500. A number its
/// next word counts or times is no code; a code beside words that are not a unit still reads.
@Suite struct X5CountIsNoCodeTests {
    @Test(arguments: [
        "failed (4 attempts)", "failed 4 attempts", "webhook failed 10 minutes ago", "Delivery failed 3 times", "error 3 times",
        "Error 500 times", "failed 2 tries", "status 5 s", "error 4 (attempts left: 2)", "retries remaining 3",
    ])
    func aCountOrATimeIsNoCode(text: String) {
        #expect(PastedError(text) == nil, "\(text): \(String(describing: PastedError(text)?.code))")
    }

    @Test(arguments: [
        ("error 131026 Message undeliverable", "131026"), ("HTTP 429 Too Many Requests", "429"), ("failed with 368", "368"),
        ("GET /v24.0/123/messages 404", "404"), ("(#131047) Re-engagement message", "131047"), ("error 4 app limit", "4"),
    ])
    func aCodeBesideOtherWordsStillReads(text: String, code: String) {
        #expect(PastedError(text)?.code == code, "\(text)")
    }
}
