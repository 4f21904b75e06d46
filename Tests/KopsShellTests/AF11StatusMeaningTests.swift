import KapsoClient
import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester59 AF11: 499 (the caller closed the connection) was "the request was refused" in `explain` and in `errors` for a
/// read, while `errors` called the same send's outcome unknown; 413 pointed at an error text the row did not have. Both
/// commands read `HTTPStatusMeaning`.
@Suite struct AF11StatusMeaningTests {
    @Test(arguments: ["HTTP 499", "POST /meta/whatsapp/v24.0/100200300400501/messages 499"])
    func explain499IsNoRefusal(text: String) {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(!run.out.contains("the request was refused"), "\(run.out)")
        #expect(run.out.contains("closed the connection"), "\(run.out)")
        #expect(run.out.contains("outcome is unknown"), "\(run.out)")
    }

    @Test func explain413SaysTooLarge() {
        let run = OfflineShell.run("explain", "HTTP 413 Payload Too Large")
        #expect(run.out.contains("larger than the server accepts"), "\(run.out)")
        #expect(!run.out.contains("read the error text"), "\(run.out)")
    }

    @Test(arguments: [("GET", 499, "closed the connection"), ("POST", 413, "larger than the server accepts")])
    func errorsReadsTheSame(method: String, status: Int, said: String) {
        let meaning = HTTPStatusMeaning.logged(status: status, method: method) ?? ""
        #expect(meaning.contains(said), "\(meaning)")
        #expect(!meaning.contains("the request was refused"), "\(meaning)")
    }
}
