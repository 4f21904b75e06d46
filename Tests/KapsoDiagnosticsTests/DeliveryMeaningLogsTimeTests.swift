import KapsoClient
import KapsoDiagnostics
import Testing

/// fix58D (lead's review, item 4): `ErrorTriage.deliveryMeaning` took two inputs for one thing, when to read the
/// receiver's logs: `single: Bool` (one delivery shown with its last attempt) and `at: String?`, which overrode it (a pasted
/// delivery's time). One input now, `logs: LogsTime`; each caller's words are as before (`webhooks test`, `explain`, the
/// lists), for the handler's answers, the transport's (RFC 9110) and Cloudflare's alike.
@Suite struct DeliveryMeaningLogsTimeTests {
    @Test(arguments: [500, 400, 408, 504, 524])
    func eachTimeIsSaidInItsOwnWords(status: Int) {
        let words: [(ErrorTriage.LogsTime, String)] = [
            (.listed, "at these times"), (.lastAttempt, "at the time of the last attempt above"), (.pasted, "at the delivery's time"),
        ]
        for (logs, said) in words {
            let meaning = ErrorTriage.deliveryMeaning(status: status, url: "https://hooks.example.com/wa", logs: logs)
            #expect(meaning.contains(said), "\(logs): \(meaning)")
            for (other, otherSaid) in words where other != logs {
                #expect(!meaning.contains(otherSaid), "\(logs): \(meaning)")
            }
        }
    }

    /// The default is the lists' words, for a recorded answer as for a read one.
    @Test func theDefaultIsTheListsWords() {
        #expect(ErrorTriage.deliveryMeaning(status: 500) == ErrorTriage.deliveryMeaning(status: 500, logs: .listed))
        #expect(ErrorTriage.deliveryMeaning(DeliveryAnswer(500), logs: .lastAttempt)
            == ErrorTriage.deliveryMeaning(status: 500, logs: .lastAttempt))
        #expect(PastedDeliveryStatus("my webhook receiver answered 500")?.meaning.contains("check its logs at the delivery's time") == true)
    }
}
