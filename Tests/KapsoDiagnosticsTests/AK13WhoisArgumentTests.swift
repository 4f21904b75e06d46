import KapsoDiagnostics
import Testing

/// tester61b AK13: the `whois` a reading advises is one `whois` reads (`IDInput.read`), decoded: never a path's edge
/// (`messages`), an escaped form it refuses (`%2F100200300400501`) or `%20` left in (`1%20415%20555%200100`).
@Suite struct AK13WhoisArgumentTests {
    @Test(arguments: [
        ("100200300400501%2Fmessages", "100200300400501"), ("200300400500601%2Fmessage_templates", "200300400500601"),
        ("%2F100200300400501", "100200300400501"), ("%2B1%20415%20555%200100", "+1 415 555 0100"),
        ("1%20415%20555%200100", "1 415 555 0100"), ("100200300400501%20", "100200300400501"),
        ("wa.me%2F447700900005", "447700900005"), ("100200300400501", "100200300400501"),
    ])
    func anEscapedSegmentIsAdvisedDecoded(_ segment: String, _ argument: String) {
        #expect(APIPath.whoisArgument(segment) == argument)
    }

    @Test(arguments: ["messages", "message_templates", "dana.g%40example.com", "%2Fmessages"])
    func aSegmentWhoisRefusesIsNotAdvised(_ segment: String) {
        #expect(APIPath.whoisArgument(segment) == nil)
    }
}
