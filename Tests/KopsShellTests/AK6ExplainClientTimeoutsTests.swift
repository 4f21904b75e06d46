import KapsoDiagnostics
import KopsShell
import Testing

/// tester62 AK6: a client-side timeout other than axios's was refused as "invalid error code" (AbortSignal's TimeoutError
/// and AbortError, Go's deadlines, .NET's HttpClient.Timeout and TaskCanceledException, Guzzle's `cURL error 28`), and
/// Go's `Client.Timeout exceeded while awaiting headers` was called an "axios timeout". Each is read now by
/// `ClientTimeout`: the client only when the words prove it, the time when they give one.
@Suite struct AK6ExplainClientTimeoutsTests {
    static let never = "no request reached the API"
    static let maybe = "may have reached the API"

    static let cases: [(text: String, name: String, client: String?, limit: String?, outcome: String)] = [
        ("TimeoutError: The operation was aborted due to timeout", "TimeoutError", "AbortSignal.timeout()", nil, maybe),
        ("DOMException [TimeoutError]: signal timed out", "TimeoutError", "AbortSignal.timeout()", nil, maybe),
        ("AbortError: This operation was aborted", "AbortError", "AbortController", nil, maybe),
        ("Get \"https://api.kapso.ai/meta/whatsapp/v24.0/123/messages\": context deadline exceeded", "Go context deadline",
         "Go", nil, maybe),
        ("Post \"https://api.kapso.ai/x\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
         "Go net/http timeout", "Go net/http", nil, maybe),
        ("net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)",
         "Go net/http timeout", "Go net/http", nil, never),
        ("Post \"https://api.kapso.ai/x\": dial tcp 10.0.0.1:443: i/o timeout", "Go i/o timeout", "Go", nil, never),
        ("System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured "
            + "HttpClient.Timeout of 100 seconds elapsing.", ".NET HttpClient timeout", ".NET HttpClient",
         "100 s (HttpClient.Timeout, as configured)", maybe),
        ("System.Threading.Tasks.TaskCanceledException: A task was canceled.", "TaskCanceledException", ".NET", nil, maybe),
        ("cURL error 28: Operation timed out after 5000 milliseconds with 0 bytes received (see "
            + "https://curl.haxx.se/libcurl/c/libcurl-errors.html)", "libcurl timeout", "PHP over libcurl (Guzzle, WordPress)",
         "5000 ms (time elapsed when it gave up)", maybe),
        ("cURL error 28: Connection timed out after 4514 milliseconds", "libcurl timeout",
         "PHP over libcurl (Guzzle, WordPress)", "4514 ms (time elapsed when it gave up)", never),
        ("AxiosError: timeout of 5000ms exceeded", "axios timeout", "axios", "5000 ms (axios's timeout, as configured)", maybe),
        // Words that prove no client: said as a client-side timeout, never as axios's.
        ("Error: timeout exceeded", "client-side timeout", nil, nil, maybe),
        ("{ code: 'ECONNABORTED' }", "client-side timeout", nil, nil, maybe),
    ]

    @Test(arguments: 0..<cases.count)
    func aClientTimeoutIsNamedOnlyByItsClient(_ index: Int) {
        let (text, name, client, limit, outcome) = Self.cases[index]
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(!ran.err.contains("invalid error code") && !ran.err.contains("unknown error code"), "\(ran.err)")
        #expect(ran.out.contains("network:") && ran.out.contains(name), "\(ran.out)")
        #expect(ran.out.contains(outcome), "\(ran.out)")
        let failure = ClientNetworkError(text)
        #expect(failure?.name == name, "\(text)")
        #expect(failure?.timeout?.client == client, "\(text)")
        #expect(failure?.timeout?.limit == limit, "\(text)")
        // Only the source line may name axios (the table's references list its docs).
        let said = ran.out.split(separator: "\n").filter { !$0.hasPrefix("source:") }.joined(separator: "\n")
        if client != "axios" { #expect(!said.contains("axios"), "\(ran.out)") }
        if let limit { #expect(ran.out.contains("timeout:") && ran.out.contains(limit), "\(ran.out)") }
    }

    /// A word that only looks like axios's (`items exceeded`) is no timeout.
    @Test func otherWordsEndingInMsExceededAreNoAxiosTimeout() {
        #expect(ClientTimeout("Error: max items exceeded") == nil)
        #expect(ClientNetworkError("Error: max items exceeded")?.name != "axios timeout")
    }

    /// curl's own line keeps its exit-status reading and adds the time its words give.
    @Test func curlsOwnLineSaysTheTime() {
        let ran = OfflineShell.run("explain", "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received")
        #expect(ran.out.contains("curl exit:") && ran.out.contains("30001 ms (time elapsed when it gave up)"), "\(ran.out)")
    }

    /// Every row cites where its wording comes from.
    @Test func everyReadingHasASource() {
        for (text, _, _, _, _) in Self.cases {
            let failure = ClientNetworkError(text)
            #expect(failure?.reference.isEmpty == false, "\(text)")
        }
        #expect(ClientTimeout("context deadline exceeded")?.source.contains("pkg.go.dev/context") == true)
    }
}
