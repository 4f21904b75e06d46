import KopsShell
import Testing

/// tester49 L4: `explain` of a Graph body with `"is_transient": true` (code 1) said "retry: maybe … otherwise fix the request
/// first": the flag was not read. Meta's Business SDK reads it as `api_transient_error()`: true means retry with back-off;
/// false on a usually passing code (2) is not "later" unqualified.
@Suite struct ExplainTransientTests {
    static func body(code: Int, transient: Bool) -> String {
        #"{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":"#
            + "\(code),\"is_transient\":\(transient),\"fbtrace_id\":\"AbCdEf\"}}"
    }

    @Test(arguments: [1, 2, 131047])
    func aTransientErrorIsToldToBackOffAndRetry(_ code: Int) {
        let result = OfflineShell.run("explain", Self.body(code: code, transient: true))
        #expect(result.status == .ok)
        #expect(result.out.contains(
            "retry:      later: Graph marks this error transient (is_transient: true): back off and retry with growing delays\n"),
            "\(result.out)")
        #expect(!result.out.contains("fix the request first"), "\(result.out)")
    }

    @Test func notTransientOnAUsuallyPassingCodeSaysBoth() {
        let result = OfflineShell.run("explain", Self.body(code: 2, transient: false))
        #expect(result.out.contains("retry:      maybe: Graph marks this error not transient (is_transient: false), although code 2"),
            "\(result.out)")
        #expect(!result.out.contains("later: back off"), "\(result.out)")
        let json = OfflineShell.run("explain", Self.body(code: 2, transient: false), "--output", "json")
        #expect(json.out.contains(#""is_transient": false"#), "\(json.out)")
        #expect(json.out.contains(#""retry": "maybe""#), "\(json.out)")
    }

    @Test func notTransientOnARefusalKeepsTheRefusal() {
        let result = OfflineShell.run("explain", Self.body(code: 131047, transient: false))
        #expect(result.out.contains("retry:      no: the same request fails again\n"), "\(result.out)")
    }
}
