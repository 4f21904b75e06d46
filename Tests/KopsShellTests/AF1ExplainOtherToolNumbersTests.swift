import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester59 AF1: `explain` read numbers that are no Meta Graph code as codes and answered with confidence: curl's exit
/// status (`curl: (3) …` → "capability or permission"), a process's exit status, a count, `200 OK`, Cloudflare's 1020.
/// curl's line is read as curl's (libcurl-errors); the others are refused as holding no error code, named as what they are.
@Suite struct AF1ExplainOtherToolNumbersTests {
    @Test(arguments: [
        ("curl: (3) URL using bad/illegal format or missing URL", "CURLE_URL_MALFORMAT"),
        ("curl: (4) A requested feature, protocol or option was not found built-in", "curl's exit status 4"),
        ("curl: (6) Could not resolve host: api.kapso.ai", "CURLE_COULDNT_RESOLVE_HOST"),
        ("curl: (28) Operation timed out after 30001 milliseconds", "CURLE_OPERATION_TIMEDOUT"),
        ("curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL", "CURLE_SSL_CONNECT_ERROR"),
        ("curl: (56) Recv failure: Connection reset by peer", "CURLE_RECV_ERROR"),
    ])
    func curlsExitStatusIsCurls(text: String, said: String) {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains(said), "\(run.out)")
        #expect(run.out.contains("not an API error code"), "\(run.out)")
        #expect(!run.out.contains("code:  "), "\(run.out)")
        #expect(!run.out.contains("permission") && !run.out.contains("rate limit"), "\(run.out)")
    }

    @Test(arguments: [
        ("Process exited with code 1", "exit status"), ("exit status 3", "exit status"), ("exitCode: 1", "exit status"),
        ("10 messages failed", "a count"), ("failed: 200 OK but no message id", "success status"),
        ("error code: 1020", "Cloudflare"), ("HTTP/2 403 cf-ray: 8abc error code: 1010", "Cloudflare"),
    ])
    func anotherToolsNumberIsNoCode(text: String, said: String) {
        let run = OfflineShell.run("explain", text)
        #expect(run.status != .ok)
        #expect(run.err.contains("no Meta or Kapso error code"), "\(run.err)")
        #expect(run.err.contains(said), "\(run.err)")
        #expect(!run.out.contains("name:"), "\(run.out)")
    }

    /// A real code beside such a number is still read.
    @Test(arguments: [
        ("10 messages failed with error 131026", "131026"), ("error_code: 131047 after exit status 1", "131047"),
        ("(#131047) Re-engagement message", "131047"), ("code: 100", "100"), ("error 131026", "131026"),
        (#"{"error":{"message":"(#10) 10 messages","code":10}}"#, "10"),
    ])
    func aCodeBesideItIsStillRead(text: String, code: String) {
        #expect(PastedError(text)?.code == code, "\(String(describing: PastedError(text)))")
        #expect(OfflineShell.run("explain", text).status == .ok)
    }
}
