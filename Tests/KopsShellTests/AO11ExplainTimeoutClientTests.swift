import KopsShell
import Testing

/// tester63b AO11: timeouts whose words prove the client (Java, Python requests, Ruby) got "answered by: the caller's own
/// HTTP client (Node.js, Python, Go, …)" and no `client:` line; cURL 28 read "(PHP over libcurl (Guzzle, WordPress))".
/// The client the words prove is named; a name with parentheses is set off by commas.
@Suite struct AO11ExplainTimeoutClientTests {
    @Test(arguments: [
        ("java.net.SocketTimeoutException: Read timed out", "Java"),
        ("ReadTimeout: HTTPSConnectionPool(host=api.kapso.ai, port=443): Read timed out. (read timeout=10)",
         "Python urllib3 (as requests uses it)"),
        ("requests.exceptions.ReadTimeout: read timed out", "Python requests"),
        ("Net::ReadTimeout with #<TCPSocket:(closed)>", "Ruby Net::HTTP"),
    ])
    func theClientTheWordsProveIsNamed(text: String, client: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(!ran.out.contains("Node.js"), "\(ran.out)")
        #expect(ran.out.contains("client") && ran.out.contains(client), "\(ran.out)")
    }

    @Test func aNameWithParenthesesIsNotNested() {
        let ran = OfflineShell.run("explain", "cURL error 28: Operation timed out after 4514 milliseconds with 0 bytes received")
        #expect(ran.out.contains("the caller's own HTTP client, PHP over libcurl (Guzzle, WordPress), not an API error code"), "\(ran.out)")
        let answered = ran.out.split(separator: "\n").first { $0.hasPrefix("answered by") } ?? ""
        #expect(!answered.contains("((") && !answered.contains("))"), "\(answered)")
    }
}
