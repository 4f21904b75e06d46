import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester59 AF3: Kapso's `{"error": "text"}` after a status (`422 {…}`, `HTTP 422: {…}`, an SDK's and axios's line) was
/// dropped: kops said "read the error text beside it" or "paste the answer's body instead" of the body pasted.
@Suite struct AF3ExplainKapsoBodyAfterStatusTests {
    static let body = #"{"error":"Events contains unsupported events: \"whatsapp.message.recieved\""}"#

    @Test(arguments: [
        "422 " + body, "HTTP 422: " + body, "kapso.errors.KapsoAPIError: 422 " + body,
        "Error: Request failed with status code 422 " + body,
    ])
    func theBodyBesideAStatusIsRead(text: String) {
        let run = OfflineShell.run("explain", text)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("HTTP status: 422"), "\(run.out)")
        #expect(run.out.contains("whatsapp.message.received"), "\(run.out)")
        #expect(!run.out.contains("read the error text beside it"), "\(run.out)")
        #expect(!run.out.contains("paste the answer's body instead"), "\(run.out)")
    }

    @Test func aPhoneNumberNotFoundAfterItsStatus() {
        let run = OfflineShell.run("explain", #"404 {"error":"WhatsApp phone number not found or not accessible in this project"}"#)
        #expect(run.out.contains("a phone-number id this key's project cannot see"), "\(run.out)")
    }
}
