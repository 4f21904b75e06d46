extension ClientTimeout {
    /// One client's timeout wording: the words that find it, the client they prove, how to read the time, and where the
    /// wording comes from.
    struct Row: Sendable {
        /// Words any one of which finds the row (any case).
        var said: [String]
        var name: String
        /// The client the words prove; nil when they prove none.
        var client: String?
        var meaning: String
        /// The client's setting that ran out, for the check line.
        var setting: String
        /// Whether the request may have reached the API, unless one of `notSent` is in the words too.
        var reached: Bool?
        var notSent: [String] = []
        var number: Number?
        /// Whether the row holds only when `number` reads a time (axios's `ms exceeded` alone is no proof).
        var needsNumber = false
        var source: String
    }

    /// Most specific first: .NET's and Go's net/http wording before Go's bare context deadline, AbortSignal's
    /// TimeoutError before its AbortError (whose words it holds).
    static let rows: [Row] = [
        Row(
            said: ["HttpClient.Timeout of"], name: ".NET HttpClient timeout", client: ".NET HttpClient",
            meaning: "the call ran past HttpClient.Timeout and .NET canceled it (a TaskCanceledException)",
            setting: "HttpClient.Timeout, 100 s unless set", reached: true,
            number: Number(after: "httpclient.timeout of ", unit: "second", shown: "s", what: "HttpClient.Timeout, as configured"),
            source: "learn.microsoft.com/dotnet/api/system.net.http.httpclient.timeout (default 100,000 ms); "
                + "learn.microsoft.com/microsoft-cloud/dev/dev-proxy/concepts/dotnet-httpclient-timeouts (TaskCanceledException, "
                + "its inner exception a TimeoutException on .NET 5 and later); the words as users paste them: "
                + "OkGoDoIt/OpenAI-API-dotnet#102, zhaopeiym/quartzui#64"),
        Row(
            said: ["TaskCanceledException", "A task was canceled"], name: "TaskCanceledException", client: ".NET",
            meaning: "a .NET task was canceled: HttpClient's timeout (before .NET 5 it gave only these words) or the "
                + "caller's own CancellationToken, the words do not say which",
            setting: "HttpClient.Timeout (100 s unless set) and any CancellationToken passed to the call", reached: true,
            source: "learn.microsoft.com/microsoft-cloud/dev/dev-proxy/concepts/dotnet-httpclient-timeouts (\"TaskCanceledException "
                + "can also mean someone canceled the request\"; check ex.InnerException is TimeoutException)"),
        Row(
            said: ["Client.Timeout exceeded", "Client.Timeout or context cancellation"], name: "Go net/http timeout",
            client: "Go net/http",
            meaning: "http.Client's Timeout ran out (it covers the whole call: connecting, sending, the headers and the body)",
            setting: "http.Client.Timeout, and a context deadline on the request", reached: true,
            notSent: ["waiting for connection"],
            source: "pkg.go.dev/net/http#Client (\"Timeout specifies a time limit for requests made by this Client. The timeout "
                + "includes connection time, any redirects, and reading the response body\"); the words are net/http's "
                + "client.go: '(Client.Timeout exceeded while awaiting headers)', 'request canceled while waiting for "
                + "connection' when no connection was made"),
        Row(
            said: ["context deadline exceeded"], name: "Go context deadline", client: "Go",
            meaning: "a Go context's deadline passed (context.DeadlineExceeded): the caller's context.WithTimeout or its "
                + "client's timeout; the words do not say which library made the call",
            setting: "the context's deadline (context.WithTimeout) and the http.Client's Timeout", reached: true,
            notSent: ["dial tcp", "waiting for connection"],
            source: "pkg.go.dev/context#pkg-variables (DeadlineExceeded, \"the error returned by Context.Err when the "
                + "context's deadline passes\"; its text is 'context deadline exceeded')"),
        Row(
            said: ["i/o timeout"], name: "Go i/o timeout", client: "Go",
            meaning: "a Go network read, write or dial ran past its deadline (the net package's 'i/o timeout')",
            setting: "the dialer's and transport's timeouts (net.Dialer.Timeout, Transport.ResponseHeaderTimeout)",
            reached: true, notSent: ["dial tcp", "dial udp", "lookup "],
            source: "pkg.go.dev/os#ErrDeadlineExceeded ('i/o timeout', the error a net.Conn's deadline gives); "
                + "'dial tcp …: i/o timeout' is the connect step"),
        Row(
            said: ["ms exceeded"], name: "axios timeout", client: "axios",
            meaning: "axios's timeout over the whole call ran out: while connecting or after the request was sent, the words "
                + "do not say which",
            setting: "axios's timeout option, which counts from the start of the call", reached: true,
            number: Number(after: "timeout of ", unit: "ms exceeded", shown: "ms", what: "axios's timeout, as configured"),
            needsNumber: true,
            source: "axios-http.com/docs/handling_errors; axios's http adapter: 'timeout of ' + config.timeout + 'ms exceeded' "
                + "with code ECONNABORTED (ETIMEDOUT with transitional.clarifyTimeoutError) (axios/axios#3581, #1543)"),
        Row(
            said: ["aborted due to timeout", "signal timed out"], name: "TimeoutError", client: "AbortSignal.timeout()",
            meaning: "the signal from AbortSignal.timeout(ms) fired and aborted the call (a TimeoutError DOMException)",
            setting: "the milliseconds given to AbortSignal.timeout()", reached: true,
            source: "developer.mozilla.org/docs/Web/API/AbortSignal/timeout_static (\"The signal aborts with a TimeoutError "
                + "DOMException on timeout, or with AbortError DOMException\" when user-triggered); Node.js says 'The "
                + "operation was aborted due to timeout', Chrome 'signal timed out'"),
        Row(
            said: ["This operation was aborted", "The operation was aborted", "AbortError"], name: "AbortError",
            client: "AbortController",
            meaning: "the caller's code aborted the call through its AbortController: a timeout only if the code aborts on a "
                + "timer (setTimeout(() => controller.abort(), ms)); a cancel reads the same",
            setting: "the timer that calls controller.abort(), if there is one", reached: true,
            source: "developer.mozilla.org/docs/Web/API/AbortSignal/timeout_static (AbortError for an abort that is no "
                + "timeout, TimeoutError for AbortSignal.timeout()); 'This operation was aborted' is the DOMException's "
                + "default message, Node's AbortError says 'The operation was aborted'"),
        Row(
            said: ["cURL error 28"], name: "libcurl timeout", client: "PHP over libcurl (Guzzle, WordPress)",
            meaning: "libcurl's timeout ran out (CURLE_OPERATION_TIMEDOUT, 28)",
            setting: "the client's timeout and connect_timeout (CURLOPT_TIMEOUT_MS, CURLOPT_CONNECTTIMEOUT_MS)",
            reached: true, notSent: ["connection timed out after", "resolving timed out after"],
            number: Number(after: "timed out after ", unit: "millisecond", shown: "ms", what: "time elapsed when it gave up"),
            source: "curl.se/libcurl/c/libcurl-errors.html (CURLE_OPERATION_TIMEDOUT 28: \"the specified time-out period "
                + "was reached\"); Guzzle's words 'cURL error 28: Operation timed out after 10070 milliseconds with 0 bytes "
                + "received' (guzzle/guzzle#2372, #1847)"),
        Row(
            said: ["Operation timed out after", "Connection timed out after", "Resolving timed out after"],
            name: "libcurl timeout", client: "libcurl",
            meaning: "libcurl's timeout ran out (CURLE_OPERATION_TIMEDOUT, 28)",
            setting: "the client's timeout and connect timeout (CURLOPT_TIMEOUT_MS, CURLOPT_CONNECTTIMEOUT_MS)",
            reached: true, notSent: ["connection timed out after", "resolving timed out after"],
            number: Number(after: "timed out after ", unit: "millisecond", shown: "ms", what: "time elapsed when it gave up"),
            source: "curl.se/libcurl/c/libcurl-errors.html (CURLE_OPERATION_TIMEDOUT 28); libcurl's words 'Connection timed "
                + "out after N milliseconds' (connect step, guzzle/guzzle#2377) and 'Operation timed out after N "
                + "milliseconds with 0 bytes received'"),
    ]

    /// What to check for this row's client.
    public var check: String {
        "the client's timeout (\(setting)) against how long the call takes (a send through Meta can take seconds)"
    }
}
