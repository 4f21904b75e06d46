import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester58 AD2 (AC2's kind, other shapes): `explain` dropped the code a user pasted when the words "status code" or
/// "statusCode" (an axios error, a log library's field) or a bare HTTP status came first, answering "HTTP 400 … read the
/// error text beside it"; an axios line followed by the very body kops asks for was told to paste the body. The HTTP
/// status stands aside for a Meta or Kapso code beside it.
@Suite struct AD2ExplainStatusBesideCodeTests {
    @Test(arguments: [
        ("statusCode: 400, code: 131047", "131047"), ("status code 400, error code 132000", "132000"),
        ("HTTP status code 400, Graph error code 131026", "131026"), ("status code: 400 error code: 131047", "131047"),
        ("Request failed with status code 400: 131047", "131047"), ("failed with 400 / 131047", "131047"),
        ("AxiosError: Request failed with status code 400 - (#131047) Re-engagement message", "131047"),
        (#"Request failed with status code 400 {"error":{"message":"(#131047) Re-engagement message","code":131047}}"#, "131047"),
        ("statusCode: 500, code: 131000", "131000"), ("131047.", "131047"),
    ])
    func theCodeBesideAStatusIsExplained(text: String, code: String) {
        #expect(PastedError(text)?.code == code, "\(String(describing: PastedError(text)))")
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("code:       \(code)"), "\(run.out)")
        #expect(!run.out.contains("paste the answer's body instead"), "\(run.out)")
    }

    /// A Kapso string code after the status, in the body Kapso answered.
    @Test func aKapsoCodeAfterTheStatusIsExplained() {
        let text = #"422 {"error":"Marketing preference stopped","code":"marketing_preference_stopped"}"#
        let run = OfflineShell.run("explain", text)
        #expect(run.out.contains("marketing_preference_stopped"), "\(run.out)")
        #expect(!run.out.contains("read the error text beside it"), "\(run.out)")
    }

    /// A status alone, or with counts, keeps its reading: no code is made up.
    @Test(arguments: ["statusCode: 400", "Request failed with status code 400", "status code 429 after 3 retries"])
    func aStatusWithoutACodeIsStillTheStatus(text: String) {
        #expect(PastedError(text)?.code == (text.contains("429") ? "429" : "400"))
    }
}
